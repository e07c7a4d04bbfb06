import Domain
import Foundation
import GLPKBackend
import Modeling
import PlacementSolver
import Reports

/// Whom to explain: one fellow, or every new fellow not at their first choice.
public enum ExplainedFellows: Sendable, Hashable {
    case one(String)
    case everyoneNotAtFirstChoice
}

/// Why fellows did not get a better-ranked lab.
public struct ExplainResult: Sendable {
    public var program: OpenedProgram
    /// The placement the explanations are against.
    public var base: PlacementOutcome
    /// One per fellow explained, in placement order.
    public var explanations: [FellowExplanation]

    /// ``Verdict/noPlacement`` when there is nothing to compare with.
    public var verdict: Verdict { base.hasPlacement ? .solved : .noPlacement }
}

extension Office {
    /// Solves the program, then explains each fellow asked for: for every lab
    /// they ranked above the one they got, the rule that makes it ineligible,
    /// what placing them there would cost, or why that is impossible.
    ///
    /// - Throws: ``OfficeError/Code/unknownFellow`` for an id not in the
    ///   program; ``OfficeError/Code/solverFailed``.
    public func explain(_ program: OpenedProgram, _ fellows: ExplainedFellows) throws(OfficeError) -> ExplainResult {
        let s = program.scenario
        if case .one(let id) = fellows, s.fellow(id) == nil {
            throw OfficeError(
                .unknownFellow, "no fellow \"\(id)\" in \(program.location.scenarioFolder)/fellows.csv",
                path: program.location.path)
        }
        let engine = PlacementEngine(solver: solver)
        let base: PlacementOutcome
        do { base = try engine.run(s) } catch { throw OfficeError(.solverFailed, "\(error)") }
        guard base.hasPlacement else { return ExplainResult(program: program, base: base, explanations: []) }
        let ids: [String]
        switch fellows {
        case .one(let id): ids = [id]
        case .everyoneNotAtFirstChoice: ids = base.notAtFirstChoice(FirstChoices(s)).map(\.fellow)
        }
        let results = SolveThreads.map(ids) { id in
            Result { () throws(SolverError) -> FellowExplanation in try engine.explain(s, base: base, fellow: id) }
        }
        var explanations: [FellowExplanation] = []
        for result in results {
            switch result {
            case .success(let e): explanations.append(e)
            case .failure(let error): throw OfficeError(.solverFailed, "\(error)")
            }
        }
        return ExplainResult(program: program, base: base, explanations: explanations)
    }

    /// Writes a Markdown document to `path`, replacing only a file that
    /// starts with one of `signatures` (one this use case wrote before).
    public func writeDocument(_ text: String, to path: String, signatures: [String]) throws(OfficeError) {
        do { try OutputFile(URL(fileURLWithPath: path), signatures: signatures).write(Data(text.utf8)) } catch {
            throw OfficeError(.writeFailed, "\(error)", path: path)
        }
    }
}
