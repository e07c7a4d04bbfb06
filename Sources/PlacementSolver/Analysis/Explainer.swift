import Domain
import Modeling

/// Why a fellow did not get a lab they ranked higher: the rule that makes it
/// ineligible, or what placing them there would cost.
public struct LabExplanation: Sendable, Hashable {
    public enum Verdict: Sendable, Hashable {
        /// A rule excludes the lab (with the numbers).
        case ineligible(String)
        /// Placing the fellow there is possible: the objective moves from
        /// `from` to `to`, and these fellows would move.
        case cost(from: Double, to: Double, displaced: [PlacementMove])
        /// Placing the fellow there is impossible with the other limits as
        /// they are; these changes (the smallest, from the diagnosis) would
        /// make it possible, giving that objective and moving these fellows.
        case needsChange(changes: [LimitChange], objective: Double?, displaced: [PlacementMove])
        /// Placing the fellow there is impossible, and no change of limits helps.
        case infeasible([String])
        /// Not worked out: with rule 8, the quick relaxation found a placement
        /// the funding split cannot pay, and the engine was asked not to solve
        /// rule 8's exact model (``PlacementEngine/exactAppointmentFallback``).
        case unsettled
    }

    public var lab: String
    public var rank: Int
    public var verdict: Verdict
}

public struct FellowExplanation: Sendable {
    public var fellow: String
    public var lab: String?
    public var mentor: String?
    public var rank: Int?
    public var better: [LabExplanation]
}

extension PlacementEngine {
    /// Why a fellow did not get a lab they ranked higher.
    ///
    /// For every lab `fellow` ranked above the one they got (every ranked lab
    /// if unplaced): the rule that excludes it, or the cost of a placement
    /// with the fellow locked there (re-solved), or why that is impossible.
    ///
    /// - Parameters:
    ///   - scenario: the scenario `base` was solved from.
    ///   - base: the outcome of ``run(_:previous:)`` on `scenario`.
    ///   - id: a fellow's id in `scenario`.
    /// - Returns: one entry per better-ranked lab; empty for a continuing
    ///   fellow or one at their first choice.
    /// - Throws: `SolverError` when a re-solve fails.
    public func explain(_ scenario: Scenario, base: PlacementOutcome, fellow id: String) throws(SolverError)
        -> FellowExplanation
    {
        let row = base.placements.first { $0.fellow == id }
        var result = FellowExplanation(fellow: id, lab: row?.lab, mentor: row?.mentor, rank: row?.rank, better: [])
        guard let fi = scenario.fellows.firstIndex(where: { $0.id == id }), scenario.fellows[fi].isNew else {
            return result
        }
        let eligibility = Eligibility(scenario)
        let excluded = Dictionary(
            (eligibility.exclusions[fi] ?? []).map { (scenario.labs[$0.lab].id, $0.reason) },
            uniquingKeysWith: { a, _ in a })
        let fellow = scenario.fellows[fi]
        let got = row?.rank ?? Int.max
        let prefs = scenario.preferences.filter { $0.fellow == id && $0.rank < got && $0.lab != row?.lab }.sorted {
            ($0.rank, $0.lab) < ($1.rank, $1.lab)
        }
        for p in prefs {
            if let reason = excluded[p.lab], let lab = scenario.lab(p.lab) {
                result.better.append(
                    LabExplanation(
                        lab: p.lab, rank: p.rank,
                        verdict: .ineligible(reason.explanation(fellow: fellow, lab: lab, names: Directory(scenario)))))
                continue
            }
            // The fellow in that lab or nowhere: locked there, and it is the only lab they ranked.
            var locked = scenario
            locked.rules.removeAll { $0.fellow == id && $0.kind == .lock }
            locked.rules.append(PlacementRule(fellow: id, lab: p.lab, kind: .lock, reason: "explain"))
            locked.preferences.removeAll { $0.fellow == id && $0.lab != p.lab }
            let (o, settled) = try run(locked, previous: nil, exactFallback: exactAppointmentFallback)
            guard settled else {
                result.better.append(LabExplanation(lab: p.lab, rank: p.rank, verdict: .unsettled))
                continue
            }
            if o.hasPlacement, let to = o.objective, let from = base.objective {
                result.better.append(
                    LabExplanation(
                        lab: p.lab, rank: p.rank,
                        verdict: .cost(
                            from: from, to: to, displaced: PlacementMove.moves(from: base.asPrevious, to: o.placements))
                    ))
            } else if let changes = o.diagnosis?.changes, !changes.isEmpty,
                !changes.contains(where: { $0.kind == .lock })
            {
                let (after, _) = try run(
                    Self.applying(changes, to: locked), previous: nil, exactFallback: exactAppointmentFallback)
                result.better.append(
                    LabExplanation(
                        lab: p.lab, rank: p.rank,
                        verdict: .needsChange(
                            changes: changes, objective: after.objective,
                            displaced: after.hasPlacement
                                ? PlacementMove.moves(from: base.asPrevious, to: after.placements) : [])))
            } else {
                let why = o.diagnosis.map { [$0.summary] + $0.lines } ?? ["no solution was found within the time limit"]
                result.better.append(LabExplanation(lab: p.lab, rank: p.rank, verdict: .infeasible(why)))
            }
        }
        return result
    }
}
