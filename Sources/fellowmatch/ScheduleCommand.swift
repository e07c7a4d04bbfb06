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

    @Option(
        name: .long,
        help:
            "YYYY-MM-DD: sessions before this date are history. Default: the latest of the fellows' withdrawn_on dates, the day the intake's latest run was recorded and the day its official match was published."
    )
    var today: CalendarDate?

    @OptionGroup var options: SolveOptions

    @OptionGroup var record: RunRecordOptions

    func run() throws {
        try RunPrinting(
            scenario: scenario, request: record.request(scenario, options, today: today, keepSchedule: keep)
        )
        .run()
    }
}
