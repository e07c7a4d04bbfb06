import Domain
import Modeling

/// Which time limit applies to each solve of a run, in one place.
///
/// - The limit the user asked for (``timeLimit``), else the scenario's
///   `[solver] time_limit`, applies to the placement and to the seminar
///   schedule alike.
/// - With no limit at all, results are reproducible; only then, and when no
///   earlier run is kept, does a run look for equally good placements (ties),
///   since a tie is meaningful only against a placement proved best.
/// - ``longest`` bounds every limit: a day.
public struct SolveLimits: Sendable, Hashable {
    /// The longest limit accepted, in seconds: a day.
    public static let longest: Double = 86_400

    /// Seconds each solve may take, as the user asked; `nil`: the scenario's.
    public var timeLimit: Double?
    /// Cut families for GLPK; `nil`: chosen by the model's shape.
    public var cuts: CutSelection?

    public init(timeLimit: Double? = nil, cuts: CutSelection? = nil) {
        self.timeLimit = timeLimit
        self.cuts = cuts
    }

    /// Whether a requested limit is in range: more than 0, at most ``longest``.
    public static func isValid(_ seconds: Double) -> Bool { seconds > 0 && seconds <= longest }

    /// The limit that applies to a solve of `scenario`.
    func effective(for scenario: Scenario) -> Double? { timeLimit ?? scenario.settings.timeLimit }

    /// Whether ties are looked for: no limit applies and nothing is kept.
    func looksForTies(_ scenario: Scenario, keeping: Bool) -> Bool { effective(for: scenario) == nil && !keeping }

    /// The solver options of the placement: the user's limit only (the
    /// engine applies the scenario's own), cuts, log and stop.
    func placementOptions(log: (@Sendable (String) -> Void)?, stop: StopSignal?) -> SolverOptions {
        var options = SolverOptions.deterministic
        options.timeLimit = timeLimit
        options.cuts = cuts?.families
        if let log {
            options.logLevel = .normal
            options.logSink = log
        }
        options.stop = stop
        return options
    }

    /// The solver options of the seminar schedule: the limit that applies.
    func scheduleOptions(_ scenario: Scenario, log: (@Sendable (String) -> Void)?, stop: StopSignal?)
        -> SolverOptions
    {
        var options = placementOptions(log: log, stop: stop)
        options.timeLimit = effective(for: scenario)
        return options
    }
}
