import Domain
import Modeling
import PlacementSolver

/// Turns placements into the seminar schedule: talks, the integer program,
/// and either a schedule or the obstacles that leave talks out.
public struct SeminarScheduler: Sendable {
    public var solver: any Solver
    public var options: SolverOptions

    /// Series of at most this many talks are also solved by GLPK from the
    /// built schedule, so their soft aims are proved best; larger ones keep
    /// the built and improved schedule (see ``ScheduleConstruction``).
    public static let provedLimit = 200

    /// The integer program is built, when the direct construction fails,
    /// only with at most this many talk–session variables (about 700 talks
    /// with 140 sessions open to each); a larger series is decided by
    /// ``SessionMatching`` instead: impossible when the seats alone are too
    /// few, else "no schedule found" without a model that could not be
    /// solved in the time left.
    public static let modelLimit = 100_000

    /// The integer program's talk–session variables (one per open session of each talk).
    static func variables(_ talks: [Talk], options: SessionOptions) -> Int {
        options.open.reduce(0) { $0 + $1.count }
    }

    public init(solver: any Solver, options: SolverOptions = .deterministic) {
        self.solver = solver
        self.options = options
    }

    /// Schedules the seminar series for a placement.
    ///
    /// - Parameters:
    ///   - scenario: a validated scenario with `sessions`.
    ///   - placements: the placement's rows (`PlacementOutcome.placements`);
    ///     unplaced fellows give no talks.
    ///   - previous: an earlier schedule to keep as far as possible.
    ///   - today: talks before this date never move, and no talk is added before it.
    /// - Returns: the schedule, or (``ScheduleOutcome/hasSchedule`` false)
    ///   the obstacles of the talks that cannot be placed.
    /// - Throws: `SolverError` when the solver itself fails.
    public func schedule(
        _ scenario: Scenario, placements: [FellowPlacement], previous: [PreviousTalk]? = nil,
        today: CalendarDate? = nil
    ) throws(SolverError) -> ScheduleOutcome {
        try schedule(
            scenario, talks: TalkList.talks(for: scenario, placements: placements), previous: previous, today: today)
    }

    /// Schedules the talks of a placement (``TalkList/talks(for:placements:)``):
    /// all the schedule takes of the placement, so a placement whose talks are
    /// the same has the same schedule.
    public func schedule(
        _ scenario: Scenario, talks: [Talk], previous: [PreviousTalk]? = nil, today: CalendarDate? = nil
    ) throws(SolverError) -> ScheduleOutcome {
        let options = SessionOptions(talks: talks, scenario: scenario, today: today)
        let kept = previous.map { keptTalks(talks, options: options, previous: $0, today: today) } ?? []
        var outcome = ScheduleOutcome(
            status: .infeasible, talks: [], obstacles: [], moves: [], kept: 0, solveSeconds: 0,
            sessionsWithSameLab: 0, sessionsWithSameTrack: 0)
        // Talks with no open session at all: explain them before solving.
        let stranded = talks.indices.filter { ti in
            options.open[ti].isEmpty && !kept.contains { $0.talk == ti && $0.fixed }
        }
        if !stranded.isEmpty {
            outcome.obstacles = stranded.map {
                explainStranded(talks[$0], refusals: options.refusals(of: talks[$0]), sessions: options.sessions)
            }
            return outcome
        }
        guard let chosen = try chooseSessions(talks, options: options, kept: kept, outcome: &outcome) else {
            return outcome
        }
        record(chosen, talks: talks, options: options, in: &outcome)
        if let previous {
            replan(
                &outcome, chosen: chosen, talks: talks, options: options, kept: kept, previous: previous,
                scenario: scenario, today: today)
        }
        return outcome
    }

    /// Every talk's session: a schedule built directly first (valid whenever
    /// it is complete), improved on the soft aims; it stands when the bound
    /// proves it best or the series is too large to prove, else GLPK's search
    /// starts from it. Sets the outcome's status, penalty, bound and time.
    /// - Returns: `nil` when no schedule was found (the outcome then says why).
    private func chooseSessions(
        _ talks: [Talk], options: SessionOptions, kept: [KeptTalk], outcome: inout ScheduleOutcome
    ) throws(SolverError) -> [Int?]? {
        let clock = ContinuousClock(), started = clock.now
        var state = ScheduleState(talks: talks, options: options, kept: kept)
        let leastSpread = state.leastSpread
        let least = state.leastPenalty(spread: leastSpread)
        let built = ScheduleConstruction.build(&state)
        if built { ScheduleImprovement.improve(&state, least: least) }
        if built && state.spreadPenalty > leastSpread + 1e-6 {
            // Months balanced by chains of moves, then moves and swaps again
            // (a small series that reaches the bound so needs no GLPK).
            MonthBalancing.balance(&state)
            ScheduleImprovement.improve(&state, least: least)
        }
        let buildSeconds = (clock.now - started).seconds
        let provedByBound = state.penalty <= least + 1e-6
        if built && (talks.count > Self.provedLimit || provedByBound) {
            outcome.status = provedByBound ? .optimal : .feasible
            outcome.solveSeconds = buildSeconds
            outcome.penalty = state.penalty
            outcome.penaltyBound = least
            return state.sessionOf
        }
        if !built && Self.variables(talks, options: options) > Self.modelLimit {
            // Too large for the integer program in any time a planner waits:
            // the seats alone decide whether a schedule is impossible.
            outcome.solveSeconds = buildSeconds
            outcome.obstacles = explainShortage(talks, options: options, kept: kept)
            if outcome.obstacles.isEmpty { outcome.status = .timeLimitNoSolution }
            return nil
        }
        let model = SeminarModel(talks: talks, options: options, kept: kept)
        var o = self.options
        if built {
            // GLPK takes a start only without presolve; the search ends once it reaches the bound.
            o.startingSolution = model.values(for: state.sessionOf)
            o.presolve = false
            o.nodeExaminer = o.nodeExaminer ?? BoundReached(least: least)
        }
        let result = try solver.solve(model.model, options: o)
        outcome.solveSeconds = buildSeconds + result.solveSeconds
        if let solution = result.solution {
            outcome.status = result.termination == .optimal ? .optimal : .feasible
            outcome.penalty = solution.objective
            outcome.penaltyBound = result.termination == .optimal ? solution.objective : result.bound
            return model.sessions(in: solution)
        }
        if built {
            outcome.status = .feasible
            outcome.penalty = state.penalty
            outcome.penaltyBound = result.bound.map { max($0, least) } ?? least
            return state.sessionOf
        }
        if result.termination == .infeasible || result.termination == .unboundedOrInfeasible {
            outcome.obstacles = try explainContention(talks, options: options, kept: kept)
        } else {
            outcome.status = .timeLimitNoSolution
        }
        return nil
    }

    /// The scheduled talks in order, and how many sessions hold two talks of
    /// one lab or of one track.
    private func record(_ chosen: [Int?], talks: [Talk], options: SessionOptions, in outcome: inout ScheduleOutcome) {
        outcome.talks = talks.indices.compactMap { ti in
            chosen[ti].map { ScheduledTalk(talk: talks[ti], session: options.sessions[$0]) }
        }
        .sorted(by: ScheduledTalk.chronologically)
        let bySession = Dictionary(grouping: outcome.talks, by: \.session.id)
        outcome.sessionsWithSameLab = bySession.values.filter { Set($0.map(\.talk.lab)).count < $0.count }.count
        outcome.sessionsWithSameTrack = bySession.values.filter { Set($0.map(\.talk.track)).count < $0.count }.count
        outcome.emptySessions = options.sessions.filter { bySession[$0.id] == nil }
    }

    /// A re-plan against an earlier schedule: what moved, each talk's
    /// revision, talks held before `today` kept, the others dropped cancelled.
    private func replan(
        _ outcome: inout ScheduleOutcome, chosen: [Int?], talks: [Talk], options: SessionOptions, kept: [KeptTalk],
        previous: [PreviousTalk], scenario: Scenario, today: CalendarDate?
    ) {
        (outcome.moves, outcome.kept) = moves(talks, chosen: chosen, options: options, kept: kept, previous: previous)
        outcome.talks = revised(outcome.talks, talks: talks, kept: kept, moves: outcome.moves)
        let (held, cancelled) = settle(
            outcome.moves.filter { $0.kind == .dropped }, previous: previous, options: options, scenario: scenario,
            today: today)
        let heldIDs = Set(held.map(\.talk.id))
        outcome.moves.removeAll { $0.kind == .dropped && heldIDs.contains($0.talk) }
        outcome.kept += held.count
        outcome.cancelled = cancelled
        outcome.talks = (outcome.talks + held).sorted(by: ScheduledTalk.chronologically)
        let used = Set(outcome.talks.map(\.session.id))
        outcome.emptySessions.removeAll { used.contains($0.id) }
    }

    // MARK: - Re-planning

    /// Matches an earlier schedule's rows to the current talks: a fellow's
    /// talks of one kind are numbered in the order they were held.
    func keptTalks(_ talks: [Talk], options: SessionOptions, previous: [PreviousTalk], today: CalendarDate?)
        -> [KeptTalk]
    {
        let sessionIndex = Dictionary(uniqueKeysWithValues: options.sessions.enumerated().map { ($1.id, $0) })
        let talkIndex = Dictionary(uniqueKeysWithValues: talks.enumerated().map { ($1.id, $0) })
        var kept: [KeptTalk] = []
        for (_, rows) in Dictionary(grouping: previous, by: { "\($0.fellow)\u{1}\($0.kind)" }) {
            let ordered = rows.compactMap { r in sessionIndex[r.session].map { (r, $0) } }
                .sorted { (options.position[$0.1], $0.1) < (options.position[$1.1], $1.1) }
            for (k, (row, si)) in ordered.enumerated() {
                guard let ti = talkIndex["\(row.fellow)-\(row.kind)-\(k + 1)"] else { continue }
                let fixed = today.map { options.sessions[si].date < $0 } ?? false
                kept.append(KeptTalk(talk: ti, session: si, fixed: fixed, sequence: row.sequence))
            }
        }
        return kept.sorted { ($0.talk, $0.session) < ($1.talk, $1.session) }
    }

    func moves(
        _ talks: [Talk], chosen: [Int?], options: SessionOptions, kept: [KeptTalk],
        previous: [PreviousTalk]
    ) -> ([TalkMove], Int) {
        var result: [TalkMove] = []
        var keptCount = 0
        let before = Dictionary(kept.map { ($0.talk, $0.session) }, uniquingKeysWith: { a, _ in a })
        for (ti, t) in talks.enumerated() {
            let now = chosen[ti].map { options.sessions[$0].id }
            if let was = before[ti] {
                if was == chosen[ti] {
                    keptCount += 1
                } else {
                    result.append(
                        TalkMove(
                            kind: .moved, talk: t.id, fellow: t.fellow, talkKind: t.kind, phrase: t.phrase,
                            from: options.sessions[was].id, to: now))
                }
            } else {
                result.append(
                    TalkMove(
                        kind: .added, talk: t.id, fellow: t.fellow, talkKind: t.kind, phrase: t.phrase, from: nil,
                        to: now))
            }
        }
        // Earlier talks that match no current talk (a fellow left, a session was removed).
        let matched = Set(
            kept.map { "\(talks[$0.talk].fellow)\u{1}\(talks[$0.talk].kind)\u{1}\(options.sessions[$0.session].id)" })
        for (id, row) in Self.numbered(previous)
        where !matched.contains("\(row.fellow)\u{1}\(row.kind)\u{1}\(row.session)") {
            result.append(
                TalkMove(
                    kind: .dropped, talk: id, fellow: row.fellow, talkKind: row.kind,
                    phrase: "the \(row.kind) talk of \(row.fellow)",
                    from: row.session, to: nil))
        }
        return (result, keptCount)
    }

    /// Each talk's calendar revision in a re-plan: the earlier schedule's,
    /// plus 1 when the talk moved; a talk new to the schedule starts at 0.
    func revised(_ scheduled: [ScheduledTalk], talks: [Talk], kept: [KeptTalk], moves: [TalkMove]) -> [ScheduledTalk] {
        let earlier = Dictionary(kept.map { (talks[$0.talk].id, $0.sequence) }, uniquingKeysWith: { a, _ in a })
        let moved = Set(moves.filter { $0.kind == .moved }.map(\.talk))
        return scheduled.map { s in
            var s = s
            s.sequence = (earlier[s.talk.id] ?? 0) + (moved.contains(s.talk.id) ? 1 : 0)
            return s
        }
    }

    /// An earlier schedule's rows with their talks' ids (`fellow-kind-number`):
    /// a fellow's talks of one kind are numbered in the order they were held.
    public static func numbered(_ previous: [PreviousTalk]) -> [(String, PreviousTalk)] {
        var out: [(String, PreviousTalk)] = []
        for (_, rows) in Dictionary(grouping: previous, by: { "\($0.fellow)\u{1}\($0.kind)" }) {
            let ordered = rows.sorted {
                ($0.date.map { "\($0)" } ?? "", $0.start?.minutes ?? 0, $0.session) < (
                    $1.date.map { "\($0)" } ?? "", $1.start?.minutes ?? 0, $1.session
                )
            }
            for (k, row) in ordered.enumerated() { out.append(("\(row.fellow)-\(row.kind)-\(k + 1)", row)) }
        }
        return out.sorted {
            ($0.1.date.map { "\($0)" } ?? "", $0.1.start?.minutes ?? 0, $0.0) < (
                $1.1.date.map { "\($0)" } ?? "", $1.1.start?.minutes ?? 0, $1.0
            )
        }
    }

    /// The earlier schedule's talks no current talk took over: those before
    /// `today` were held and stay in the schedule (also when their presenter
    /// has withdrawn since); the others are cancelled, so calendars remove them.
    func settle(
        _ dropped: [TalkMove], previous: [PreviousTalk], options: SessionOptions, scenario: Scenario,
        today: CalendarDate?
    ) -> (held: [ScheduledTalk], cancelled: [CancelledTalk]) {
        let rows = Dictionary(Self.numbered(previous), uniquingKeysWith: { a, _ in a })
        let sessions = Dictionary(options.sessions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var held: [ScheduledTalk] = [], cancelled: [CancelledTalk] = []
        for move in dropped {
            guard let row = rows[move.talk],
                let (talk, session) = Self.earlierTalk(row, id: move.talk, sessions: sessions, scenario: scenario)
            else { continue }
            if let today, session.date < today {
                held.append(ScheduledTalk(talk: talk, session: session, sequence: row.sequence))
            } else {
                cancelled.append(CancelledTalk(talk: talk, session: session, sequence: row.sequence + 1))
            }
        }
        return (held, cancelled)
    }

    /// A talk of an earlier schedule as that schedule published it (its
    /// session as the scenario has it, else as the row recorded it), named
    /// from the scenario where it still knows the people.
    static func earlierTalk(
        _ row: PreviousTalk, id: String, sessions: [String: SeminarSession], scenario: Scenario
    ) -> (Talk, SeminarSession)? {
        guard
            let session = sessions[row.session]
                ?? row.date.map({ date in
                    SeminarSession(
                        id: row.session, date: date, start: row.start ?? TimeOfDay(hour: 12, minute: 0),
                        end: row.end ?? TimeOfDay(hour: 13, minute: 0), room: row.room)
                })
        else { return nil }
        let fellow = (scenario.fellows + scenario.withdrawn).first { $0.id == row.fellow }
        let mentorID = row.mentor ?? fellow?.mentor ?? ""
        let mentor = scenario.mentors.first { $0.id == mentorID }
        let labID = mentor?.lab ?? fellow?.lab ?? ""
        let number = Int(id.split(separator: "-").last ?? "1") ?? 1
        let talk = Talk(
            fellow: row.fellow, fellowName: fellow?.name ?? row.fellow, kind: row.kind, number: number, lab: labID,
            labName: scenario.labs.first { $0.id == labID }?.name ?? labID, mentor: mentorID,
            mentorName: mentor?.name ?? mentorID, track: fellow?.track ?? "",
            mentorRequired: scenario.settings.seminars.mentorRequired.contains(row.kind))
        return (talk, session)
    }

    // MARK: - Explanations

    func explainStranded(_ t: Talk, refusals: [Int: SessionRefusal], sessions: [SeminarSession]) -> ScheduleObstacle {
        let allowing = sessions.indices.filter {
            refusals[$0] != .kindNotAllowed && refusals[$0] != .noRoom && refusals[$0] != .inThePast
        }
        if allowing.isEmpty {
            if refusals.values.contains(.inThePast) && sessions.contains(where: { $0.allows(t.kind) }) {
                return .onlyPastSessions(t)
            }
            let allowingKind = sessions.filter { $0.allows(t.kind) }
            if !allowingKind.isEmpty && allowingKind.allSatisfy({ $0.capacity < 1 }) {
                return .noCapacity(t, sessions: allowingKind.prefix(3).map(\.id))
            }
            return .kindNowhere(t)
        }
        let presenterAway = allowing.filter { refusals[$0] == .presenterAway }.count
        let mentorAway = allowing.filter { refusals[$0] == .mentorAway }.count
        if presenterAway == allowing.count { return .presenterAway(t) }
        if mentorAway == allowing.count { return .mentorAway(t) }
        return .bothAway(t, allowing: allowing.count, presenterAway: presenterAway, mentorAway: mentorAway)
    }

    /// Every talk has a session open to it, yet not all fit: find, with an
    /// elastic model, the fewest talks that must stay out, and say where they compete.
    func explainContention(
        _ talks: [Talk], options: SessionOptions, kept: [KeptTalk]
    ) throws(SolverError) -> [ScheduleObstacle] {
        var obstacles = kindShortages(talks, options: options)
        let elastic = SeminarModel(talks: talks, options: options, kept: kept.filter(\.fixed), elastic: true)
        let r = try solver.solve(elastic.model, options: self.options)
        if let solution = r.solution {
            for (ti, u) in elastic.unscheduled.enumerated() {
                guard let u, solution.isOne(u) else { continue }
                let t = talks[ti]
                let beforeWip = t.kind == "thesis" && talks.contains { $0.fellow == t.fellow && $0.kind == "wip" }
                obstacles.append(
                    .contention(t, open: options.open[ti].map { options.sessions[$0].id }, beforeWip: beforeWip))
            }
        }
        return obstacles.isEmpty ? [.everyRuleAtOnce] : obstacles
    }

    /// Why a series too large for the elastic model has no schedule, from
    /// ``SessionMatching``: each set of talks that outnumbers the seats of
    /// the only sessions open to them. Empty when the seats suffice.
    func explainShortage(_ talks: [Talk], options: SessionOptions, kept: [KeptTalk]) -> [ScheduleObstacle] {
        var open = options.open
        for k in kept where k.fixed { open[k.talk] = OpenSessions([k.session]) }
        var matching = SessionMatching(open: open, capacity: options.sessions.map(\.capacity))
        let shortages = matching.match()
        guard !shortages.isEmpty else { return [] }
        return kindShortages(talks, options: options)
            + shortages.map { short in
                .seats(
                    talks[short.talk], competing: short.talks.count - 1,
                    sessions: short.sessions.map { options.sessions[$0].id }, seats: short.seats)
            }
    }

    /// An obstacle for each kind with more talks than the sessions allowing it hold.
    func kindShortages(_ talks: [Talk], options: SessionOptions) -> [ScheduleObstacle] {
        Set(talks.map(\.kind)).sorted().compactMap { kind in
            let need = talks.filter { $0.kind == kind }.count
            let room = options.sessions.filter { $0.allows(kind) }.reduce(0) { $0 + $1.capacity }
            return need > room ? .kindShort(kind: kind, talks: need, seats: room) : nil
        }
    }
}
