import ArgumentParser
import Domain

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Place every new fellow and split funding; with sessions.csv, schedule the seminars.",
        discussion:
            "Writes placements.csv and summary.json (default folder: SCENARIO/out), letters/ (a placement letter and an e-mail draft per fellow and mentor; nothing is sent), and with sessions.csv also schedule.csv and calendar/."
    )

    @Argument(help: "The scenario folder (scenario.toml and CSV files).")
    var scenario: String

    @OptionGroup var options: SolveOptions

    @OptionGroup var record: RunRecordOptions

    @Option(
        name: .long,
        help:
            "An earlier run's placements.csv: keep as many of its placements as the scenario allows, and list who moved."
    )
    var keep: String?

    @Option(
        name: .long,
        help:
            "YYYY-MM-DD: in a re-match, talks before this date are history (they never move or disappear). Default: the latest of the fellows' withdrawn_on dates, the day the intake's latest run was recorded and the day its official match was published."
    )
    var today: CalendarDate?

    @Flag(
        name: .long,
        help:
            "Print on standard error how long each phase took (reading, checking, the placement, the schedule, each file, writing, the history); nothing of it goes into the files."
    )
    var timings = false

    func run() throws {
        try RunPrinting(
            scenario: scenario, request: record.request(scenario, options, today: today, keepPlacements: keep),
            timings: timings
        )
        .run()
    }
}
