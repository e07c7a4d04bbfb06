/// The Lagrangian relaxation of an ``AssignmentKnapsacks`` model's assignment
/// rows: with a multiplier `u_g` per row, the problem falls apart into one
/// 0/1 knapsack per limit, each solved exactly by dynamic programming, and
///
///     L(u) = Σ_g u_g + Σ_k max { Σ_{i∈k} (c_i − u_g(i)) x_i : Σ a_i x_i ≤ b_k }
///
/// bounds every solution's value from above (maximisation form) for any `u`
/// (`u_g ≥ 0` for `≤ 1` rows). For GAP this bound is the LP bound of the
/// knapsacks' convex hulls, much tighter than the LP relaxation GLPK starts
/// from (gap12-5: LP 1451.9, optimum 1446).
struct LagrangianBound {
    let shape: AssignmentKnapsacks
    /// The whole model: every item open, full capacities.
    let unrestricted: Restriction

    init(_ shape: AssignmentKnapsacks) {
        self.shape = shape
        self.unrestricted = Restriction(shape)
    }

    /// A subproblem of the search: items fixed in or out by its bounds. The
    /// relaxation keeps fixed items as they are and relaxes the rest.
    struct Restriction {
        /// Items still free (neither fixed nor shut out by a fixed item of
        /// their group).
        var open: [Bool]
        /// Groups already served by an item fixed at 1.
        var covered: [Bool]
        /// Per group, its item fixed at 1.
        var fixedItem: [Int?]
        /// Capacity left by the items fixed at 1.
        var capacity: [Int]
        /// Value of the items fixed at 1.
        var fixedValue: Double

        init(_ shape: AssignmentKnapsacks) {
            open = [Bool](repeating: true, count: shape.itemCount)
            covered = [Bool](repeating: false, count: shape.groupCount)
            fixedItem = [Int?](repeating: nil, count: shape.groupCount)
            capacity = shape.capacity
            fixedValue = 0
        }

        /// From model column bounds; `nil` when they admit no solution.
        init?(_ shape: AssignmentKnapsacks, lower: [Double], upper: [Double]) {
            self.init(shape)
            for (i, j) in shape.columns.enumerated() {
                if upper[j] < 0.5 {
                    open[i] = false
                    continue
                }
                guard lower[j] > 0.5 else { continue }
                let g = shape.group[i]
                if covered[g] { return nil }
                covered[g] = true
                fixedItem[g] = i
                fixedValue += shape.value[i]
                let k = shape.knapsack[i]
                if k >= 0 { capacity[k] -= shape.weight[i] }
            }
            if capacity.contains(where: { $0 < 0 }) { return nil }
            for (g, items) in shape.itemsOfGroup.enumerated() {
                if covered[g] {
                    for i in items { open[i] = false }
                } else if shape.groupIsEquality[g] && !items.contains(where: { open[$0] }) {
                    return nil
                }
            }
        }
    }

    /// The relaxation solved at `u`: its value, and the items it takes.
    struct Evaluation {
        var bound: Double
        var taken: [Bool]
        /// Per group: 1 − (items taken), the subgradient.
        var violation: [Double]
    }

    func reducedValue(_ i: Int, _ u: [Double]) -> Double { shape.value[i] - u[shape.group[i]] }

    /// The relaxation at `u`, over the items `r` leaves open (fixed items
    /// count as they are; their groups' rows hold and drop out). Taken items
    /// and the subgradient cover open items and uncovered groups only.
    func evaluate(_ u: [Double], _ r: Restriction? = nil) -> Evaluation {
        let r = r ?? unrestricted
        var taken = [Bool](repeating: false, count: shape.itemCount)
        var bound = r.fixedValue
        for g in u.indices where !r.covered[g] { bound += u[g] }
        for (i, k) in shape.knapsack.enumerated() where k < 0 && r.open[i] {
            let v = reducedValue(i, u)
            if v > 0 {
                bound += v
                taken[i] = true
            }
        }
        for k in shape.itemsOfKnapsack.indices {
            bound += solveKnapsack(k, u, r, taken: &taken)
        }
        var violation = [Double](repeating: 1, count: shape.groupCount)
        for g in violation.indices where r.covered[g] { violation[g] = 0 }
        for i in taken.indices where taken[i] { violation[shape.group[i]] -= 1 }
        return Evaluation(bound: bound, taken: taken, violation: violation)
    }

    /// One subgradient step from `u` after evaluating it (`e`): Polyak's step
    /// towards `target` (without one, 5 % below the bound), scaled by
    /// `theta`, for the groups `r` leaves uncovered. `false`, and no step, when
    /// the relaxation's choice is feasible: it is then optimal.
    func step(_ u: inout [Double], after e: Evaluation, towards target: Double?, theta: Double, _ r: Restriction? = nil)
        -> Bool
    {
        let norm = e.violation.reduce(0) { $0 + $1 * $1 }
        if norm == 0 { return false }
        let target = target ?? (e.bound - 0.05 * max(1, abs(e.bound)))
        let t = theta * max(e.bound - target, 1e-6 * max(1, abs(e.bound))) / norm
        let covered = (r ?? unrestricted).covered
        for g in u.indices where !covered[g] {
            u[g] -= t * e.violation[g]
            if !shape.groupIsEquality[g] { u[g] = max(u[g], 0) }
        }
        return true
    }

    /// Open items of knapsack `k` worth taking at `u`: positive reduced value
    /// and weight within the capacity left, in the knapsack's order.
    func candidates(_ k: Int, _ u: [Double], _ r: Restriction) -> [Int] {
        shape.itemsOfKnapsack[k].filter { r.open[$0] && reducedValue($0, u) > 0 && shape.weight[$0] <= r.capacity[k] }
    }

    /// Best value of knapsack `k` at `u`; marks the items taken.
    func solveKnapsack(_ k: Int, _ u: [Double], _ r: Restriction, taken: inout [Bool]) -> Double {
        let items = candidates(k, u, r)
        if items.isEmpty { return 0 }
        let cap = r.capacity[k]
        let width = cap + 1
        var best = [Double](repeating: 0, count: width)
        var keep = [UInt8](repeating: 0, count: items.count * width)
        best.withUnsafeMutableBufferPointer { best in
            keep.withUnsafeMutableBufferPointer { keep in
                for (p, i) in items.enumerated() {
                    let w = shape.weight[i], r = reducedValue(i, u), row = p * width
                    var c = cap
                    while c >= w {
                        let with = best[c - w] + r
                        if with > best[c] {
                            best[c] = with
                            keep[row + c] = 1
                        }
                        c -= 1
                    }
                }
            }
        }
        var c = cap
        for p in stride(from: items.count - 1, through: 0, by: -1) where keep[p * width + c] != 0 {
            taken[items[p]] = true
            c -= shape.weight[items[p]]
        }
        return best[cap]
    }

    /// For every item, the bound with the item forced in and forced out
    /// (each is `L(u)` with that item's knapsack re-solved under the
    /// condition). Prefix and suffix tables of each knapsack give all of them
    /// in one more pass over the table.
    /// Items `r` does not leave open keep `with` −∞ and `without` `bound`:
    /// they are decided already.
    func conditionalBounds(_ u: [Double], bound: Double, _ r: Restriction? = nil) -> (with: [Double], without: [Double])
    {
        let restriction = r ?? unrestricted
        var with = [Double](repeating: -.infinity, count: shape.itemCount)
        var without = [Double](repeating: bound, count: shape.itemCount)
        for (i, k) in shape.knapsack.enumerated() where k < 0 && restriction.open[i] {
            let r = reducedValue(i, u)
            with[i] = bound - max(0, r) + r
            without[i] = bound - max(0, r)
        }
        for k in shape.itemsOfKnapsack.indices {
            let items = candidates(k, u, restriction)
            let cap = restriction.capacity[k], width = cap + 1, n = items.count
            // prefix[p][c]: best of items[..<p] within c; suffix[p][c]: of items[p...].
            var prefix = [Double](repeating: 0, count: (n + 1) * width)
            var suffix = [Double](repeating: 0, count: (n + 1) * width)
            for (p, i) in items.enumerated() {
                let w = shape.weight[i], r = reducedValue(i, u)
                for c in 0..<width {
                    let skip = prefix[p * width + c]
                    prefix[(p + 1) * width + c] = c >= w ? max(skip, prefix[p * width + c - w] + r) : skip
                }
            }
            for p in stride(from: n - 1, through: 0, by: -1) {
                let i = items[p], w = shape.weight[i], r = reducedValue(i, u)
                for c in 0..<width {
                    let skip = suffix[(p + 1) * width + c]
                    suffix[p * width + c] = c >= w ? max(skip, suffix[(p + 1) * width + c - w] + r) : skip
                }
            }
            let full = prefix[n * width + cap]
            let base = bound - full
            // Best of every candidate but the one at p, within capacity c.
            func others(_ p: Int, _ c: Int) -> Double {
                var b = -Double.infinity
                for x in 0...c { b = max(b, prefix[p * width + x] + suffix[(p + 1) * width + c - x]) }
                return b
            }
            var position = [Int: Int]()
            for (p, i) in items.enumerated() { position[i] = p }
            for i in shape.itemsOfKnapsack[k] where restriction.open[i] {
                let w = shape.weight[i], r = reducedValue(i, u)
                if let p = position[i] {
                    without[i] = base + others(p, cap)
                    with[i] = base + r + others(p, cap - w)
                } else {
                    without[i] = bound
                    with[i] = w <= cap ? base + r + prefix[n * width + cap - w] : -.infinity
                }
            }
        }
        return (with, without)
    }
}
