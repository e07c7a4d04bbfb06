import Domain
import GLPKBackend
import IntakeGenerator
import PlacementSolver
import Reports
import Testing

@testable import SeminarSolver

/// Every hard rule of the format page, checked on a finished schedule from
/// the scenario's own rows (sessions, kinds, capacities, absences by date
/// and by session, the mentor of each placement), not from anything the
/// scheduler computed.
enum ScheduleRuleCheck {
    static func violations(_ o: ScheduleOutcome, scenario: Scenario, placements: [FellowPlacement]) -> [String] {
        var problems: [String] = []
        let sessions = Dictionary(uniqueKeysWithValues: (scenario.sessions ?? []).map { ($0.id, $0) })
        let fellows = Dictionary(uniqueKeysWithValues: scenario.fellows.map { ($0.id, $0) })
        var expected: [String: Int] = [:]  // "fellow kind" → talks asked of them
        for p in placements where p.status != .unplaced {
            guard let f = fellows[p.fellow] else { continue }
            for r in scenario.settings.seminars.talks where r.status == nil || r.status == f.status {
                expected["\(f.id) \(r.kind)", default: 0] += r.count
            }
        }
        var given: [String: Int] = [:]
        for s in o.talks { given["\(s.talk.fellow) \(s.talk.kind)", default: 0] += 1 }
        if given != expected { problems.append("talks given \(given.count) kinds, asked \(expected.count)") }
        func away(_ person: String, _ s: SeminarSession) -> Bool {
            scenario.availability.contains { $0.person == person && ($0.date == s.date || $0.session == s.id) }
        }
        let mentorOf = Dictionary(uniqueKeysWithValues: placements.compactMap { p in p.mentor.map { (p.fellow, $0) } })
        for s in o.talks {
            guard let session = sessions[s.session.id] else {
                problems.append("\(s.talk.id) in an unknown session")
                continue
            }
            if !session.kinds.isEmpty && !session.kinds.contains(s.talk.kind) {
                problems.append("\(s.talk.id): kind not allowed")
            }
            if away(s.talk.fellow, session) { problems.append("\(s.talk.id): presenter away") }
            if scenario.settings.seminars.mentorRequired.contains(s.talk.kind),
                let m = mentorOf[s.talk.fellow], away(m, session)
            {
                problems.append("\(s.talk.id): mentor away")
            }
        }
        for (id, here) in Dictionary(grouping: o.talks, by: \.session.id) {
            if here.count > sessions[id]?.capacity ?? 0 { problems.append("\(id) over capacity") }
            if Set(here.map(\.talk.fellow)).count < here.count { problems.append("\(id): a fellow twice") }
        }
        // A fellow's talks in the ordered kinds (wip then thesis), strictly in time.
        for (fellow, mine) in Dictionary(grouping: o.talks, by: \.talk.fellow) {
            let key = { (s: ScheduledTalk) in (s.session.date, s.session.start) }
            for a in mine where a.talk.kind == "wip" {
                for b in mine where b.talk.kind == "thesis" && !(key(a) < key(b)) {
                    problems.append("\(fellow): \(b.talk.id) not after \(a.talk.id)")
                }
                for b in mine where b.talk.kind == "wip" && b.talk.number != a.talk.number && key(a) == key(b) {
                    problems.append("\(fellow): two wip talks at once")
                }
            }
        }
        return problems
    }
}

/// The scheduler on the second generator's series (``TightSeminarSeries``):
/// one talk per session, barely more sessions than talks, thesis talks in
/// spring, absences in blocks of weeks.
@Suite struct TightSeriesTests {
    /// A small program with everyone placed: `n` fellows (a third to two
    /// thirds continuing) in a few labs and tracks, then a tight series.
    static func program(seed: Int) -> (Scenario, [FellowPlacement]) {
        var rng = SeededRandom(seed: UInt64(seed) &* 2_654_435_761 &+ 17)
        let n = rng.int(3...14)
        let labs = rng.int(1...4)
        var fellows: [Fellow] = [], placements: [FellowPlacement] = [], mentors: [String: String] = [:]
        for i in 1...n {
            let lab = "lab\(rng.int(1...labs))"
            let mentor = "\(lab)-m\(rng.int(1...2))"
            mentors[mentor] = lab
            let continuing = rng.chance(0.5)
            fellows.append(
                Fellow(
                    id: "f\(i)", track: rng.pick(["clinical", "imaging", "genomics"]), citizenship: .citizen,
                    status: continuing ? .continuing : .new, lab: continuing ? lab : nil,
                    mentor: continuing ? mentor : nil, interests: ["a"], cost: 0))
            placements.append(
                FellowPlacement(fellow: "f\(i)", status: continuing ? .continuing : .new, lab: lab, mentor: mentor))
        }
        var s = Scenario(
            settings: ScenarioSettings(name: "Tight \(seed)"), fellows: fellows,
            labs: (1...labs).map { Lab(id: "lab\($0)", areas: ["a"], capacity: 20) },
            mentors: mentors.sorted { $0.key < $1.key }.map { Mentor(id: $0.key, lab: $0.value, capacity: 20) },
            funding: [], preferences: [])
        TightSeminarSeries(seed: UInt64(seed), slack: [0, 0.04, 0.1, 0.25][seed % 4]).add(to: &s)
        return (s, placements)
    }

    /// 200 small series: whenever a schedule exists (the integer program,
    /// with talks allowed out at a cost, leaves none out), the direct
    /// construction finds one, and the scheduler's schedule keeps every rule
    /// by ``ScheduleRuleCheck``; when none exists, the scheduler says so with reasons.
    @Test(arguments: 0..<200)
    func everyScheduleIsValidAndFoundWheneverOneExists(seed: Int) throws {
        let (scenario, placements) = Self.program(seed: seed)
        let talks = TalkList.talks(for: scenario, placements: placements)
        let options = SessionOptions(talks: talks, scenario: scenario)
        let elastic = SeminarModel(talks: talks, options: options, elastic: true)
        let exact = try GLPKSolver().solve(elastic.model, options: .deterministic)
        let exists = (exact.solution?.objective ?? 1) < 0.5
        var state = ScheduleState(talks: talks, options: options, kept: [])
        let built = ScheduleConstruction.build(&state)
        #expect(built == exists, "seed \(seed): the construction finds a schedule exactly when one exists")
        if built {
            #expect(ScheduleConstructionTests.violations(state.sessionOf, talks: talks, options: options).isEmpty)
        }
        let outcome = try SeminarScheduler(solver: GLPKSolver()).schedule(scenario, placements: placements)
        #expect(outcome.hasSchedule == exists, "seed \(seed)")
        if outcome.hasSchedule {
            #expect(ScheduleRuleCheck.violations(outcome, scenario: scenario, placements: placements) == [])
        } else {
            #expect(!outcome.obstacles.isEmpty, "seed \(seed)")
        }
    }

    /// The same generator gives the same series for the same seed and fellows.
    @Test func theSeriesIsDeterministic() {
        let a = Self.program(seed: 7).0, b = Self.program(seed: 7).0
        #expect(a.sessions == b.sessions)
        #expect(a.availability == b.availability)
        #expect(a.sessions?.allSatisfy { $0.capacity == 1 } == true)
    }

    /// Three talks wait on sessions s1, s2, s3 of one seat each: a is in s1
    /// (open s1, s2), b in s2 (open s2, s3), and c may only use s1. The only
    /// schedule with c in it is c in s1, a in s2, b in s3: a path of two moves.
    @Test func anAugmentingPathMovesTalksAlongAChain() throws {
        var p = SeminarProgram(talks: [TalkRequirement(kind: "wip")])
        p.fellow("a")
        p.fellow("b", lab: "labB", mentor: "mB")
        p.fellow("c", lab: "labC", mentor: "mC")
        p.sessions(3)
        for (who, closed) in [("a", ["s3"]), ("b", ["s1"]), ("c", ["s2", "s3"])] {
            for s in closed { p.away(who, session: s) }
        }
        let talks = TalkList.talks(for: p.scenario, placements: p.placements)
        let options = SessionOptions(talks: talks, scenario: p.scenario)
        var state = ScheduleState(talks: talks, options: options, kept: [])
        state.place(0, in: 0)
        state.place(1, in: 1)
        #expect(AugmentingRepair.complete(&state))
        #expect(state.sessionOf == [1, 2, 0])
    }

    /// 340 talks and 300 sessions of one seat, every session open to every
    /// talk: 340 · 300 = 102,000 talk–session pairs, above
    /// ``SeminarScheduler/modelLimit``, so no integer program is built. The
    /// seats alone say why there is no schedule: 40 talks are left out, each
    /// with the 300 talks holding the 300 seats.
    @Test func aSeriesTooLargeForTheModelIsExplainedByItsSeats() throws {
        var p = SeminarProgram(talks: [TalkRequirement(kind: "wip")])
        for i in 1...340 { p.fellow("f\(i)") }
        p.sessions(300)
        let o = try p.schedule()
        #expect(o.status == .infeasible)
        #expect(o.obstacles.count == 41)
        #expect(
            ScheduleObstacleWording.lines(o).first
                == "There are 340 wip talks but the sessions that allow wip talks hold only 300; add sessions or raise their capacity."
        )
        #expect(
            ScheduleObstacleWording.lines(o).dropFirst().first
                == "The wip talk of f301 does not fit: it and 300 other talks can only go in 300 sessions "
                + "(s1, s2, s3, s4, s5 and 295 more), which hold 300 talks; add sessions or raise their capacity.")
    }

    /// Four talks that can only use sessions s1 and s2 (one seat each), and a
    /// fifth with s3 to itself: the seats alone show that two of the four
    /// cannot be placed; each shortage names a talk left out, the two talks
    /// holding s1 and s2, and those two seats (three talks, two seats).
    @Test func tooFewSeatsAreFoundWithoutTheIntegerProgram() {
        var matching = SessionMatching(
            open: [[0, 1], [0, 1], [0, 1], [2], [0, 1]].map(OpenSessions.init), capacity: [1, 1, 1])
        let shortages = matching.match()
        #expect(shortages.count == 2)
        for s in shortages {
            #expect(s.sessions == [0, 1])
            #expect(s.seats == 2)
            #expect(s.talks.count == 3)
        }
        #expect(matching.sessionOf.compactMap { $0 }.count == 3)
    }
}
