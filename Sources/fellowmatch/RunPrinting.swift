import ArgumentParser
import Domain
import Foundation
import ProgramOffice
import Reports

/// What `run` and `schedule` share: open the program, run it through the
/// office (progress on the terminal), print what happened, and exit 1 when
/// there is no placement or no schedule. With `timings`, the phases' times
/// follow on standard error.
struct RunPrinting {
    var scenario: String
    var request: RunRequest
    var timings = false

    func run() throws {
        let office = Office()
        let clock = timings ? PhaseClock() : nil
        let program = try open(office, scenario, clock: clock)
        let progress = ProgressLine()
        var request = self.request
        request.clock = clock
        if progress.enabled && request.solverLog == nil { request.progress = { @Sendable p in progress.report(p) } }
        let result: RunResult
        do { result = try office.run(program, request) } catch {
            progress.finish()
            throw failure(error)
        }
        progress.finish()
        clock.time("console") {
            printNotices(result)
            printConsole(result)
        }
        if let clock {
            // Columns as rendered: not wrapped like printError's sentences.
            FileHandle.standardError.write(
                Data((PhaseTimesText.render(clock.phases, whole: clock.elapsed) + "\n").utf8))
        }
        throw ExitStatus.of(result.verdict)
    }

    private func printNotices(_ result: RunResult) {
        for note in result.writeNotes { printError("note: \(note)") }
        for warning in result.warnings { printError("warning: \(warning)") }
    }

    private func printConsole(_ r: RunResult) {
        let s = r.program.scenario
        if let official = r.official {
            print(
                TextLayout.wrap(
                    OfficeText.rematching(official, today: r.replan?.date) + " Use --fresh to start over.",
                    indent: "  "
                ).joined(separator: "\n") + "\n")
        }
        if let replan = r.replan {
            let hint = replan.source == .given ? "" : " Give --today YYYY-MM-DD to choose another date."
            print(
                TextLayout.wrap(Wording.replanDate(replan, scenario: s) + hint, indent: "  ").joined(separator: "\n")
                    + "\n")
        }
        print(ConsoleReport.render(r.outcome, scenario: s))
        if let ties = r.ties, !ties.isEmpty { print(ConsoleReport.ties(ties, scenario: s)) }
        if r.outcome.hasPlacement { print(ConsoleReport.stability(r.blockingPairs, scenario: s, outcome: r.outcome)) }
        if let official = r.official {
            print(
                "\n"
                    + ConsoleReport.changes(
                        since: official.id, before: official.outcome, names: official.directory, after: r.outcome,
                        scenario: s))
            print(ConsoleReport.opportunities(r.opportunities, scenario: s))
        } else if r.keptEarlierPlacements {
            print(ConsoleReport.rematch(r.outcome.moves, scenario: s))
        }
        if let schedule = r.schedule { print("\n" + ConsoleReport.render(schedule, scenario: s)) }
        if let committees = r.committees { print("\n" + CommitteeFiles.console(committees, scenario: s)) }
        if let defenses = r.defenses { print("\n" + DefenseFiles.console(defenses, scenario: s)) }
        print("\n" + ConsoleReport.wrote(r.output, files: Array(r.files.keys)))
        if let id = r.recorded, let history = request.history {
            print(
                TextLayout.wrap(
                    OfficeText.recorded(id, history: history)
                        + "; `fellowmatch publish \(id) --note TEXT` makes it the official match.", indent: "  "
                ).joined(separator: "\n"))
        }
    }
}
