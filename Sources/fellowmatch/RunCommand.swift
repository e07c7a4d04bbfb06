import ArgumentParser
import Foundation
import Modeling

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

    @Flag(name: .long, help: "Print GLPK's own log to standard error.")
    var solverLog = false

    @Option(name: .long, help: "Cut families for GLPK: all, none, or a comma-separated list of gomory, mir, cover, clique.")
    var cuts: String?

    var cutFamilies: Set<CutFamily>? {
        guard let cuts else { return nil }
        if cuts == "all" { return Set(CutFamily.allCases) }
        if cuts == "none" { return [] }
        return Set(cuts.split(separator: ",").compactMap { name in
            switch name.trimmingCharacters(in: .whitespaces) {
            case "gomory": return .gomory
            case "mir": return .mixedIntegerRounding
            case "cover": return .cover
            case "clique": return .clique
            default: return nil
            }
        })
    }

    func validate() throws {
        if let cuts, cuts != "all", cuts != "none",
           cuts.split(separator: ",").contains(where: { !["gomory", "mir", "cover", "clique"].contains($0.trimmingCharacters(in: .whitespaces)) }) {
            throw ValidationError("--cuts takes all, none, or a comma-separated list of gomory, mir, cover, clique")
        }
        if let t = timeLimit, !(t > 0) { throw ValidationError("--time-limit must be a positive number of seconds") }
    }

    func run() throws {
        try Pipeline(scenarioPath: scenario, out: out, timeLimit: timeLimit, previousPlacements: keep, solverLog: solverLog, cuts: cutFamilies).run()
    }
}
