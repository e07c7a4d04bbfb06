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
/// - **Cut families by the model's shape** (measured, release build, this machine):
///   - every variable integer (budgets written directly over assignments, as
///     in OR-Library GAP): MIR, cover and clique cuts. MIR cuts close the gap
///     that cover cuts leave on knapsack rows (gap8-1: over 60 s without them,
///     0.2 s with them); Gomory cuts only slow the search there (gap1–gap12:
///     15.2 s with them, 12.4 s without).
///   - continuous payments present (most real programs): Gomory, cover and
///     clique cuts. MIR cuts cost much and close nothing there (generated
///     intake of 200: 0.97 s with MIR, 0.22 s with Gomory; of 1,000: ~7 s of
///     `glp_mir_gen`, and Gomory cuts take the solve from 6.2 s to 4.1 s).
/// - **Branching by the model's shape**: pseudocost branching (GLPK's
///   `GLP_BR_PCH`, initialised by strong branching on every fractional
///   variable) suits the small knapsack models of GAP; on intakes with
///   continuous payments the initialisation dominates (glpsol on a 1,000-fellow
///   model: 7.3 s with `--pcost`, 3.1 s without), so they use Driebeck–Tomlin.
///
/// A **warm start** (``GreedyStart`` and `fm_warm_start` in `CGLPKGuard`):
/// GLPK's primal simplex from the slack basis first reaches a point that
/// leaves most fellows unplaced, then walks to the optimum one vertex at a
/// time (1,000 fellows: ~9,000 iterations, 1.8 s). Instead, a greedy placement
/// with a short local search (two-fellow swaps, augmenting paths for anyone
/// left out) fixes the integer columns, an LP over the payments completes it,
/// and the root LP starts from that basis, with each fellow's chosen column
/// basic in their one-place row (otherwise every pivot through that row is
/// degenerate first). The completed solution is the search's first incumbent.
/// Measured (release build, this machine, generated intakes): the root LP at
/// 1,000 fellows 1.8 s → 0.11 s; the whole run at 5,000 fellows 109 s → 8.1 s.
/// Later stages of the lexicographic kinds start from the previous stage's
/// solution, which satisfies the stage's hold row.
///
/// **Lagrangian column fixing** on models of GAP's shape (``AssignmentKnapsacks``:
/// one-place rows, and budget rows paid directly as the only limits; OR-Library
/// GAP is exactly this), in ``LagrangianFixing``:
/// - ``LagrangianBound``: the one-place rows are relaxed with a multiplier
///   each, and each budget becomes a 0/1 knapsack solved exactly by dynamic
///   programming. Subgradient steps tighten the bound. It is much closer to
///   the optimum than the LP GLPK starts from (gap12-5: LP 1451.9, this bound
///   1446.5, optimum 1446).
/// - ``AssignmentHeuristic`` (regret fill, moves and exchanges) turns the
///   relaxation's choices into feasible solutions.
/// - When the best solution is still more than 0.5 % from the bound,
///   ``NeighbourhoodSearch`` re-solves parts of several budgets at a time
///   with GLPK, each part fixed and bounded like the whole (the same
///   Lagrangian fixing and node bound), for at most half of a time limit.
///   Parts start at a budget with room left and add budgets that can trade
///   with it; moves sideways between solutions of equal value keep it from
///   sticking. d20100 (optimum 6185, 60 s): 6258 (1.18 %) → 6213 (0.45 %).
/// - A column is fixed when even the bound with it forced the other way
///   cannot beat the best solution (by 1, when objective coefficients are
///   whole). Only columns that no *strictly better* solution could use are
///   fixed, always at the best solution's value, so the model keeps that
///   solution (GLPK's start) and every better one: the optimum is unchanged.
/// - Measured (release build, this machine): gap1–gap12 11.7 s → 2.4 s in
///   all, every instance proved; gap12-5 1.2 s → 0.2 s (479 of 600 columns
///   fixed). On sets D and E the bound is close but the best solution found
///   is not, so few columns are fixed there.
///
/// **The Lagrangian bound inside GLPK's search**, on the same models:
/// - ``LagrangianNodeBound`` is a `NodeExaminer`: GLPK shows it every
///   subproblem before solving its LP (`GLP_IPREPRO`, `fm_examine` in
///   `CGLPKGuard`). With the items the subproblem's bounds fix, a few
///   subgradient steps give its bound. It prunes subproblems that cannot
///   beat the incumbent, fixes items as at the root, and offers the
///   relaxation's choice, repaired (``AssignmentHeuristic/repair(_:within:)``),
///   as an incumbent. Pruning makes GLPK fix every integer column at its
///   lower bound, so GLPK still looks at that single point itself.
/// - ``TargetedSearch`` runs GLPK's search as probes with a target at the
///   current bound. Each probe that finds nothing at the target proves the
///   bound one lower, and costs little because the node bound prunes from
///   the first node. The probe that reaches its target finishes as a proof
///   of optimality.
/// - Measured (release build, this machine, 60 s limit, final run): d05100
///   proved in 5.4 s (was 6369 after 60 s, unproved); d05200 in 7.4 s;
///   e10100 in 16.1 s and e20100 in 23.3 s (unproved before); gap1–gap12
///   1.8 s in all (was 2.3 s). With the optimum known in advance, GLPK's
///   tree alone still stayed 3 units short on e10100 after 60 s: the node
///   bound, not the incumbent, is what closes these.
///
/// **The lexicographic kinds** (`rank-maximal`, `generous`; ``StagePlan``):
/// - **A weighted start** (``LexicographicProxy``): one integer program with
///   weights over ranks (the shape of `total-rank`, which the warm start
///   handles fast) before the stages. Its placement is every stage's start,
///   and on the generated intakes measured it was already optimal for every
///   stage, so the stages only prove. Where its weights are exact and small
///   enough for GLPK's tolerance, it is the whole `rank-maximal` answer.
///   Generated intake of 300, `rank-maximal`: the second-choice stage had
///   stayed at 43 against a bound of 63 for 60 s, and the run took 300 s
///   without a proof; with the start every stage is proved at the root.
/// - **Stages skipped by a known bound**: a stage whose start reaches what no
///   placement can beat (all new fellows placed; every fellow left counted
///   at a rank; nobody at the worst rank) is not solved.
/// - **`generous` by closing ranks**: the worst rank comes from the best
///   placement known, every worse choice is closed, and "fewest at that
///   rank" is solved; when that fewest is 0 the rank is closed too. This
///   replaces a min-max row (worst ≥ rank of each fellow), whose LP bound was
///   weak. Generated 1,000: 26.6 s (issue 16's figure) → 7.1 s.
/// - **Holds without a margin** (``LexicographicStage/hold(_:)``): a stage's
///   optimum v is held as `≥ v`, not `≥ v − ½`. Both admit the same
///   placements, but the margin let the LP of every later stage place half
///   a fellow less at a held rank and buy more at the next: generated 1,000,
///   "most third choices" had a root LP of 82 against an optimum of 73 and
///   needed 8.8 s of GLPK's MIR cuts; with exact holds every stage's root LP
///   is its integer optimum there, and the MIR cuts these stages had needed
///   only cost time (`generous` 1,000: 6.2 s with them, 1.5 s without), so
///   the stages now get the model's usual cuts.
/// - **Consecutive ranks in one stage** (``StagePlan/rankGroup()``): with L
///   fellows left to count, weights that are powers of L + 1 order the
///   counts exactly, while the stage's largest value stays where GLPK's
///   tolerance cannot lose a whole count. Generated 1,000: 6 stages and
///   31.3 s → 3 stages and 11.5 s; 300: 2.0 s → 0.9 s.
/// Together, on generated intakes (release build, this machine, whole
/// runs): `rank-maximal` at 300 from 300 s unproved to 0.3 s proved, at
/// 1,000 from 423 s unproved (issue 16) to 1.3 s proved, at 5,000 in 22 s;
/// `generous` at 1,000 from 26.6 s to 1.5 s, at 5,000 in 21 s (see
/// BENCHMARKS.md for the sitting these come from).
///
/// None of these trades correctness: the model is the same integer program,
/// and every "optimal" on the OR-Library suite is checked against its
/// published optimum (see `Benchmarks/`).
public enum SolveStrategy {
    /// Options tuned for a placement model. Options the caller changed from
    /// their defaults are left as given: cut families are picked here only
    /// when nobody chose them (`--cuts` absent).
    public static func tune(_ options: SolverOptions, for model: Model) -> SolverOptions {
        var o = options
        if o.presolve { o.presolve = false }
        let pureInteger = model.variables.allSatisfy(\.isInteger)
        if o.cuts == nil {
            o.cuts = pureInteger ? [.mixedIntegerRounding, .cover, .clique] : [.gomory, .cover, .clique]
        }
        if o.branching == SolverOptions().branching && !pureInteger {
            o.branching = .driebeckTomlin
        }
        return o
    }
}
