import Domain
import GLPKBackend
import Modeling
import Testing

@testable import SeminarSolver

/// The least soft-aim penalty (`ScheduleState.leastPenalty`): hand-worked
/// series where it is the optimum, and random small series (both
/// generators' shapes: shared labs and sessions of several seats; one seat
/// a session over several months) where it never exceeds the optimum the
/// integer program proves.
@Suite struct SoftAimBoundTests {
    /// Two months of 3 seats each and targets 2 and 2 (4 talks): three talks
    /// can only use the first month, so the loads are 3 and 1 and the spread
    /// is |3 − 2| + |1 − 2| = 2, where rounding the targets alone gives 0.
    @Test func theMonthsEachTalkMayUseBoundTheSpread() {
        let least = MonthLoadBound.least(monthsOf: [[0], [0], [0], [0, 1]], seats: [3, 3], target: [2, 2])
        #expect(least == 2)
        // Seats bind too: 4 talks free to use either month, 1 seat in the second: loads 3 and 1.
        #expect(MonthLoadBound.least(monthsOf: Array(repeating: [0, 1], count: 4), seats: [3, 1], target: [2, 2]) == 2)
        // Free talks and enough seats: the targets themselves.
        #expect(MonthLoadBound.least(monthsOf: Array(repeating: [0, 1], count: 4), seats: [3, 3], target: [2, 2]) == 0)
        // A talk with no month: no bound.
        #expect(MonthLoadBound.least(monthsOf: [[0], []], seats: [3, 3], target: [1, 1]) == nil)
    }

    /// Three fellows of one lab and one track, a wip and a thesis talk each,
    /// two sessions of three seats in one month: every wip talk in the first
    /// session, every thesis talk in the second. Each session has two talks
    /// beyond the first of the lab, of the track and of the session:
    /// 2 × (2 × 100 + 2 × 10 + 2 × 1) = 444, and the bound counts the same:
    /// 6 talks of the lab (and of the track) in 2 sessions, 4 beyond the first.
    @Test func aLabWithMoreTalksThanSessionsIsBoundedByThePigeonholes() throws {
        var p = SeminarProgram()
        for i in 1...3 { p.fellow("f\(i)", mentor: "m\(i)") }
        p.sessions(2, capacity: 3)
        let talks = TalkList.talks(for: p.scenario, placements: p.placements)
        let options = SessionOptions(talks: talks, scenario: p.scenario)
        let state = ScheduleState(talks: talks, options: options, kept: [])
        #expect(state.leastPenalty == 444)
        let o = try p.schedule()
        #expect(o.status == .optimal)
        #expect(o.penalty == 444)
        #expect(o.gap == 0)
    }

    /// Random small series: the bound never exceeds the optimum of the
    /// integer program, and a schedule at the bound is reported proved best.
    @Test(arguments: 0..<60)
    func theBoundIsNeverAboveTheOptimum(seed: Int) throws {
        var rng = SeededRandom(seed: UInt64(seed) &* 2_654_435_761 &+ 17)
        var p = SeminarProgram()
        let fellows = rng.int(3...7)
        for i in 1...fellows {
            p.fellow(
                "f\(i)", lab: "lab\(rng.int(1...2))", mentor: "m\(i)", track: rng.pick(["clinical", "imaging"]))
        }
        // Weekly sessions over two to four months, one to three seats each.
        p.sessions(rng.int(4...14), capacity: rng.int(1...3))
        for k in p.sessions.indices where rng.chance(0.2) { p.sessions[k].kinds = [rng.pick(["wip", "thesis"])] }
        for i in 1...fellows {
            for s in p.sessions where rng.chance(0.25) { p.away("f\(i)", session: s.id) }
        }
        let talks = TalkList.talks(for: p.scenario, placements: p.placements)
        let options = SessionOptions(talks: talks, scenario: p.scenario)
        let state = ScheduleState(talks: talks, options: options, kept: [])
        let exact = try GLPKSolver().solve(SeminarModel(talks: talks, options: options).model, options: .deterministic)
        guard let best = exact.solution?.objective else { return }
        #expect(state.leastPenalty <= best + 1e-6, "seed \(seed): the bound is a bound")
        let o = try p.schedule()
        #expect(o.hasSchedule, "seed \(seed)")
        if let penalty = o.penalty, penalty <= state.leastPenalty + 1e-6 {
            #expect(o.status == .optimal, "seed \(seed)")
        }
    }

    /// The sessions the talks may use in all (the doubling term's bound),
    /// counted from the kinds' shared lists, are those of every talk's open
    /// sessions put together, capped at the number of talks: on random
    /// series with absences, kinds kept to some sessions and kept sessions
    /// of an earlier schedule (some held already, so open whoever is away).
    @Test(arguments: 0..<60)
    func sessionsInAllAreEveryTalksSessionsTogether(seed: Int) {
        var rng = SeededRandom(seed: UInt64(seed) &* 40_503 &+ 5)
        var p = SeminarProgram()
        let fellows = rng.int(2...8)
        for i in 1...fellows { p.fellow("f\(i)", lab: "lab\(rng.int(1...3))", mentor: "m\(i)") }
        p.sessions(rng.int(3...16), capacity: rng.int(1...2))
        for k in p.sessions.indices where rng.chance(0.3) { p.sessions[k].kinds = [rng.pick(["wip", "thesis"])] }
        for i in 1...fellows {
            for s in p.sessions where rng.chance(rng.chance(0.5) ? 0.1 : 0.6) { p.away("f\(i)", session: s.id) }
        }
        let talks = TalkList.talks(for: p.scenario, placements: p.placements)
        let options = SessionOptions(talks: talks, scenario: p.scenario)
        let kept = talks.indices.filter { _ in rng.chance(0.3) }.map {
            KeptTalk(talk: $0, session: rng.int(0...(options.sessions.count - 1)), fixed: rng.chance(0.5))
        }
        let state = ScheduleState(talks: talks, options: options, kept: kept)
        let together = Set(state.open.flatMap { Array($0) }).count
        #expect(state.sessionsInAll == min(together, talks.count), "seed \(seed)")
    }
}

/// ``MonthBalancing``: months brought to their targets by a chain of moves
/// where no single move or swap can do it.
@Suite struct MonthBalancingTests {
    /// Six one-seat sessions, three in September (s1–s3) and three in
    /// October (s4–s6), four one-talk fellows, so each month's target is 2.
    /// f1 can come to s1 and s2 only, f3 to s1–s3, f2 to s2 and s4, f4 to
    /// October only. Placed f1 s1, f2 s2, f3 s3, f4 s4, September holds 3
    /// and October 1 (spread 2). No talk can move alone to lower it: the
    /// September talks' other sessions are taken, and f4 gains nothing by
    /// moving within October. The chain f2 → s4, f4 → s5 (or s6) gives 2
    /// and 2, spread 0, which is the least possible.
    @Test func aChainOfMovesBalancesTheMonths() {
        var p = SeminarProgram(talks: [TalkRequirement(status: .continuing, kind: "wip")])
        for i in 1...4 { p.fellow("f\(i)", lab: "lab\(i)", mentor: "m\(i)") }
        p.sessions(6)
        let open = ["f1": [1, 2], "f2": [2, 4], "f3": [1, 2, 3], "f4": [4, 5, 6]]
        for (fellow, sessions) in open {
            for s in 1...6 where !sessions.contains(s) { p.away(fellow, session: "s\(s)") }
        }
        let talks = TalkList.talks(for: p.scenario, placements: p.placements)
        let options = SessionOptions(talks: talks, scenario: p.scenario)
        var state = ScheduleState(talks: talks, options: options, kept: [])
        let index = Dictionary(uniqueKeysWithValues: options.sessions.enumerated().map { ($1.id, $0) })
        func talk(_ fellow: String) -> Int { talks.firstIndex { $0.fellow == fellow }! }
        for (fellow, session) in [("f1", "s1"), ("f2", "s2"), ("f3", "s3"), ("f4", "s4")] {
            state.place(talk(fellow), in: index[session]!)
        }
        #expect(state.penalty == 2)
        ScheduleImprovement.improve(&state)
        #expect(state.penalty == 2, "no single move or swap helps")
        MonthBalancing.balance(&state)
        #expect(state.penalty == 0)
        #expect(state.leastPenalty == 0)
        #expect(state.sessionOf[talk("f2")] == index["s4"])
        #expect([index["s5"], index["s6"]].contains(state.sessionOf[talk("f4")]))
        #expect(ScheduleConstructionTests.violations(state.sessionOf, talks: talks, options: options).isEmpty)
    }

    /// One session in September, one in October, three in November, three
    /// one-talk fellows: targets 0.6, 0.6 and 1.8. One talk a month (spread
    /// 0.4 + 0.4 + 0.8 = 1.6) has no month off by half a talk or more, yet
    /// a talk moved from September or October to November gives 0.6 + 0.4 +
    /// 0.2 = 1.2, the least possible: a chain is sought between two months
    /// whenever one gains more than the other loses.
    @Test func aMonthCloseToItsTargetGivesATalkToOneFarBelow() {
        var p = SeminarProgram(talks: [TalkRequirement(status: .continuing, kind: "wip")])
        for i in 1...3 { p.fellow("f\(i)", lab: "lab\(i)", mentor: "m\(i)") }
        p.sessions(1)
        p.sessions(1, startingWeek: 3)
        p.sessions(3, startingWeek: 8)
        let talks = TalkList.talks(for: p.scenario, placements: p.placements)
        let options = SessionOptions(talks: talks, scenario: p.scenario)
        var state = ScheduleState(talks: talks, options: options, kept: [])
        let index = Dictionary(uniqueKeysWithValues: options.sessions.enumerated().map { ($1.id, $0) })
        for (fellow, session) in [("f1", "s1"), ("f2", "s2"), ("f3", "s3")] {
            state.place(talks.firstIndex { $0.fellow == fellow }!, in: index[session]!)
        }
        #expect(abs(state.penalty - 1.6) < 1e-9)
        MonthBalancing.balance(&state)
        #expect(abs(state.penalty - 1.2) < 1e-9)
        #expect(abs(state.leastPenalty - 1.2) < 1e-9)
        #expect(state.sessionOf.filter { $0.map { options.sessions[$0].date.month == 11 } ?? false }.count == 2)
        #expect(ScheduleConstructionTests.violations(state.sessionOf, talks: talks, options: options).isEmpty)
    }
}

/// ``BoundReached``: GLPK's search of a schedule ends once its best schedule
/// reaches the least penalty, and not before.
@Suite struct BoundReachedTests {
    @Test func prunesOnlyOnceTheIncumbentReachesTheBound() {
        let examiner = BoundReached(least: 42.03)
        func verdict(_ incumbent: Double?) -> Bool {
            examiner.examine(SearchNode(lower: [0, 0], upper: [1, 1], incumbent: incumbent)).prune
        }
        #expect(!verdict(nil), "no schedule yet")
        #expect(!verdict(44.35), "above the bound: the search goes on")
        #expect(verdict(42.03))
        #expect(verdict(42.03 + 1e-9), "solver rounding")
        #expect(examiner.examine(SearchNode(lower: [0], upper: [1], incumbent: 42.03)).tightened.isEmpty)
    }
}
