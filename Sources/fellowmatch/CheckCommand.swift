import ArgumentParser
import ProgramOffice
import Reports

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a scenario and run the pre-checks, without solving.")

    @Argument(help: "The scenario folder.")
    var scenario: String

    func run() throws {
        let office = Office()
        let result = office.check(try open(office, scenario))
        print(
            CheckReport.lines(
                result.program.scenario, path: scenario, choices: result.choices, findings: result.findings
            ).joined(separator: "\n"))
        throw ExitStatus.of(result.verdict)
    }
}
