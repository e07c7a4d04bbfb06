import Domain
import Modeling

/// A capacity or budget that is used up, and what loosening it would gain.
public struct BindingLimit: Sendable, Hashable {
    public enum Kind: String, Sendable { case lab, mentor, budget, slots }
    public var kind: Kind
    public var id: String
    /// Capacity (places), budget (dollars) or slots (fellows).
    public var limit: Int
    /// Places taken, or dollars used.
    public var used: Int
    /// The loosening tried: one place, or one fellow's worth of money.
    public var step: Int
    /// The objective after loosening, and how much better it is (positive: better).
    public var objectiveAfter: Double?
    public var gain: Double?
    public var movers: [PlacementMove]
}

extension PlacementEngine {
    /// Which limits are used up, and what loosening each would gain.
    ///
    /// Labs and mentors at capacity, budgets with less left than one
    /// fellow's need and sources with every slot filled (rule 8); for each, the placement re-solved with one more place
    /// (or slot), or one fellow's worth of money (the median need of the new fellows),
    /// run on separate threads through `parallel`.
    ///
    /// - Parameters:
    ///   - scenario: the scenario `base` was solved from.
    ///   - base: the outcome of ``run(_:previous:)`` on `scenario`.
    ///   - parallel: runs the given solves and returns their results in
    ///     order (e.g. each on a thread of its own).
    /// - Returns: every binding limit with its gain; a limit whose re-solve
    ///   failed has a `nil` gain. Empty when `base` has no placement.
    public func bindingLimits(
        _ scenario: Scenario, base: PlacementOutcome,
        parallel: ([@Sendable () -> PlacementOutcome?]) -> [PlacementOutcome?]
    ) -> [BindingLimit] {
        guard base.hasPlacement, let baseObjective = base.objective else { return [] }
        let money = max(base.medianNewNeed, 1)
        var candidates: [(BindingLimit, Scenario)] = []
        for load in base.labLoads where load.total >= load.capacity {
            var s = scenario
            if let i = s.labs.firstIndex(where: { $0.id == load.id }) { s.labs[i].capacity += 1 }
            candidates.append(
                (BindingLimit(kind: .lab, id: load.id, limit: load.capacity, used: load.total, step: 1, movers: []), s))
        }
        for load in base.mentorLoads where load.total >= load.capacity {
            var s = scenario
            if let i = s.mentors.firstIndex(where: { $0.id == load.id }) { s.mentors[i].capacity += 1 }
            candidates.append(
                (
                    BindingLimit(
                        kind: .mentor, id: load.id, limit: load.capacity, used: load.total, step: 1, movers: []), s
                ))
        }
        for b in base.budgets where b.usedCents > 0 && b.leftCents < money * 100 {
            var s = scenario
            if let i = s.funding.firstIndex(where: { $0.id == b.source }) { s.funding[i].budget += money }
            candidates.append(
                (
                    BindingLimit(
                        kind: .budget, id: b.source, limit: b.budget, used: (b.usedCents + 99) / 100, step: money,
                        movers: []), s
                ))
        }
        candidates += filledSlots(scenario, base: base)
        let engine = self
        let outcomes = parallel(
            candidates.map { (_, s) in { @Sendable () -> PlacementOutcome? in try? engine.run(s) } })
        let maximize = scenario.settings.objective.isMaximised
        let previous = base.asPrevious
        return zip(candidates, outcomes).map { pair, o in
            var limit = pair.0
            if let o, o.hasPlacement, let after = o.objective {
                limit.objectiveAfter = after
                limit.gain = maximize ? after - baseObjective : baseObjective - after
                limit.movers = PlacementMove.moves(from: previous, to: o.placements)
            }
            return limit
        }
    }

    /// Sources whose `slots` are all filled, each with one slot more.
    func filledSlots(_ scenario: Scenario, base: PlacementOutcome) -> [(BindingLimit, Scenario)] {
        var paid: [String: Int] = [:]
        for p in base.placements {
            for share in p.funding where share.cents > 0 { paid[share.source, default: 0] += 1 }
        }
        return scenario.funding.indices.compactMap { si in
            let source = scenario.funding[si]
            guard let slots = source.slots, let used = paid[source.id], used >= slots else { return nil }
            var s = scenario
            s.funding[si].slots = slots + 1
            return (BindingLimit(kind: .slots, id: source.id, limit: slots, used: used, step: 1, movers: []), s)
        }
    }
}
