import ArgumentParser
import Domain
import Foundation
import GLPKBackend
import Modeling
import PlacementSolver
import Reports
import RunHistory
import SeminarSolver

/// What `run` and `schedule` share: solve the placement, then (with sessions)
/// the seminar schedule; write every file at once; print the summary; exit
/// 1 when there is no placement or no schedule.
struct Pipeline {
    var scenarioPath: String
    var options: SolveOptions
    var previousSchedule: String?
    var today: CalendarDate?
    var previousPlacements: String?
    /// Also write the shareable report and placements (`--public`).
    var publicVariant = false
    /// The run history: its official match is kept by default, and the run is recorded there.
    var historyPath: String?
    /// Record the run (`false` with `--no-history`).
    var recordRun = true
    /// Ignore the intake's official match (`--fresh`).
    var fresh = false

    func run() throws {
        let s = try loadScenario(scenarioPath)
        var previous: [PreviousTalk]?
        if let previousSchedule {
            do { previous = try PreviousRun.schedule(at: URL(fileURLWithPath: previousSchedule)) } catch {
                for issue in error.issues { printProblem(issue.description) }
                throw ExitCode(2)
            }
        }
        var kept: [PreviousPlacement]?
        if let previousPlacements {
            do { kept = try PreviousRun.placements(at: URL(fileURLWithPath: previousPlacements)) } catch {
                for issue in error.issues { printProblem(issue.description) }
                throw ExitCode(2)
            }
        }
        // With no file to keep, the intake's official match (if published) is kept as far as the scenario allows.
        let official = fresh || previousPlacements != nil || previousSchedule != nil ? nil : officialMatch(s)
        if let official {
            kept = official.placements.map(\.asPrevious)
            if !official.talks.isEmpty { previous = official.talks.map(\.asPrevious) }
            print(
                TextLayout.wrap(
                    "Re-matching against the official match of \(official.intakeKey) (run \(official.id), published "
                        + "\(official.publishedAt ?? "")): everyone stays where they are unless the scenario no longer allows it"
                        + (today.map { "; talks before \($0) stay as they were" } ?? "")
                        + ". Use --fresh to start over.", indent: "  "
                )
                .joined(separator: "\n") + "\n")
        }
        let outURL = URL(fileURLWithPath: self.options.out ?? defaultOut)
        let folder = try outputFolder(outURL)
        let options = self.options.solverOptions()
        let progress = ProgressLine()
        var engine = PlacementEngine(solver: GLPKSolver(), options: options)
        if progress.enabled && !self.options.solverLog { engine.progress = { @Sendable p in progress.report(p) } }
        let outcome: PlacementOutcome
        var schedule: ScheduleOutcome?
        do {
            outcome = try engine.run(s, previous: kept)
            if outcome.hasPlacement, s.sessions != nil {
                var seminarOptions = options
                if seminarOptions.timeLimit == nil { seminarOptions.timeLimit = s.settings.timeLimit }
                schedule = try SeminarScheduler(solver: GLPKSolver(), options: seminarOptions)
                    .schedule(s, placements: outcome.placements, previous: previous, today: today)
            }
        } catch {
            progress.finish()
            printError("error: \(error)")
            throw ExitCode(2)
        }
        progress.finish()
        let (notFirst, more) = explanations(outcome, scenario: s, engine: engine)
        let ties =
            options.timeLimit == nil && s.settings.timeLimit == nil && kept == nil
            ? engine.ties(s, base: outcome) { jobs in SolveThreads.map(jobs) { $0() } } : nil
        let files: [String: Data]
        do {
            files = try RunFiles.files(
                for: outcome, scenario: s, schedule: schedule, today: today, notFirst: notFirst, moreNotFirst: more,
                ties: ties, public: publicVariant)
        } catch {
            printError("error: the run's files could not be prepared (\(error)); nothing was written")
            throw ExitCode(2)
        }
        try write(files, to: folder)
        let recorded = record(outcome, schedule: schedule, scenario: s)
        print(ConsoleReport.render(outcome, scenario: s))
        if let ties, !ties.isEmpty { print(ConsoleReport.ties(ties, scenario: s)) }
        if let official {
            print(
                "\n"
                    + ConsoleReport.changes(
                        since: official.id, before: official.outcome, names: official.directory, after: outcome,
                        scenario: s))
            print(ConsoleReport.opportunities(Opportunities.find(s, outcome), scenario: s))
        } else if kept != nil {
            print(ConsoleReport.rematch(outcome.moves, scenario: s))
        }
        if let schedule { print("\n" + ConsoleReport.render(schedule, scenario: s)) }
        print("\n" + ConsoleReport.wrote(outURL.path, files: Array(files.keys)))
        if let recorded {
            print(
                TextLayout.wrap(
                    "Recorded as run \(recorded) in \(historyPath ?? ""); `fellowmatch publish \(recorded) --note TEXT` makes it the official match.",
                    indent: "  "
                ).joined(separator: "\n"))
        }
        if !outcome.hasPlacement || schedule.map({ !$0.hasSchedule }) == true { throw ExitCode(1) }
    }
}

extension Pipeline {
    /// `SCENARIO/out` for a folder; `out-LABEL` beside a what-if file.
    var defaultOut: String {
        guard isWhatIf(scenarioPath) else { return (scenarioPath as NSString).appendingPathComponent("out") }
        let label = ((scenarioPath as NSString).lastPathComponent as NSString).deletingPathExtension
        return ((scenarioPath as NSString).deletingLastPathComponent as NSString).appendingPathComponent("out-\(label)")
    }

    /// The published run of the scenario's intake, if the history has one.
    func officialMatch(_ s: Scenario) -> RunRecord? {
        guard let historyPath, HistoryStore.exists(at: historyPath) else { return nil }
        do {
            return try HistoryStore(path: historyPath).official(intakeKey: s.settings.intake ?? s.settings.name)
        } catch {
            printError("warning: \(error); the official match is not used")
            return nil
        }
    }

    /// Records the run in the history; a history that cannot be written is a
    /// warning (the run's files are written already), not a failure.
    func record(_ o: PlacementOutcome, schedule: ScheduleOutcome?, scenario s: Scenario) -> Int64? {
        guard recordRun, let historyPath else { return nil }
        let settings =
            "objective=\(s.settings.objective.rawValue); mentor_weight=\(s.settings.mentorWeight); allow_unplaced=\(s.settings.allowUnplaced)"
            + (options.timeLimit.map { "; time_limit=\($0)" } ?? "")
            + (options.cuts.map { "; cuts=\($0.families.map(\.rawValue).sorted().joined(separator: ","))" } ?? "")
            + (previousPlacements.map { "; keep=\($0)" } ?? "")
            + (previousSchedule.map { "; keep_schedule=\($0)" } ?? "")
            + (today.map { "; today=\($0)" } ?? "")
        let folder = URL(fileURLWithPath: scenarioPath).standardizedFileURL.path
        let hash =
            isWhatIf(scenarioPath)
            ? inputHash(
                files: [folder]
                    + scenarioFiles(URL(fileURLWithPath: scenarioFolderPath(scenarioPath)).standardizedFileURL.path))
            : inputHash(folder: folder)
        let run = RunRecord(
            outcome: o, schedule: schedule, scenario: s, scenarioPath: folder, inputHash: hash,
            settings: settings, recordedAt: nowStamp())
        do { return try HistoryStore(path: historyPath).record(run) } catch {
            printError("warning: \(error)")
            return nil
        }
    }

    /// The report explains this many fellows not at their first choice (each
    /// re-solves once per better-ranked lab), on intakes of at most
    /// ``explainedIntake`` new fellows; `fellowmatch explain` does the rest.
    static let explainedFellows = 25
    static let explainedIntake = 100

    /// Why the first fellows not at their first choice did not get it, and how many more there are.
    func explanations(_ o: PlacementOutcome, scenario s: Scenario, engine: PlacementEngine) -> (
        [HTMLPages.NotFirstChoice], Int
    ) {
        guard o.hasPlacement else { return ([], 0) }
        let best = Dictionary(s.preferences.map { ($0.fellow, $0.rank) }, uniquingKeysWith: min)
        let ids = o.placements.filter {
            $0.status == .unplaced || ($0.status == .new && ($0.rank ?? 1) > (best[$0.fellow] ?? 1))
        }.map(\.fellow)
        guard s.newFellows.count <= Self.explainedIntake else { return ([], ids.count) }
        let chosen = Array(ids.prefix(Self.explainedFellows))
        let results = SolveThreads.map(chosen) { id in try? engine.explain(s, base: o, fellow: id) }
        let explained = results.compactMap { $0 }.map {
            HTMLPages.NotFirstChoice(fellow: $0.fellow, statements: ExplainReport.statements($0, scenario: s))
        }
        return (explained, ids.count - explained.count)
    }
}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
