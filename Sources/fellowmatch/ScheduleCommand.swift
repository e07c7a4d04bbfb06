import ArgumentParser
import Domain

struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Schedule (or re-plan) the seminar series after placement.",
        discussion: """
        With --keep, re-solves after availability or sessions changed, keeping as many talks as possible \
        where the earlier schedule had them, and lists what moved. Talks before --today never move, and no \
        talk is added before it.
        """)

    @Argument(help: "The scenario folder; it must have sessions.csv.")
    var scenario: String

    @Option(name: .long, help: "An earlier run's schedule.csv to keep as far as possible.")
    var keep: String?

    @Option(name: .long, help: "YYYY-MM-DD: sessions before this date are history.")
    var today: CalendarDate?

    @OptionGroup var options: SolveOptions

    @Flag(name: .long, help: "Also write report-public.html and placements-public.csv: no citizenship, external funding, funding splits or availability, for sharing beyond the program office.")
    var `public` = false

    @OptionGroup var history: HistoryOptions

    @Flag(name: .long, help: "Do not record this run in the run history.")
    var noHistory = false

    @Flag(name: .long, help: "Ignore the intake's official match (by default a run keeps it as far as the scenario allows).")
    var fresh = false

    func run() throws {
        try Pipeline(scenarioPath: scenario, options: options, previousSchedule: keep, today: today, publicVariant: `public`, historyPath: history.path(scenario: scenario), recordRun: !noHistory, fresh: fresh).run()
    }
}
