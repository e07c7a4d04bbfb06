import Domain
import Foundation
import Modeling
import PlacementSolver
import Reports

/// A placement model written for other solvers.
public struct ExportResult: Sendable {
    public var path: String
    public var variables: Int
    public var constraints: Int
    /// The maximisation was written as a minimisation of the negated objective (MPS).
    public var negatedObjective: Bool
    /// The objective is solved in stages; the file holds the first stage's (total rank).
    public var firstStageOnly: Bool
}

extension Office {
    /// How GLPK's LP and MPS files (and FellowMatch's note on a negated
    /// objective) begin: an existing file is replaced only if it starts so.
    public static let modelFileSignatures = ["\\* Problem:", "* Problem:", "* FellowMatch:"]

    /// Writes the placement model in CPLEX LP or free MPS.
    public func export(_ program: OpenedProgram, format: ModelFileFormat, to path: String) throws(OfficeError)
        -> ExportResult
    {
        let placement = PlacementModel(scenario: program.scenario)
        var negated = false
        do {
            try OutputFile(URL(fileURLWithPath: path), signatures: Self.modelFileSignatures).write { file in
                negated = try solver.export(placement.model, format: format, to: file).negatedObjective
            }
        } catch {
            throw OfficeError(.writeFailed, "\(error)", path: path)
        }
        return ExportResult(
            path: path, variables: placement.model.variables.count, constraints: placement.model.constraints.count,
            negatedObjective: negated, firstStageOnly: program.scenario.settings.objective.isLexicographic)
    }
}
