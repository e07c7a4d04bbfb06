import Domain
import Testing

@testable import SeminarSolver

/// `SessionOptions`: each talk's open sessions, checked against the rules
/// written out here one session at a time.
@Suite struct SessionOptionsTests {
    /// A talk's open sessions, its kind's sorted list less the sessions a
    /// person is away on, plus kept sessions inserted, iterate, count and
    /// answer `contains` as a plain filtered and sorted array does, on random
    /// lists and absences (some absent from the list).
    @Test func openSessionsAreTheFilteredList() {
        var random = SeededRandom(seed: 7)
        for _ in 0..<300 {
            let sorted = (0..<60).filter { _ in Bool.random(using: &random) }
            let away = Set(
                (0..<Int.random(in: 0...8, using: &random)).map { _ in Int.random(in: -2...62, using: &random) })
            var open = OpenSessions(sorted, without: away)
            var expected = sorted.filter { !away.contains($0) }
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                let kept = Int.random(in: -1...61, using: &random)
                open.insert(kept)
                if !expected.contains(kept) { expected = (expected + [kept]).sorted() }
            }
            #expect(Array(open) == expected)
            #expect(open.count == expected.count && open.isEmpty == expected.isEmpty)
            #expect((-2...62).allSatisfy { open.contains($0) == expected.contains($0) })
        }
    }

    /// Open sessions of every talk of a small series, against the rules one by
    /// one: kind allowed, capacity, the presenter and (where needed) the mentor free.
    @Test func openSessionsFollowTheRules() {
        var p = SeminarProgram()
        p.fellow("f1")
        p.fellow("f2", lab: "labB", mentor: "mB")
        p.sessions(4, kinds: ["wip"])
        p.sessions(3, kinds: ["thesis"])
        p.away("f1", session: "s2")
        p.away("mA", session: "s6")
        p.away("mB", session: "s1")
        let talks = TalkList.talks(for: p.scenario, placements: p.placements)
        let options = SessionOptions(talks: talks, scenario: p.scenario)
        for (ti, t) in talks.enumerated() {
            let expected = options.sessions.indices.filter { si in
                let s = options.sessions[si]
                let away = Set(p.scenario.availability.filter { $0.session == s.id }.map(\.person))
                return s.allows(t.kind) && s.capacity >= 1 && !away.contains(t.fellow)
                    && !(t.mentorRequired && away.contains(t.mentor))
            }
            #expect(Array(options.open[ti]) == expected, "\(t.id)")
        }
    }
}
