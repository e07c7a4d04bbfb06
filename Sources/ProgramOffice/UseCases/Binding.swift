import Domain
import GLPKBackend
import PlacementSolver

/// The capacities and budgets that are used up, and what loosening each gains.
public struct BindsResult: Sendable {
    public var program: OpenedProgram
    public var base: PlacementOutcome
    public var limits: [BindingLimit]

    /// ``Verdict/noPlacement`` when the program has no placement to loosen.
    public var verdict: Verdict { base.hasPlacement && base.objective != nil ? .solved : .noPlacement }
}

extension Office {
    /// Solves the program, then re-solves it with each used-up limit loosened
    /// (one more place, or one fellow's worth of money: the median need), each
    /// on a thread of its own.
    public func binds(_ program: OpenedProgram) throws(OfficeError) -> BindsResult {
        let engine = PlacementEngine(solver: solver)
        let base: PlacementOutcome
        do { base = try engine.run(program.scenario) } catch { throw OfficeError(.solverFailed, "\(error)") }
        guard base.hasPlacement, base.objective != nil else {
            return BindsResult(program: program, base: base, limits: [])
        }
        let limits = engine.bindingLimits(program.scenario, base: base) { jobs in SolveThreads.map(jobs) { $0() } }
        return BindsResult(program: program, base: base, limits: limits)
    }
}
