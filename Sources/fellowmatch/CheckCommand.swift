import ArgumentParser
import Domain
import PlacementSolver
import Reports

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a scenario and run the pre-checks, without solving.")

    @Argument(help: "The scenario folder.")
    var scenario: String

    func run() throws {
        let s = try loadScenario(scenario)
        let eligibility = Eligibility(s)
        let findings = PreChecks.run(s, eligibility)
        print(
            CheckReport.lines(s, path: scenario, choices: eligibility.choices.count, findings: findings).joined(
                separator: "\n"))
        let blocking = findings.filter(\.blocking)
        if !blocking.isEmpty { throw ExitCode(1) }
    }
}
