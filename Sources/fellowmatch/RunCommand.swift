import ArgumentParser
import Foundation
import Domain
import Modeling

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Place every new fellow and split funding; with sessions.csv, schedule the seminars.",
        discussion: "Writes placements.csv and summary.json (default folder: SCENARIO/out), and with sessions.csv also schedule.csv and calendar/.")

    @Argument(help: "The scenario folder (scenario.toml and CSV files).")
    var scenario: String

    @OptionGroup var options: SolveOptions

    @Flag(name: .long, help: "Also write report-public.html and placements-public.csv: no citizenship, external funding, funding splits or availability, for sharing beyond the program office.")
    var `public` = false

    @OptionGroup var history: HistoryOptions

    @Flag(name: .long, help: "Do not record this run in the run history.")
    var noHistory = false

    @Flag(name: .long, help: "Ignore the intake's official match (by default a run keeps it as far as the scenario allows).")
    var fresh = false

    @Option(name: .long, help: "An earlier run's placements.csv: keep as many of its placements as the scenario allows, and list who moved.")
    var keep: String?

    @Option(name: .long, help: "YYYY-MM-DD: in a re-match, talks before this date are history (they never move or disappear).")
    var today: CalendarDate?

    func run() throws {
        try Pipeline(scenarioPath: scenario, options: options, today: today, previousPlacements: keep, publicVariant: `public`, historyPath: history.path(scenario: scenario), recordRun: !noHistory, fresh: fresh).run()
    }
}
