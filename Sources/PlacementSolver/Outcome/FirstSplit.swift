import Domain
import Modeling

extension FundingSplit {
    /// A split that keeps rule 8, built fellow by fellow, as the start of the
    /// split's search: with rule 8 GLPK often finds no whole split of a large
    /// program within ``nodeLimit(fellows:)`` subproblems by itself, and a start
    /// makes every stage end with a split at least as good as it.
    ///
    /// Fellows with the fewest possible sources come first (they have the
    /// least choice). Each fellow is paid from their sources in this order:
    /// the sources that paid them before, training grants, then the most
    /// restricted money first (a lab's grants, restricted pools, unrestricted
    /// pools: `FundingSource.spendingTier`), so flexible money stays for
    /// those only it may pay. A source is skipped when it would be a second
    /// federal source, has no slot or budget left, would pay less than
    /// `min(min_payment, need)`, or would leave a remainder smaller than that
    /// (it then pays less, so the remainder is large enough), or would be the
    /// last source `max_sources` allows without finishing the need.
    ///
    /// - Returns: one value per variable of ``model`` (dollars and 0/1
    ///   indicators), or `nil` when some fellow's need cannot be covered this way.
    func firstSplit() -> [Double]? {
        let s = scenario
        var budgetLeft = s.funding.map(\.budget)
        var slotsLeft = s.funding.map(\.slots)
        let byFellow = Dictionary(grouping: pairs.indices, by: { pairs[$0].fellow })
        let fellows = byFellow.keys.sorted { (byFellow[$0]?.count ?? 0, $0) < (byFellow[$1]?.count ?? 0, $1) }
        var values = [Double](repeating: 0, count: model.variables.count)
        for fi in fellows {
            guard let li = labOf[fi] else { continue }
            let need = s.need(of: s.fellows[fi], at: s.labs[li].id)
            let floor = min(s.settings.funding.minPayment ?? 0, need)
            var owed = need, sources = 0, federal = false
            for k in paymentOrder(byFellow[fi] ?? [], fellow: fi) where owed > 0 {
                let si = pairs[k].source, source = s.funding[si]
                if federal && source.kind?.isFederal == true { continue }
                if slotsLeft[si] == 0 { continue }
                var amount = min(owed, budgetLeft[si])
                if owed - amount > 0 && owed - amount < floor { amount = owed - floor }
                if amount <= 0 || amount < floor { continue }
                if let most = s.settings.funding.maxSources, sources + 1 >= most, amount < owed { continue }
                values[pairs[k].dollars.index] = Double(amount)
                if let y = pairs[k].pays { values[y.index] = 1 }
                owed -= amount
                budgetLeft[si] -= amount
                slotsLeft[si] = slotsLeft[si].map { $0 - 1 }
                sources += 1
                federal = federal || source.kind?.isFederal == true
            }
            if owed > 0 { return nil }
        }
        return values
    }

    /// A fellow's pairs (indices into ``pairs``) in the order ``firstSplit()`` tries them.
    func paymentOrder(_ candidates: [Int], fellow fi: Int) -> [Int] {
        let s = scenario
        let kept = before[s.fellows[fi].id] ?? []
        return candidates.sorted { a, b in
            func key(_ k: Int) -> (Int, Int, Int, Int) {
                let source = s.funding[pairs[k].source]
                return (
                    kept.contains(source.id) ? 0 : 1, source.kind == .trainingGrant ? 0 : 1, source.spendingTier,
                    pairs[k].source
                )
            }
            return key(a) < key(b)
        }
    }
}
