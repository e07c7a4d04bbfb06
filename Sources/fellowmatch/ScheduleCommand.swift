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

    @Option(name: .long, help: "Output folder (default: SCENARIO/out).")
    var out: String?

    @Option(name: .long, help: "Seconds allowed for each solve.")
    var timeLimit: Double?

    func run() throws {
        try Pipeline(scenarioPath: scenario, out: out, timeLimit: timeLimit, previousSchedule: keep, today: today).run()
    }
}
