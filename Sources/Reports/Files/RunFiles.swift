import Domain
import Foundation
import PlacementSolver
import SeminarSolver

/// The files a run writes: `placements.csv`, `funding.csv` and `budgets.csv`
/// (only when a placement exists; `appointments.csv` too when a source is a
/// training grant), `summary.json` and `report.html` (always),
/// with a schedule `schedule.csv` and `calendar/` (also with defenses alone), with a placement the
/// letters and e-mail drafts of `letters/` (``LetterFiles``), and with
/// `public` the shareable `report-public.html` and `placements-public.csv`;
/// with thesis committees, `committees.csv` (``CommitteeFiles``), and with
/// defense slots, `defenses.csv` (``DefenseFiles``). `blockingPairs`
/// (`BlockingPairs`) are found here when not given. With a `clock`, each
/// file (or folder of files) is timed as `file NAME`. `alongside` makes
/// further files from the CSV tables (the workbook); it, the calendars and
/// letters, the report and the summary are four jobs the cores take in
/// turn (`ParallelWork.queue`), so their timed phases overlap.
public enum RunFiles {
    public static func files(
        for outcome: PlacementOutcome, scenario: Scenario, schedule: ScheduleOutcome? = nil,
        today: CalendarDate? = nil, notFirst: [HTMLPages.NotFirstChoice] = [], moreNotFirst: Int = 0,
        ties: [Tie]? = nil, public withPublic: Bool = false, hints: FrontEndHints = FrontEndHints(),
        stamp: ReportStamp? = nil, replan: ReplanDate? = nil, changes: RunChanges? = nil,
        inputWarnings: [String] = [], blockingPairs: [BlockingPair]? = nil, committees: CommitteeOutcome? = nil,
        defenses: DefenseOutcome? = nil, clock: PhaseClock? = nil,
        alongside: (@Sendable (_ tables: [String: Data]) throws -> [String: Data])? = nil
    ) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let pairs = blockingPairs ?? BlockingPairs.find(scenario, outcome)
        try clock.time("file CSVs") { () throws in
            try csvFiles(
                into: &files, outcome, scenario: scenario, schedule: schedule, public: withPublic, stamp: stamp,
                changes: changes, committees: committees, defenses: defenses)
        }
        let tables = files
        // Four jobs on the cores, the longest first, each core taking the
        // next when it is free: what `alongside` makes of the tables
        // (results.xlsx), the calendars and the letters (which attach them),
        // the report and the summary.
        let personal = PersonalFiles(
            outcome: outcome, scenario: scenario, schedule: schedule, today: today, stamp: stamp,
            committees: committees, defenses: defenses, clock: clock)
        let jobs: [@Sendable () throws -> [String: Data]] = [
            { try alongside?(tables) ?? [:] },
            { personal.files() },
            {
                [
                    "report.html": clock.time("file report.html") {
                        Data(
                            HTMLPages.report(
                                outcome, scenario: scenario, schedule: schedule, notFirst: notFirst,
                                moreNotFirst: moreNotFirst, ties: ties ?? [], public: false, hints: hints,
                                stamp: stamp, changes: changes, blockingPairs: pairs, committees: committees,
                                defenses: defenses
                            ).utf8)
                    }
                ]
            },
            {
                [
                    "summary.json": try clock.time("file summary.json") { () throws in
                        Data(
                            try summary(
                                outcome, scenario: scenario, schedule: schedule, ties: ties, replan: replan,
                                changes: changes, inputWarnings: inputWarnings, pairs: pairs,
                                committees: committees, defenses: defenses
                            ).utf8)
                    }
                ]
            }
        ]
        for made in try ParallelWork.queue(jobs) { files.merge(made) { _, new in new } }
        return files
    }

    /// The calendars of `calendar/` and the letters of `letters/`, which attach them.
    struct PersonalFiles: Sendable {
        var outcome: PlacementOutcome
        var scenario: Scenario
        var schedule: ScheduleOutcome?
        var today: CalendarDate?
        var stamp: ReportStamp?
        var committees: CommitteeOutcome?
        var defenses: DefenseOutcome?
        var clock: PhaseClock?

        func files() -> [String: Data] {
            var files: [String: Data] = [:]
            var calendars: [String: String] = [:]
            let seminars = schedule?.hasSchedule == true ? schedule : nil
            let hasDefenses = !(defenses?.defenses.isEmpty ?? true) || !(defenses?.cancelled.isEmpty ?? true)
            if seminars != nil || hasDefenses {
                calendars = clock.time("file calendar/") {
                    ScheduleFiles.calendars(
                        seminars, scenario: scenario, today: today, committees: committees, defenses: defenses)
                }
                for (name, text) in calendars { files[name] = Data(text.utf8) }
            }
            let letters = clock.time("file letters/") {
                LetterFiles.files(
                    outcome, scenario: scenario, schedule: seminars, calendars: calendars, stamp: stamp, today: today,
                    calendarNames: ScheduleFiles.calendarNames(
                        seminars, committees: committees, defenses: defenses, scenario: scenario))
            }
            files.merge(letters) { _, letter in letter }
            return files
        }
    }

    /// The CSV files (and, with `public`, the shareable report and placements).
    private static func csvFiles(
        into files: inout [String: Data], _ outcome: PlacementOutcome, scenario: Scenario,
        schedule: ScheduleOutcome?, public withPublic: Bool, stamp: ReportStamp?, changes: RunChanges?,
        committees: CommitteeOutcome?, defenses: DefenseOutcome?
    ) throws {
        if withPublic {
            files["report-public.html"] = Data(
                HTMLPages.report(
                    outcome, scenario: scenario, schedule: schedule, notFirst: [],
                    moreNotFirst: 0, public: true, stamp: stamp, changes: changes
                ).utf8)
            if outcome.hasPlacement {
                files["placements-public.csv"] = Data(
                    PlacementsFile.render(outcome, scenario: scenario, public: true).utf8)
            }
        }
        if outcome.hasPlacement {
            files["placements.csv"] = Data(PlacementsFile.render(outcome, scenario: scenario).utf8)
            files["funding.csv"] = Data(PlacementsFile.funding(outcome, scenario: scenario).utf8)
            files["budgets.csv"] = Data(PlacementsFile.budgets(outcome, scenario: scenario).utf8)
            if scenario.funding.contains(where: { $0.kind == .trainingGrant }) {
                files["appointments.csv"] = Data(
                    PlacementsFile.appointments(TrainingGrantAppointments.of(outcome, scenario: scenario)).utf8)
            }
        }
        if let committees {
            files["committees.csv"] = Data(CommitteeFiles.csv(committees, scenario: scenario).utf8)
        }
        if let defenses { files["defenses.csv"] = Data(DefenseFiles.csv(defenses, scenario: scenario).utf8) }
        if let schedule, schedule.hasSchedule {
            files["schedule.csv"] = Data(ScheduleFiles.scheduleCSV(schedule).utf8)
        }
    }

    /// `summary.json`'s text.
    private static func summary(
        _ outcome: PlacementOutcome, scenario: Scenario, schedule: ScheduleOutcome?, ties: [Tie]?,
        replan: ReplanDate?, changes: RunChanges?, inputWarnings: [String], pairs: [BlockingPair],
        committees: CommitteeOutcome?, defenses: DefenseOutcome?
    ) throws -> String {
        var summary = SummaryFile(outcome, intake: scenario.settings.intake, schedule: schedule)
        summary.warnings = inputWarnings + summary.warnings
        summary.changes = changes.map(SummaryFile.ChangesEntry.init)
        summary.today = replan.map { r in
            SummaryFile.TodayEntry(
                date: r.date.map { "\($0)" }, source: Wording.replanSourceKey(r.source),
                explanation: Wording.replanDate(r, scenario: scenario))
        }
        summary.ties = ties.map {
            $0.map {
                SummaryFile.TieEntry(
                    fellow: $0.fellow, lab: $0.lab, alternative_lab: $0.alternative,
                    alternative_mentor: $0.alternativeMentor, decided_by: Wording.decidedCode($0.decidedBy))
            }
        }
        summary.tie_break = SummaryFile.TieBreakEntry(
            policy: scenario.settings.tieBreak.rawValue, seed: scenario.settings.seed, settled: outcome.tiesSettled)
        summary.blocking_pairs = pairs.map {
            SummaryFile.BlockingPairEntry(fellow: $0.fellow, mentor: $0.mentor, lab: $0.lab, kind: $0.kind.rawValue)
        }
        summary.stability_cost = outcome.stabilityCost.map {
            SummaryFile.StabilityCostEntry(
                objective: $0.objective, objective_without_stability: $0.objectiveWithout, difference: $0.difference,
                rank_profile_without_stability: Dictionary(
                    uniqueKeysWithValues: $0.rankProfileWithout.map { ("\($0.key)", $0.value) }),
                free: $0.isFree, proved: $0.proved)
        }
        if scenario.funding.contains(where: { $0.kind == .trainingGrant }) {
            summary.appointments = TrainingGrantAppointments.of(outcome, scenario: scenario).map(
                SummaryFile.GrantEntry.init)
        }
        summary.committees = committees.map { CommitteeFiles.entry($0, scenario: scenario) }
        summary.defenses = defenses.map { DefenseFiles.entry($0, scenario: scenario) }
        return try summary.render()
    }
}
