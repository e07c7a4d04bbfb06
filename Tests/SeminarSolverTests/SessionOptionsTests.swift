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
            var open = OpenSessions(sorted, without: AwaySessions(sessions: away))
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

    /// The months a talk's open sessions fall in, found from the month
    /// runs by binary search, are those a pass over its sessions finds, on
    /// random lists, absences, kept sessions and month runs (some empty of
    /// the list, some only a kept session's).
    @Test func openSessionsNameTheirMonths() {
        var random = SeededRandom(seed: 19)
        for _ in 0..<400 {
            let sorted = (0..<60).filter { _ in Bool.random(using: &random) }
            let away = Set(
                (0..<Int.random(in: 0...12, using: &random)).map { _ in Int.random(in: -2...62, using: &random) })
            var open = OpenSessions(sorted, without: AwaySessions(sessions: away))
            for _ in 0..<Int.random(in: 0...3, using: &random) { open.insert(Int.random(in: 0...59, using: &random)) }
            let cuts = Set(
                (0..<Int.random(in: 0...8, using: &random)).map { _ in Int.random(in: 1...59, using: &random) })
            let bounds = [0] + cuts.sorted() + [60]
            let monthOf = (0..<60).map { s in bounds.lastIndex { $0 <= s }! }
            let expected = Set(open.map { monthOf[$0] }).sorted()
            #expect(open.months(bounds: bounds) == expected, "bounds \(bounds)")
        }
    }

    /// How many talks each session is open to, counted over the shared
    /// lists and the runs left out, is what counting every talk's sessions
    /// one by one gives: random talks sharing one of three lists (or a
    /// copy of one, or a list of their own), with absences and kept sessions.
    @Test func sessionsAreCountedOverTheSharedLists() {
        var random = SeededRandom(seed: 23)
        for _ in 0..<200 {
            let lists = (0..<3).map { _ in (0..<50).filter { _ in random.chance(0.6) } }
            let sets = (0..<random.int(0...12)).map { _ -> OpenSessions in
                let base = random.chance(0.1) ? Array(random.pick(lists)) + [] : random.pick(lists)
                let away = Set((0..<random.int(0...6)).map { _ in random.int(-2...52) })
                var open = OpenSessions(base, without: AwaySessions(sessions: away))
                for _ in 0..<random.int(0...2) { open.insert(random.int(0...49)) }
                return open
            }
            let expected = (0..<50).map { s in sets.filter { $0.contains(s) }.count }
            #expect(OpenSessions.coverage(sets, sessions: 50) == expected)
        }
    }

    /// Away sessions given as runs in any order (overlapping, touching, empty)
    /// hold exactly the sessions of the runs, as ascending runs that never
    /// touch; a kind's list less them is the plain filtered list.
    @Test func awaySessionsAreTheirRunsMerged() {
        var random = SeededRandom(seed: 11)
        for _ in 0..<300 {
            let runs = (0..<Int.random(in: 0...6, using: &random)).map { _ in
                let a = Int.random(in: -2...62, using: &random)
                return a..<(a + Int.random(in: 0...9, using: &random))
            }
            let away = AwaySessions(runs)
            let expected = Set(runs.flatMap { $0 })
            #expect((-3...72).allSatisfy { away.contains($0) == expected.contains($0) })
            #expect(away.isEmpty == expected.isEmpty)
            #expect(zip(away.runs, away.runs.dropFirst()).allSatisfy { $0.upperBound < $1.lowerBound })
            #expect(away.runs.allSatisfy { !$0.isEmpty })
            #expect(away == AwaySessions(sessions: expected))
            let sorted = (0..<60).filter { _ in Bool.random(using: &random) }
            let open = OpenSessions(sorted, without: away)
            #expect(Array(open) == sorted.filter { !expected.contains($0) })
            #expect(open.count == sorted.filter { !expected.contains($0) }.count)
            #expect((-2...62).allSatisfy { open.contains($0) == (sorted.contains($0) && !expected.contains($0)) })
        }
    }

    /// Who is away from which session, from rows by date and by session id,
    /// on random series with several rooms a date: the same as asking each
    /// row whether it blocks the session (`Unavailability.blocks`).
    @Test func blockedSessionsFollowEachRow() {
        var random = SeededRandom(seed: 5)
        for _ in 0..<100 {
            var sessions: [SeminarSession] = []
            for k in 0..<Int.random(in: 1...30, using: &random) {
                sessions.append(
                    SeminarSession(
                        id: "s\(k)",
                        date: CalendarDate(year: 2026, month: 9, day: 1).adding(
                            days: Int.random(in: 0...9, using: &random)),
                        start: TimeOfDay(hour: Int.random(in: 9...12, using: &random), minute: 0),
                        end: TimeOfDay(hour: 14, minute: 0), room: "R", capacity: 1, kinds: []))
            }
            let sorted = sessions.sorted { ($0.date, $0.start, $0.id) < ($1.date, $1.start, $1.id) }
            let rows = (0..<Int.random(in: 0...8, using: &random)).map { _ in
                let person = ["p1", "p2", "p3"][Int.random(in: 0...2, using: &random)]
                return Bool.random(using: &random)
                    ? Unavailability(
                        person: person,
                        date: CalendarDate(year: 2026, month: 9, day: 1).adding(
                            days: Int.random(in: 0...10, using: &random)))
                    : Unavailability(
                        person: person, session: sessions[Int.random(in: 0..<sessions.count, using: &random)].id)
            }
            let blocked = SessionOptions.blocked(rows, sessions: sorted)
            for person in ["p1", "p2", "p3"] {
                for (si, s) in sorted.enumerated() {
                    let expected = rows.contains { $0.person == person && $0.blocks(s) }
                    #expect((blocked[person]?.contains(si) ?? false) == expected)
                }
            }
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
