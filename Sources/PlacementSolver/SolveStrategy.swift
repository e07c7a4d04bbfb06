import Modeling

/// Every technique that makes the placement model solve faster, in one place.
///
/// In the formulation (see the files named):
/// - **Variables only for eligible choices** (`Eligibility.swift`): rules 2, 3
///   and 6 remove choices before the solver sees them.
/// - **Capacity rows only where they can bind** (`Capacity.swift`): a lab or
///   mentor with fewer eligible choices than free places gets no row.
/// - **Money in thousands of dollars** (`Funding.swift`): needs of ~$70,000
///   beside 0/1 coefficients made GLPK's simplex crawl.
/// - **Funding classes** (`Funding.swift`): payments from program-wide sources
///   are one variable per class of fellows with the same eligible sources,
///   not one per fellow (exact; removes two columns and a row per fellow and
///   much degeneracy). On a generated intake of 1,000 new fellows the root LP
///   went from 6.3 s to 3.4 s in `glpsol`.
///
/// In the solver options (``tune(_:)``):
/// - **Presolve off**: GLPK's MIP presolver rebuilds the problem without the
///   scaling applied to it; solving the scaled root LP ourselves first and
///   then branching was twice as fast at 1,000 fellows (6.3 s → 3.4 s).
/// - **No MIR cuts**: `glp_mir_gen` took 14 % of the run and ~7 s at 1,000
///   fellows, without closing any gap the other families do not close.
///
/// None of these trades correctness: the model is the same integer program,
/// and every "optimal" on the OR-Library suite is checked against its
/// published optimum (see `Benchmarks/`).
public enum SolveStrategy {
    /// The default cut families of ``SolverOptions``.
    static let defaultCuts: Set<CutFamily> = SolverOptions().cuts

    /// Options tuned for the placement model. Options the caller changed
    /// from their defaults (e.g. `--cuts`) are left as given.
    public static func tune(_ options: SolverOptions) -> SolverOptions {
        var o = options
        if o.presolve { o.presolve = false }
        if o.cuts == defaultCuts { o.cuts.remove(.mixedIntegerRounding) }
        return o
    }
}
