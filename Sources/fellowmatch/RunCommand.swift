import ArgumentParser

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Place every new fellow and split funding; with sessions.csv, schedule the seminars.",
        discussion: "Writes placements.csv and summary.json, and with sessions.csv also schedule.csv and calendar/.")

    @Argument(help: "The scenario folder (scenario.toml and CSV files).")
    var scenario: String

    @Option(name: .long, help: "Output folder (default: SCENARIO/out). Created if missing; replaced as a whole.")
    var out: String?

    @Option(name: .long, help: "Seconds allowed for each solve. Results are then not reproducible.")
    var timeLimit: Double?

    @Option(name: .long, help: "An earlier run's placements.csv: keep as many of its placements as the scenario allows, and list who moved.")
    var keep: String?

    func validate() throws {
        if let t = timeLimit, !(t > 0) { throw ValidationError("--time-limit must be a positive number of seconds") }
    }

    func run() throws {
        try Pipeline(scenarioPath: scenario, out: out, timeLimit: timeLimit, previousPlacements: keep).run()
    }
}
