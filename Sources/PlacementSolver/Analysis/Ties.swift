import Domain
import Modeling

/// Another placement exactly as good as the chosen one, in which `fellow`
/// is in `alternative` instead of `lab`: the choice between them was a tie.
public struct Tie: Sendable, Hashable {
    public var fellow: String
    public var lab: String
    public var alternative: String
    public var alternativeMentor: String?
    /// What chose the placement taken over the equally good alternative.
    public var decidedBy: TieDecision = .search
}

/// What decided a tie (`[placement] tie_break`, docs/scenario-format.md).
public enum TieDecision: Sendable, Hashable {
    /// The mentors' rankings: the alternative costs the mentors more (Σ mentor cost).
    case mentors
    /// The lottery with this seed: the mentors' rankings could not tell them apart.
    case lottery(seed: Int)
    /// GLPK's search (no tie-break policy, or an intake too large for it).
    case search

    /// Which policy step separates the taken placement `base` from `other`.
    static func between(_ base: PlacementOutcome, _ other: PlacementOutcome, _ s: Scenario) -> TieDecision {
        guard s.settings.tieBreak == .mentorsThenLottery, s.newFellows.count <= TieBreakStages.checkedIntake
        else { return .search }
        let costs = MentorCosts(s)
        func mentorTotal(_ o: PlacementOutcome) -> Int {
            o.placements.filter { $0.status == .new }.reduce(0) { sum, p in
                sum + (p.mentor.map { costs.cost(of: p.fellow, for: $0) } ?? 0)
            }
        }
        return mentorTotal(other) > mentorTotal(base) ? .mentors : .lottery(seed: s.settings.seed)
    }
}

extension PlacementEngine {
    /// The new fellows whose lab differs among equally good placements.
    ///
    /// For each placed new fellow f in lab l: re-solve with f forbidden from l
    /// (every other rule as it is). The re-solve is a tie when its objective
    /// equals the base's (for `rank-maximal` and `generous`: the same rank
    /// profile and Σ rank); f's lab there is an equally good alternative.
    /// One solve per fellow, run through `parallel`; intakes of more than
    /// ``tieCheckedIntake`` new fellows are not checked (`nil`). With rule 8,
    /// a re-solve whose relaxation finds a placement the funding split cannot
    /// pay is not solved exactly (that can take long) and counts as no tie:
    /// ties are never claimed without proof, only possibly missed.
    public func ties(
        _ scenario: Scenario, base: PlacementOutcome,
        parallel: ([@Sendable () -> PlacementOutcome?]) -> [PlacementOutcome?]
    ) -> [Tie]? {
        guard base.hasPlacement, base.status == .optimal, let objective = base.objective else { return [] }
        let placed = base.placements.filter { $0.status == .new && $0.lab != nil }
        guard placed.count <= Self.tieCheckedIntake else { return nil }
        let jobs: [@Sendable () -> PlacementOutcome?] = placed.map { p in
            var forbidden = scenario
            forbidden.rules.append(PlacementRule(fellow: p.fellow, lab: p.lab!, kind: .forbid, reason: "tie check"))
            let s = forbidden, engine = self
            return { @Sendable in
                // Without rule 8's exact model: a re-solve the relaxation cannot settle is not a tie.
                (try? engine.run(s, previous: nil, exactFallback: false)).flatMap { $0.settled ? $0.outcome : nil }
            }
        }
        let results = parallel(jobs)
        var ties: [Tie] = []
        for (p, o) in zip(placed, results) {
            guard let o, o.status == .optimal, let value = o.objective, abs(value - objective) < 1e-6,
                o.rankProfile == base.rankProfile || !scenario.settings.objective.isLexicographic,
                let other = o.placements.first(where: { $0.fellow == p.fellow }), let lab = other.lab
            else { continue }
            ties.append(
                Tie(
                    fellow: p.fellow, lab: p.lab!, alternative: lab, alternativeMentor: other.mentor,
                    decidedBy: TieDecision.between(base, o, scenario)))
        }
        return ties
    }

    /// Ties are checked on intakes of at most this many new fellows (one solve each).
    public static let tieCheckedIntake = 60
}
