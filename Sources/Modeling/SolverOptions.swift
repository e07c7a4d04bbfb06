/// Families of cutting planes a branch-and-cut solver may generate.
public enum CutFamily: String, Sendable, Hashable, CaseIterable {
    /// Gomory mixed-integer cuts.
    case gomory
    /// Mixed-integer rounding cuts.
    case mixedIntegerRounding
    /// Lifted cover cuts for knapsack-like rows (budgets, capacities).
    case cover
    /// Clique cuts from the conflict graph.
    case clique
}

/// How much the solver reports through the ``SolverOptions/logSink``.
public enum SolverLogLevel: Int, Sendable, Comparable {
    case off = 0
    case errors = 1
    case normal = 2
    case verbose = 3
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// How to branch and which node to explore next (GLPK's `br_tech`, `bt_tech`).
public enum BranchingRule: String, Sendable, Hashable {
    case firstFractional, lastFractional, mostFractional, driebeckTomlin, pseudocost
}

public enum NodeSelection: String, Sendable, Hashable {
    case depthFirst, breadthFirst, bestLocalBound, bestProjection
}

/// Settings for one solve.
///
/// The defaults are deterministic: no time limit, gap 0, so the same model
/// gives the same solution every time. A time limit makes results depend on
/// machine speed.
public struct SolverOptions: Sendable {
    /// Wall-clock seconds for the solve; `nil`: none.
    public var timeLimit: Double?
    /// Stop when `|incumbent − bound| / |incumbent|` falls to this value.
    public var relativeGap: Double = 0
    public var presolve: Bool = true
    /// Cut families to generate; `nil`: automatic (the caller, or a backend's
    /// ``automaticCuts``, picks them).
    public var cuts: Set<CutFamily>?
    /// What a backend uses when no one picked the cut families: all of them.
    public static let automaticCuts: Set<CutFamily> = [.cover, .mixedIntegerRounding, .clique, .gomory]
    public var branching: BranchingRule = .pseudocost
    public var nodeSelection: NodeSelection = .bestLocalBound
    public var feasibilityPump: Bool = false
    public var proximitySearch: Bool = false
    public var logLevel: SolverLogLevel = .off
    /// Receives the solver's messages when ``logLevel`` is above `.off`.
    public var logSink: (@Sendable (String) -> Void)?
    /// Seconds between progress reports (new incumbents are always reported).
    public var progressInterval: Double = 1
    /// Stop once the search has created this many subproblems (`nil`: no
    /// limit). Unlike a time limit, the same model stops at the same point on
    /// every machine, so results stay reproducible; the termination is
    /// ``TerminationReason/interrupted`` with the best solution found.
    public var nodeLimit: Int?
    /// Stop an integer program once the simplex has made this many
    /// iterations in all (`nil`: no limit). Like ``nodeLimit``, the same
    /// point on every machine; with presolve off (as with a
    /// ``startingSolution``) it also bounds the warm start's and the root
    /// LP's iterations, which a node limit cannot; with presolve on, only the
    /// search's (checked at each subproblem). A linear program ignores it.
    /// The termination is ``TerminationReason/interrupted`` with the best
    /// solution found (the start, when the root LP did not finish); it may
    /// pass the limit by one iteration.
    public var iterationLimit: Int?
    /// A solution to start from (one value per variable), if known. Only its
    /// integer variables matter: the solver completes the continuous ones,
    /// starts its root LP there and offers the result as a first incumbent.
    /// An infeasible start is ignored. Used only when presolve is off
    /// (presolve changes the columns).
    public var startingSolution: [Double]?
    /// Examines every subproblem of the search (see ``NodeExaminer``). Used
    /// only when presolve is off (presolve changes the columns).
    public var nodeExaminer: (any NodeExaminer)?
    /// Stops the search when another thread calls ``StopSignal/stop()``:
    /// the solve then ends as ``TerminationReason/interrupted`` with the best
    /// solution found so far, and later solves with the same signal stop at
    /// their first chance.
    public var stop: StopSignal?

    public init(timeLimit: Double? = nil, relativeGap: Double = 0, presolve: Bool = true) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.presolve = presolve
    }

    /// No time limit, gap 0: reproducible results.
    public static var deterministic: SolverOptions { SolverOptions() }
}
