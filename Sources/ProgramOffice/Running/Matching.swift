import Domain
import Foundation
import GLPKBackend
import Modeling
import PlacementSolver
import Reports
import RunHistory
import SeminarSolver
import Workbooks

extension Office {
    /// Runs a program: places every new fellow and splits funding; with
    /// sessions, schedules the seminars; explains the first fellows not at
    /// their first choice; looks for ties; writes every file at once into the
    /// output folder; records the run in the history.
    ///
    /// By default the intake's official match (if the history has one) is
    /// kept as far as the scenario allows; an earlier run's file to keep, or
    /// ``RunRequest/fresh``, sets it aside.
    ///
    /// - Returns: the result and its ``RunResult/verdict``; no placement or
    ///   no schedule is a verdict, not an error.
    /// - Throws: ``OfficeError`` when an earlier run's file is bad, the
    ///   output folder is refused, the solver fails, or nothing could be written.
    public func run(_ program: OpenedProgram, _ request: RunRequest) throws(OfficeError) -> RunResult {
        var warnings: [String] = []
        let clock = request.clock
        var request = request
        let output = URL(fileURLWithPath: request.output ?? program.location.defaultOutput).path
        let folderCheck = checkOutputBeside(output, &request)
        let earlier = try clock.time("earlier runs") { () throws(OfficeError) in
            try earlierRun(program, request, warnings: &warnings)
        }
        let replan = replanDate(program, request, earlier: earlier)
        request.today = replan?.date
        // The inputs' sheets of results.xlsx need no placement: made while GLPK solves.
        let scenario = program.scenario
        let inputSheets = WorkBeside { clock.time("results.xlsx inputs") { ResultsFile.inputTables(scenario) } }
        let solved = Result { () throws(OfficeError) in try solve(program.scenario, request, earlier: earlier) }
        let folder = try folderCheck.value().get()
        let (outcome, schedule, engine, pairs) = try solved.get()
        let s = program.scenario
        var committees = try clock.time("committees") { () throws(OfficeError) in
            outcome.hasPlacement
                ? try formCommittees(
                    s, request.solve, log: request.solverLog, stop: request.stop,
                    kept: earlier.official?.committeeSeats ?? [:]) : nil
        }
        var defenses = try clock.time("defenses") { () throws(OfficeError) in
            try scheduleDefenses(s, request, committees: committees, schedule: schedule, earlier: earlier)
        }
        try clock.time("thesis diagnosis") { () throws(OfficeError) in
            try diagnoseTheses(s, request, committees: &committees, defenses: &defenses, schedule: schedule)
        }
        let keeping = earlier.placements != nil
        let ties = clock.time("ties") {
            request.solve.looksForTies(s, keeping: keeping)
                ? engine.ties(s, base: outcome) { jobs in SolveThreads.map(jobs) { $0() } } : nil
        }
        // Recorded before the files are written (the report shows its run), in the folder's turn.
        let turn = try self.turn(folder)
        defer { turn.release() }
        let recorded = clock.time("history") {
            record(
                program, request, outcome: outcome, schedule: schedule, committees: committees, defenses: defenses,
                startedFrom: request.startsFromOfficial ? .some(earlier.official?.id) : nil, store: earlier.store,
                warnings: &warnings)
        }
        let stamp = ReportStamp(run: recorded?.id, recordedAt: recorded?.at, rematchOf: earlier.official?.id)
        let opportunities = clock.time("changes") { earlier.official == nil ? [] : Opportunities.find(s, outcome) }
        let changes = clock.time("changes") {
            earlier.official.map {
                RunChanges(since: $0, outcome: outcome, schedule: schedule, scenario: s, opportunities: opportunities)
            }
        }
        let files = try runFiles(
            program, request, outcome: outcome, schedule: schedule, engine: engine, ties: ties, output: output,
            stamp: stamp, replan: replan, changes: changes, blockingPairs: pairs, committees: committees,
            defenses: defenses, inputSheets: inputSheets)
        let writeNotes = try write(files, to: folder, clock: clock, turn: turn)
        return RunResult(
            program: program, outcome: outcome, schedule: schedule, ties: ties, blockingPairs: pairs,
            official: earlier.official, opportunities: opportunities,
            keptEarlierPlacements: keeping, output: output, files: files, writeNotes: writeNotes,
            recorded: recorded?.id, replan: replan, warnings: warnings, committees: committees,
            defenses: defenses)
    }

    /// The output folder checked beside the run's first steps (reading the
    /// history, the solve), on one thread: hashing what an earlier run wrote
    /// (a calendar and letters per person) takes a second at a consortium's
    /// scale. Timed `output folder check, beside`; the check under the
    /// folder's lock before writing is `output folder check`. A refusal
    /// stops the run's solves (`request`'s stop signal becomes one that
    /// follows the caller's), and is what the run throws.
    private func checkOutputBeside(_ output: String, _ request: inout RunRequest)
        -> WorkBeside<Result<OutputFolder, OfficeError>>
    {
        let stop = StopSignal(following: request.stop)
        request.stop = stop
        let clock = request.clock
        return WorkBeside {
            clock.time("output folder check, beside") {
                let checked = Result { () throws(OfficeError) in try checkedOutput(output, onEveryCore: false) }
                if case .failure = checked { stop.stop() }
                return checked
            }
        }
    }

    /// The thesis defenses, when the scenario has defense_slots.csv and committees were formed;
    /// each after the fellow's last `wip` talk of the seminar schedule. A
    /// defense of the official match whose committee is unchanged is kept in
    /// its slot while the slot is open; the defenses' calendar revisions and
    /// cancellations follow what earlier runs issued (`IssuedCalendars`).
    private func scheduleDefenses(
        _ s: Scenario, _ request: RunRequest, committees: CommitteeOutcome?, schedule: ScheduleOutcome?,
        earlier: EarlierRun
    ) throws(OfficeError) -> DefenseOutcome? {
        guard let committees, s.defenseSlots != nil else { return nil }
        let last = Self.lastTalks(schedule)
        let options = request.solve.scheduleOptions(s, log: request.solverLog, stop: request.stop)
        let seats = Dictionary(
            committees.committees.map { ($0.fellow, $0.seats) }, uniquingKeysWith: { a, _ in a })
        var kept: [String: DefenseSlot] = [:], preferred: [String: DefenseSlot] = [:]
        for d in earlier.official?.issuedDefenses ?? [] {
            if seats[d.fellow] == d.seats { kept[d.fellow] = d.slot } else { preferred[d.fellow] = d.slot }
        }
        do {
            let defenses = try DefenseScheduler(solver: solver, options: options).schedule(
                s, committees: committees, lastTalks: last, kept: kept, preferred: preferred)
            return IssuedCalendars(schedules: [], defenses: earlier.issuedDefenses).settle(
                defenses, committees: committees, today: request.today)
        } catch {
            throw OfficeError(.solverFailed, "\(error)")
        }
    }

    /// The thesis committees, when the scenario forms them (see `Scenario.formsCommittees`);
    /// formed after a placement is found, like the seminar schedule (`run` and `compare`).
    /// With `kept` (the official match's committees), each is kept while
    /// still valid (`KeptCommittees`).
    func formCommittees(
        _ s: Scenario, _ solve: SolveLimits, log: (@Sendable (String) -> Void)?, stop: StopSignal?,
        kept: [String: [CommitteeOutcome.Seat]] = [:]
    ) throws(OfficeError) -> CommitteeOutcome? {
        guard s.formsCommittees else { return nil }
        let options = solve.scheduleOptions(s, log: log, stop: stop)
        do {
            return try KeptCommittees.form(
                s, published: kept, former: CommitteeFormer(solver: solver, options: options))
        } catch {
            throw OfficeError(.solverFailed, "\(error)")
        }
    }

    /// Every file of a run: RunFiles' and, with a placement, `results.xlsx`.
    private func runFiles(
        _ program: OpenedProgram, _ request: RunRequest, outcome: PlacementOutcome, schedule: ScheduleOutcome?,
        engine: PlacementEngine, ties: [Tie]?, output: String, stamp: ReportStamp, replan: ReplanDate?,
        changes: RunChanges?, blockingPairs: [BlockingPair], committees: CommitteeOutcome?,
        defenses: DefenseOutcome?, inputSheets: WorkBeside<[WorkbookTable]>
    ) throws(OfficeError) -> [String: Data] {
        let s = program.scenario
        let clock = request.clock
        let (notFirst, more) = clock.time("explanations") {
            ReportExplanations.find(outcome, scenario: s, engine: engine)
        }
        // results.xlsx holds the CSV tables: made beside the calendars and letters.
        let workbook: (@Sendable ([String: Data]) throws -> [String: Data])? =
            outcome.hasPlacement
            ? { @Sendable tables in
                [
                    "results.xlsx": try clock.time("file results.xlsx") {
                        try ResultsFile.data(outcome, scenario: s, files: tables, inputs: inputSheets.value())
                    }
                ]
            } : nil
        do {
            return try RunFiles.files(
                for: outcome, scenario: s, schedule: schedule, today: request.today, notFirst: notFirst,
                moreNotFirst: more, ties: ties, public: request.publicVariant || Self.hasPublicVariant(output),
                hints: request.hints, stamp: stamp, replan: replan, changes: changes,
                inputWarnings: program.warnings.map(\.description), blockingPairs: blockingPairs,
                committees: committees, defenses: defenses, clock: clock, alongside: workbook)
        } catch {
            throw OfficeError(
                .filesNotPrepared, "the run's files could not be prepared (\(error)); nothing was written")
        }
    }

    /// Whether the folder a run replaces holds the shareable variant (an
    /// earlier `--public` run): a re-run or re-plan into it writes it again
    /// rather than drop it.
    static func hasPublicVariant(_ output: String) -> Bool {
        FileManager.default.fileExists(atPath: (output as NSString).appendingPathComponent("report-public.html"))
    }

    /// The placement and, with sessions, the schedule, each under the limit
    /// that applies; and the placement's blocking pairs, looked for beside
    /// the schedule (they need only the placement). The schedule is made
    /// ahead while the placement's funding is split (``ScheduleAhead``).
    private func solve(_ s: Scenario, _ request: RunRequest, earlier: EarlierRun) throws(OfficeError)
        -> (PlacementOutcome, ScheduleOutcome?, PlacementEngine, [BlockingPair])
    {
        var engine = PlacementEngine(
            solver: solver, options: request.solve.placementOptions(log: request.solverLog, stop: request.stop))
        engine.progress = request.progress
        let clock = request.clock
        let ahead = s.sessions == nil ? nil : scheduleAhead(s, request, earlier: earlier)
        // Only the placement itself tells who goes where: not the solves that follow with `engine`.
        var placing = engine
        if let ahead {
            placing.whenDecided = { rows in
                if let rows { ahead.start(TalkList.talks(for: s, placements: rows)) } else { ahead.callOff() }
            }
        }
        // Work ahead the run does not use is called off: after an error, or without a placement.
        defer { ahead?.callOff() }
        do {
            var outcome = try clock.time("placement") { try placing.run(s, previous: earlier.placements) }
            // With `stable` or `fewest-blocking-pairs`: the same objective without stability, solved once more.
            outcome.stabilityCost = try clock.time("stability cost") {
                try engine.stabilityCost(s, base: outcome, previous: earlier.placements)
            }
            guard outcome.hasPlacement, s.sessions != nil else {
                return (outcome, nil, engine, clock.time("blocking pairs") { BlockingPairs.find(s, outcome) })
            }
            let placed = outcome
            let pairs = WorkBeside { clock.time("blocking pairs") { BlockingPairs.find(s, placed) } }
            let talks = TalkList.talks(for: s, placements: outcome.placements)
            let made = clock.time("schedule, waited for") { ahead?.value(for: talks) }
            let schedule: ScheduleOutcome
            if let made {
                schedule = try made.get()
            } else {
                schedule = try clock.time("schedule") {
                    try self.schedule(s, talks: talks, request, earlier: earlier, stop: request.stop)
                }
            }
            return (outcome, schedule, engine, pairs.value())
        } catch {
            throw OfficeError(.solverFailed, "\(error)")
        }
    }

    /// The schedule made ahead of a run with sessions, timed as `schedule ahead`
    /// (a schedule the run makes itself is timed as `schedule`).
    private func scheduleAhead(_ s: Scenario, _ request: RunRequest, earlier: EarlierRun) -> ScheduleAhead {
        ScheduleAhead(stop: request.stop) { talks, stop in
            request.clock.time("schedule ahead") {
                Result { () throws(SolverError) in
                    try schedule(s, talks: talks, request, earlier: earlier, stop: stop)
                }
            }
        }
    }

    /// The seminar schedule of a placement's talks, settled with the
    /// calendars earlier runs issued (`IssuedCalendars`).
    private func schedule(
        _ s: Scenario, talks: [Talk], _ request: RunRequest, earlier: EarlierRun, stop: StopSignal?
    ) throws(SolverError) -> ScheduleOutcome {
        let options = request.solve.scheduleOptions(s, log: request.solverLog, stop: stop)
        let schedule = try SeminarScheduler(solver: solver, options: options)
            .schedule(s, talks: talks, previous: earlier.talks, today: request.today)
        return IssuedCalendars(schedules: earlier.issued).settle(schedule, scenario: s, today: request.today)
    }
}
