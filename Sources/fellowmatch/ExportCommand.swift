import ArgumentParser
import Domain
import Foundation
import GLPKBackend
import Modeling
import PlacementSolver
import Reports

extension ExportFormat: ExpressibleByArgument {}

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
    var format: ExportFormat

    @Option(name: .long, help: "The file to write.")
    var output: String

    /// How GLPK's LP and MPS files (and FellowMatch's note on a negated
    /// objective) begin: an existing file is replaced only if it starts so.
    static let signatures = ["\\* Problem:", "* Problem:", "* FellowMatch:"]

    func run() throws {
        let s = try loadScenario(scenario)
        let placement = PlacementModel(scenario: s)
        if s.settings.objective.isLexicographic {
            printError(
                "note: \(s.settings.objective.rawValue) is solved in stages; the file holds the first stage's objective (total rank)."
            )
        }
        do {
            var negated = false
            try OutputFile(URL(fileURLWithPath: output), signatures: Self.signatures).write { path in
                negated = try GLPKSolver().export(placement.model, format: format, to: path).negatedObjective
            }
            if negated {
                printError("note: the maximisation was written to MPS as a minimisation of the negated objective.")
            }
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        print(
            "Wrote \(output): \(placement.model.variables.count) variables, \(placement.model.constraints.count) constraints."
        )
    }
}
