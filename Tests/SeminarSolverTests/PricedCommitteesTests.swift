import Domain
import Testing

@testable import SeminarSolver

/// The committees chosen under prices on the members' seats, checked by hand
/// and against enumeration of every committee of small programs.
@Suite struct PricedCommitteesTests {
    /// Three fellows, one external seat each on x1 (areas p, q) and x2 (u,
    /// v): f1 (interests p, q, u, v) is served as well by either, f2 (p, q)
    /// only by x1, f3 (u) only by x2 (expertise 1). Taken lowest best first,
    /// f3 takes x2 and f1 then x1, so f2 goes without: worst 1, total 3. Only
    /// two can have a committee; the best two are f1 with x2 and f2 with x1
    /// (worst 2, total 4), which a price on x1 (wanted by f1 and f2) finds.
    @Test func aPriceOnTheScarceMemberServesTheFellowsWhoGainMost() {
        let s = CommitteeTests.program(
            fellows: [
                ("f1", "L1", "mA", ["p", "q", "u", "v"]), ("f2", "L2", "mB", ["p", "q"]), ("f3", "L3", "mC", ["u"])
            ],
            mentors: [
                CommitteeTests.mentor("mA", "L1", ["z"], load: 0, chair: true),
                CommitteeTests.mentor("mB", "L2", ["z"], load: 0, chair: true),
                CommitteeTests.mentor("mC", "L3", ["z"], load: 0, chair: true),
                CommitteeTests.mentor("x1", "L4", ["p", "q"], load: 1, external: true),
                CommitteeTests.mentor("x2", "L4", ["u", "v"], load: 1, external: true)
            ],
            settings: CommitteeTests.settings(readers: 0...0, externals: 1, cover: false, mentorChairs: true))
        let settings = s.settings.committee!
        let pool = CommitteeMember.pool(s)
        let open = CommitteeCandidates.all(s, pool: pool)
        let bounds = CommitteeBounds(open, pool: pool, settings: settings)
        let lowestFirst = DirectCommittees(open, pool: pool, settings: settings, bounds: bounds)
        #expect(lowestFirst.chosen.map { $0?.members.map { pool[$0].id } } == [["x1"], nil, ["x2"]])
        #expect(lowestFirst.worst == 1 && lowestFirst.total == 3)
        let priced = PricedCommittees.improve(lowestFirst, open, pool: pool, settings: settings, bounds: bounds)
        #expect(priced.chosen.map { $0?.members.map { pool[$0].id } } == [["x2"], ["x1"], nil])
        #expect(priced.formed == 2 && priced.worst == 2 && priced.total == 4)
    }

    /// On 60 small programs where members run out, the priced committees
    /// keep every rule (each is one of the fellow's committees that
    /// enumeration lists, with its expertise), never come after the start
    /// in the stages' order, and never pass the enumerated optimum.
    @Test func pricedCommitteesKeepTheRulesAndNeverPassTheOptimum() {
        var rng = SeededRandom(seed: 47)
        var better = 0
        for round in 0..<60 {
            var s = CommitteeEnumerationTests.scarceProgram(&rng)
            s.fellows = Array(s.fellows.prefix(5))
            let settings = s.settings.committee!
            let pool = CommitteeMember.pool(s)
            let people = pool.map {
                CommitteeEnumerationTests.Person(
                    id: $0.id, lab: $0.lab, areas: $0.areas, load: $0.load, external: $0.external, chair: $0.chair)
            }
            let options = s.fellows.map { CommitteeEnumerationTests.options($0, people, s, settings) }
            let optimum = CommitteeEnumerationTests.best(options, people: people)
            let open = CommitteeCandidates.all(s, pool: pool).filter { $0.shortfall == nil }
            guard !open.isEmpty, open.count == s.fellows.count else { continue }
            let bounds = CommitteeBounds(open, pool: pool, settings: settings)
            let start = DirectCommittees.best(open, pool: pool, settings: settings, bounds: bounds)
            let priced = PricedCommittees.improve(start, open, pool: pool, settings: settings, bounds: bounds)
            #expect(priced.key >= start.key, "round \(round)")
            for (i, choice) in priced.chosen.enumerated() {
                guard let choice else { continue }
                let listed = options[i].compactMap { $0 }.first { Set($0.members) == Set(choice.members) }
                #expect(listed?.expertise == choice.expertise, "round \(round): fellow \(i)")
            }
            for (p, load) in priced.loads.enumerated() { #expect(load <= pool[p].load, "round \(round)") }
            let reached = (priced.formed, priced.worst ?? -1, priced.total)
            #expect(reached <= (optimum.0, optimum.1 ?? -1, optimum.2), "round \(round)")
            better += priced.key > start.key ? 1 : 0
        }
        #expect(better >= 1)
    }
}
