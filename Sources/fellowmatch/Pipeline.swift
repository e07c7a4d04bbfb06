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
    var options: SolveOptions
    var previousSchedule: String?
    var today: CalendarDate?
    var previousPlacements: String?

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
        let outURL = URL(fileURLWithPath: self.options.out ?? (scenarioPath as NSString).appendingPathComponent("out"))
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
        let files: [String: Data]
        do { files = try RunFiles.files(for: outcome, scenario: s, schedule: schedule, today: today) } catch {
            printError("error: the run's files could not be prepared (\(error)); nothing was written")
            throw ExitCode(2)
        }
        try write(files, to: folder)
        print(ConsoleReport.render(outcome, scenario: s))
        if kept != nil { print(ConsoleReport.rematch(outcome.moves, scenario: s)) }
        if let schedule { print("\n" + ConsoleReport.render(schedule, scenario: s)) }
        print("\n" + ConsoleReport.wrote(outURL.path, files: Array(files.keys)))
        if !outcome.hasPlacement || schedule.map({ !$0.hasSchedule }) == true { throw ExitCode(1) }
    }
}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
