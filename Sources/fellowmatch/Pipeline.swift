import ArgumentParser
import Domain
import Foundation
import GLPKBackend
import Modeling
import PlacementSolver
import Reports
import SeminarSolver

/// What `run` and `schedule` share: solve the placement, then (with sessions)
/// the seminar schedule; write every file at once; print the summary; exit
/// 1 when there is no placement or no schedule.
struct Pipeline {
    var scenarioPath: String
    var out: String?
    var timeLimit: Double?
    var previousSchedule: String?
    var today: CalendarDate?
    var previousPlacements: String?
    var solverLog = false
    var cuts: Set<CutFamily>?

    func run() throws {
        let s = try loadScenario(scenarioPath)
        var previous: [PreviousTalk]?
        if let previousSchedule {
            do { previous = try PreviousRun.schedule(at: URL(fileURLWithPath: previousSchedule)) } catch {
                for issue in error.issues { printError(issue.description) }
                throw ExitCode(2)
            }
        }
        var kept: [PreviousPlacement]?
        if let previousPlacements {
            do { kept = try PreviousRun.placements(at: URL(fileURLWithPath: previousPlacements)) } catch {
                for issue in error.issues { printError(issue.description) }
                throw ExitCode(2)
            }
        }
        let outURL = URL(fileURLWithPath: out ?? (scenarioPath as NSString).appendingPathComponent("out"))
        let folder = try outputFolder(outURL)
        var options = SolverOptions.deterministic
        options.timeLimit = timeLimit
        if let cuts { options.cuts = cuts }
        if solverLog {
            options.logLevel = .normal
            options.logSink = { text in FileHandle.standardError.write(Data(text.utf8)) }
        }
        let progress = ProgressLine()
        var engine = PlacementEngine(solver: GLPKSolver(), options: options)
        if progress.enabled && !solverLog { engine.progress = { @Sendable p in progress.report(p) } }
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
        let files = RunFiles.files(for: outcome, scenario: s, schedule: schedule, today: today)
        do { try folder.write(files) } catch {
            printError("error: could not write \(outURL.path): \(error)")
            throw ExitCode(2)
        }
        print(ConsoleReport.render(outcome, scenario: s))
        if kept != nil {
            print(outcome.moves.isEmpty ? "Re-match: nobody moved." : "Re-match: \(outcome.moves.count) change\(outcome.moves.count == 1 ? "" : "s"):")
            for m in outcome.moves { print("  - \(m)") }
        }
        if let schedule { print(ConsoleReport.render(schedule)) }
        let shown = files.keys.filter { !$0.hasPrefix("calendar/") }.sorted()
            + (files.keys.contains { $0.hasPrefix("calendar/") } ? ["calendar/ (\(files.keys.filter { $0.hasPrefix("calendar/") }.count) .ics files)"] : [])
        print("Wrote " + shown.map { (outURL.path as NSString).appendingPathComponent($0) }.joined(separator: ", "))
        if !outcome.hasPlacement || schedule.map({ !$0.hasSchedule }) == true { throw ExitCode(1) }
    }
}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
