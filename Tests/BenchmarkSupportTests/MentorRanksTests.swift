import Domain
import IntakeGenerator
import Testing

/// `generate --mentor-ranks`: mentors rank the new fellows who ranked their
/// lab, and nothing else of the intake changes.
@Suite struct MentorRanksTests {
    @Test(arguments: MentorRanks.allCases)
    func everyMentorRanksTheApplicantsOfTheirLab(kind: MentorRanks) {
        let plain = IntakeGenerator(newFellows: 60, seed: 3).scenario()
        let ranked = IntakeGenerator(newFellows: 60, seed: 3, mentorRanks: kind).scenario()
        #expect(plain.mentorPreferences.isEmpty)
        #expect(ranked.fellows == plain.fellows && ranked.preferences == plain.preferences)
        #expect(ranked.labs == plain.labs && ranked.mentors == plain.mentors && ranked.funding == plain.funding)
        for m in ranked.mentors {
            let applicants = Set(plain.preferences.filter { $0.lab == m.lab }.map(\.fellow))
            let mine = ranked.mentorPreferences.filter { $0.mentor == m.id }
            #expect(Set(mine.map(\.fellow)) == applicants)
            #expect(mine.map(\.rank).sorted() == Array(1..<(mine.count + 1)))
        }
    }

    /// Correlated rankings agree more than independent ones: over pairs of
    /// fellows ranked by two mentors of one lab, the share ordered alike.
    @Test func correlatedMentorsMostlyAgree() {
        func agreement(_ kind: MentorRanks) -> Double {
            let s = IntakeGenerator(newFellows: 200, seed: 5, mentorRanks: kind).scenario()
            let rank = Dictionary(
                uniqueKeysWithValues: s.mentorPreferences.map { ("\($0.mentor) \($0.fellow)", $0.rank) })
            var same = 0, all = 0
            for (_, ms) in Dictionary(grouping: s.mentors, by: \.lab) where ms.count >= 2 {
                let a = ms[0].id, b = ms[1].id
                let fellows = s.mentorPreferences.filter { $0.mentor == a }.map(\.fellow)
                for (i, f) in fellows.enumerated() {
                    for g in fellows[(i + 1)...] {
                        let x = rank["\(a) \(f)"]! < rank["\(a) \(g)"]!
                        let y = rank["\(b) \(f)"]! < rank["\(b) \(g)"]!
                        all += 1
                        if x == y { same += 1 }
                    }
                }
            }
            return Double(same) / Double(max(all, 1))
        }
        #expect(agreement(.correlated) > 0.9)
        #expect(agreement(.independent) < 0.7)
    }
}
