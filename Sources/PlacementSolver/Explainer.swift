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
        /// Placing the fellow there is impossible with the other limits.
        case infeasible([String])
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

    /// Plain-words lines for reports.
    public func lines(objectiveKind: ObjectiveKind) -> [String] {
        var out: [String] = []
        if let lab, let rank {
            out.append("\(fellow) is placed in \(lab)\(mentor.map { " with \($0)" } ?? "") (rank \(rank)).")
        } else {
            out.append("\(fellow) is not placed.")
        }
        if better.isEmpty { out.append("  They got their first choice.") }
        let worse = objectiveKind == .score ? "lower" : "higher"
        for b in better {
            switch b.verdict {
            case .ineligible(let why):
                out.append("  Rank \(b.rank), \(b.lab): not eligible: \(why).")
            case .infeasible(let why):
                out.append("  Rank \(b.rank), \(b.lab): no placement exists with \(fellow) there: " + why.joined(separator: " "))
            case .cost(let from, let to, let displaced):
                let delta = to - from
                let movers = displaced.filter { $0.fellow != fellow }
                out.append("  Rank \(b.rank), \(b.lab): possible, but the objective would be \(number(to)) instead of \(number(from))"
                           + (delta == 0 ? " (a tie)" : " (\(delta > 0 ? "+" : "")\(number(delta)), \(delta > 0 ? worse : "better"))")
                           + (movers.isEmpty ? "." : "; it would move " + movers.map(\.description).joined(separator: "; ") + "."))
            }
        }
        return out
    }

    func number(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
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
    public func explain(_ scenario: Scenario, base: PlacementOutcome, fellow id: String) throws(SolverError) -> FellowExplanation {
        let row = base.placements.first { $0.fellow == id }
        var result = FellowExplanation(fellow: id, lab: row?.lab, mentor: row?.mentor, rank: row?.rank, better: [])
        guard let fi = scenario.fellows.firstIndex(where: { $0.id == id }), scenario.fellows[fi].isNew else { return result }
        let eligibility = Eligibility(scenario)
        let excluded = Dictionary((eligibility.exclusions[fi] ?? []).map { (scenario.labs[$0.lab].id, $0.reason) }, uniquingKeysWith: { a, _ in a })
        let fellow = scenario.fellows[fi]
        let got = row?.rank ?? Int.max
        let prefs = scenario.preferences.filter { $0.fellow == id && $0.rank < got && $0.lab != row?.lab }.sorted { ($0.rank, $0.lab) < ($1.rank, $1.lab) }
        for p in prefs {
            if let reason = excluded[p.lab], let lab = scenario.lab(p.lab) {
                result.better.append(LabExplanation(lab: p.lab, rank: p.rank, verdict: .ineligible(reason.explanation(fellow: fellow, lab: lab))))
                continue
            }
            var locked = scenario
            locked.rules.removeAll { $0.fellow == id && $0.kind == .lock }
            locked.rules.append(PlacementRule(fellow: id, lab: p.lab, kind: .lock, reason: "explain"))
            let o = try run(locked)
            if o.hasPlacement, let to = o.objective, let from = base.objective {
                result.better.append(LabExplanation(lab: p.lab, rank: p.rank,
                                                    verdict: .cost(from: from, to: to, displaced: PlacementMove.moves(from: base.asPrevious, to: o.placements))))
            } else {
                let why = o.diagnosis.map { [$0.summary] + $0.lines } ?? ["no solution was found within the time limit"]
                result.better.append(LabExplanation(lab: p.lab, rank: p.rank, verdict: .infeasible(why)))
            }
        }
        return result
    }
}
