import Domain
import Modeling

/// What `[placement] stability` (`stable` or `fewest-blocking-pairs`) cost
/// by the objective: the placement found beside the best placement of the
/// same objective without stability ("The cost of stability" in
/// docs/scenario-format.md). Worked out by a second run of the same
/// scenario with `stability = "report"` and no tie-break stages (they never
/// change the objective's value), so it is exact when both runs are proved
/// best. Not worked out under `report`: that would need the stability model,
/// the expensive one, on every default run.
public struct StabilityCost: Sendable, Hashable {
    public var objectiveKind: ObjectiveKind
    /// The placement's objective (Σ rank for the lexicographic kinds).
    public var objective: Double
    /// The best placement's without stability (Σ rank for the lexicographic kinds).
    public var objectiveWithout: Double
    public var rankProfile: [Int: Int]
    public var rankProfileWithout: [Int: Int]
    /// Both runs proved best: the comparison is exact.
    public var proved: Bool

    public init(
        objectiveKind: ObjectiveKind, objective: Double, objectiveWithout: Double, rankProfile: [Int: Int],
        rankProfileWithout: [Int: Int], proved: Bool
    ) {
        self.objectiveKind = objectiveKind
        self.objective = objective
        self.objectiveWithout = objectiveWithout
        self.rankProfile = rankProfile
        self.rankProfileWithout = rankProfileWithout
        self.proved = proved
    }

    /// How much better the best placement without stability is by the
    /// objective (`total-rank`, `score`): never below 0; 0 when the
    /// objective's optimum is stable. For the lexicographic kinds, the
    /// difference of Σ rank (their order is the rank profile's; see ``isFree``).
    public var difference: Double {
        let d = objectiveKind.isMaximised ? objectiveWithout - objective : objective - objectiveWithout
        return abs(d) <= 1e-6 * max(1, abs(objective)) ? 0 : d
    }

    /// Stability cost nothing: the objective's optimum is reached by the
    /// placement found (the same value; for the lexicographic kinds the same
    /// rank profile).
    public var isFree: Bool {
        objectiveKind.isLexicographic ? rankProfile == rankProfileWithout : difference <= 0
    }
}

extension PlacementEngine {
    /// The cost of stability of `base`, the outcome of `scenario` (nil under
    /// `stability = "report"`, without a placement, or when the run without
    /// stability finds none within its time limit).
    public func stabilityCost(_ scenario: Scenario, base: PlacementOutcome, previous: [PreviousPlacement]? = nil)
        throws(SolverError) -> StabilityCost?
    {
        guard scenario.settings.stability != .report, base.hasPlacement, let objective = base.objective else {
            return nil
        }
        var free = scenario
        free.settings.stability = .report
        free.settings.tieBreak = .none
        let without = try run(free, previous: previous)
        guard without.hasPlacement, let value = without.objective else { return nil }
        return StabilityCost(
            objectiveKind: scenario.settings.objective, objective: objective, objectiveWithout: value,
            rankProfile: base.rankProfile, rankProfileWithout: without.rankProfile,
            proved: base.status == .optimal && without.status == .optimal)
    }
}
