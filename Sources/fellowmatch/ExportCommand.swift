import ArgumentParser
import ProgramOffice
import Reports

extension ModelFileFormat: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the placement model for other solvers (CPLEX LP or free MPS).",
        discussion:
            "MPS has no objective sense: a maximisation (objective score) is written negated, with a comment saying so."
    )

    @Argument(help: "The scenario folder.")
    var scenario: String

    @Option(name: .long, help: "lp or mps.")
    var format: ModelFileFormat

    @Option(name: .long, help: "The file to write.")
    var output: String

    func run() throws {
        let office = Office()
        let program = try open(office, scenario)
        let objective = program.scenario.settings.objective
        if objective.isLexicographic {
            printError("note: " + OfficeText.exportNotes(objective: objective, firstStageOnly: true, negated: false)[0])
        }
        let result: ExportResult
        do { result = try office.export(program, format: format, to: output) } catch { throw failure(error) }
        if result.negatedObjective {
            printError("note: " + OfficeText.exportNotes(objective: objective, firstStageOnly: false, negated: true)[0])
        }
        print(OfficeText.exported(path: output, variables: result.variables, constraints: result.constraints))
    }
}
