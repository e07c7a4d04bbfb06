import Domain
import GLPKBackend
import PlacementSolver
import Testing

@testable import SeminarSolver

/// The schedule built without the integer program (``ScheduleConstruction``
/// and ``ScheduleImprovement``): valid whenever it says it is complete,
/// checked rule by rule here, independently of the code that builds it.
@Suite struct ScheduleConstructionTests {
    /// Every hard rule of the format page, checked from scratch.
    static func violations(_ sessionOf: [Int?], talks: [Talk], options: SessionOptions) -> [String] {
        var problems: [String] = []
        for (t, s) in sessionOf.enumerated() {
            guard let s else {
                problems.append("\(talks[t].id) unscheduled")
                continue
            }
            if !options.open[t].contains(s) { problems.append("\(talks[t].id) in a closed session") }
        }
        for (si, session) in options.sessions.enumerated() {
            let here = sessionOf.indices.filter { sessionOf[$0] == si }
            if here.count > session.capacity { problems.append("\(session.id) over capacity") }
            if Set(here.map { talks[$0].fellow }).count < here.count {
                problems.append("\(session.id): a fellow twice")
            }
        }
        for (a, ta) in talks.enumerated() {
            for (b, tb) in talks.enumerated() where ta.fellow == tb.fellow && ta.kind == "wip" && tb.kind == "thesis" {
                if let sa = sessionOf[a], let sb = sessionOf[b], options.position[sa] >= options.position[sb] {
                    problems.append("\(tb.id) not after \(ta.id)")
                }
            }
        }
        return problems
    }

    /// n fellows and 2n sessions of one talk each; fellow i can come only to
    /// sessions i, i + 1 and n + i (fellow n: n and 2n). Counting seats shows that exactly one
    /// schedule exists: session n + i can only hold fellow i's thesis, so
    /// the first n sessions hold the wip talks, and session 1 (open to
    /// fellow 1 alone) fixes the rest in turn: wip i in session i.
    static func uniqueSeries(_ n: Int) -> SeminarProgram {
        var p = SeminarProgram()
        for i in 1...n { p.fellow("f\(i)", lab: "lab\(i)", mentor: "m\(i)") }
        p.sessions(2 * n)
        for i in 1...n {
            let open: Set<Int> = i < n ? [i, i + 1, n + i] : [n, 2 * n]
            for s in 1...(2 * n) where !open.contains(s) { p.away("f\(i)", session: "s\(s)") }
        }
        return p
    }

    @Test func theOnlyValidScheduleIsFound() throws {
        let n = 8
        let o = try Self.uniqueSeries(n).schedule()
        #expect(o.hasSchedule)
        for i in 1...n {
            #expect(o.session(of: "f\(i)", "wip") == "s\(i)")
            #expect(o.session(of: "f\(i)", "thesis") == "s\(n + i)")
        }
    }

    @Test func theConstructionAloneFindsTheOnlyValidSchedule() throws {
        let n = 12
        let p = Self.uniqueSeries(n)
        let talks = TalkList.talks(for: p.scenario, placements: p.placements)
        let options = SessionOptions(talks: talks, scenario: p.scenario)
        var state = ScheduleState(talks: talks, options: options, kept: [])
        #expect(ScheduleConstruction.build(&state))
        #expect(Self.violations(state.sessionOf, talks: talks, options: options).isEmpty)
    }

    /// Random small series: 3–7 fellows with wip and thesis talks, 4–12
    /// sessions of capacity 1–2, some kinds restricted, absences. Whenever
    /// the construction says it is complete, the schedule keeps every rule,
    /// before and after the improvement; the integer program agrees that a
    /// schedule exists; and the scheduler never reports "no schedule" for a
    /// series the construction solved.
    @Test(arguments: 0..<80)
    func theConstructionIsAlwaysValid(seed: Int) throws {
        var rng = SeededRandom(seed: UInt64(seed) &* 6151 &+ 3)
        var p = SeminarProgram()
        let fellows = rng.int(3...7)
        for i in 1...fellows {
            p.fellow("f\(i)", lab: "lab\(rng.int(1...3))", mentor: "m\(i)", track: rng.pick(["clinical", "imaging"]))
        }
        p.sessions(rng.int(4...12), capacity: rng.int(1...2))
        for k in p.sessions.indices where rng.chance(0.3) { p.sessions[k].kinds = [rng.pick(["wip", "thesis"])] }
        for i in 1...fellows {
            for s in p.sessions where rng.chance(0.2) { p.away(rng.chance(0.7) ? "f\(i)" : "m\(i)", session: s.id) }
        }
        let talks = TalkList.talks(for: p.scenario, placements: p.placements)
        let options = SessionOptions(talks: talks, scenario: p.scenario)
        var state = ScheduleState(talks: talks, options: options, kept: [])
        let built = ScheduleConstruction.build(&state)
        let model = SeminarModel(talks: talks, options: options)
        let exact = try GLPKSolver().solve(model.model, options: .deterministic)
        if built {
            #expect(Self.violations(state.sessionOf, talks: talks, options: options).isEmpty, "seed \(seed)")
            ScheduleImprovement.improve(&state)
            #expect(Self.violations(state.sessionOf, talks: talks, options: options).isEmpty, "seed \(seed)")
            #expect(exact.solution != nil, "seed \(seed)")
            if let best = exact.solution?.objective { #expect(state.penalty >= best - 1e-6, "seed \(seed)") }
            #expect(state.leastPenalty <= (exact.solution?.objective ?? 0) + 1e-6, "seed \(seed): the bound is a bound")
        }
        let outcome = try p.schedule()
        #expect(outcome.hasSchedule == (exact.solution != nil), "seed \(seed)")
        if let best = exact.solution?.objective, outcome.status == .optimal {
            #expect(abs((outcome.penalty ?? .nan) - best) < 1e-6, "seed \(seed)")
        }
    }

    /// Random re-plans: a series is scheduled, then some presenters and
    /// mentors become unavailable (often exactly where their talks are) and
    /// the series is re-planned from the first schedule. The re-plan keeps
    /// every rule of the changed series, and reports no schedule only when
    /// the integer program finds none either.
    @Test(arguments: 0..<60)
    func aReplanIsAlwaysValid(seed: Int) throws {
        var rng = SeededRandom(seed: UInt64(seed) &* 7919 &+ 11)
        var p = SeminarProgram()
        let fellows = rng.int(3...6)
        for i in 1...fellows { p.fellow("f\(i)", lab: "lab\(rng.int(1...3))", mentor: "m\(i)") }
        p.sessions(rng.int(6...12), capacity: rng.int(1...2))
        let first = try p.schedule()
        guard first.hasSchedule else { return }
        for t in first.talks where rng.chance(0.4) {
            p.away(rng.chance(0.6) || !t.talk.mentorRequired ? t.talk.fellow : t.talk.mentor, session: t.session.id)
        }
        for s in p.sessions where rng.chance(0.1) { p.away("f\(rng.int(1...fellows))", session: s.id) }
        let again = try p.schedule(previous: first.asPrevious)
        let talks = TalkList.talks(for: p.scenario, placements: p.placements)
        let options = SessionOptions(talks: talks, scenario: p.scenario)
        let exact = try GLPKSolver().solve(SeminarModel(talks: talks, options: options).model, options: .deterministic)
        #expect(again.hasSchedule == (exact.solution != nil), "seed \(seed)")
        guard again.hasSchedule else { return }
        let sessionIndex = Dictionary(uniqueKeysWithValues: options.sessions.enumerated().map { ($1.id, $0) })
        let placed = Dictionary(uniqueKeysWithValues: again.talks.map { ($0.talk.id, sessionIndex[$0.session.id]) })
        let sessionOf = talks.map { placed[$0.id] ?? nil }
        #expect(Self.violations(sessionOf, talks: talks, options: options).isEmpty, "seed \(seed)")
        // Nobody left: every earlier talk is kept or moved, none dropped or added.
        #expect(again.kept + again.moves.filter { $0.kind == .moved }.count == first.talks.count, "seed \(seed)")
    }
}
