import Modeling

/// A model of the generalised assignment problem's shape, recognised in any
/// `Model`: every column is 0/1 and sits in exactly one *assignment row*
/// (`Σ x = 1` or `Σ x ≤ 1`, all coefficients 1) and in at most one
/// *knapsack row* (`Σ a·x ≤ b`, `a ≥ 0`, whole numbers after scaling by a
/// power of ten). OR-Library GAP as a scenario is exactly this (one-place rows
/// and lab budgets), as is any intake whose only limits are lab budgets paid
/// directly.
///
/// Relaxing the assignment rows leaves one independent 0/1 knapsack per
/// knapsack row, solved exactly by dynamic programming: see
/// ``LagrangianBound`` and ``LagrangianFixing``. Columns fixed at 0 are left
/// out; anything else (continuous payments, a column in two limits, a row
/// with negative coefficients) means the shape is not there (`nil`).
struct AssignmentKnapsacks: Sendable {
    /// Model columns that take part (upper bound 1); the others are fixed at 0.
    var columns: [Int]
    /// Objective coefficient of each item in maximisation form.
    var value: [Double]
    /// Assignment row (group) of each item.
    var group: [Int]
    /// Knapsack of each item, or -1 for an item no limit constrains.
    var knapsack: [Int]
    /// Whole-number weight of each item in its knapsack (0 without one).
    var weight: [Int]
    var itemsOfGroup: [[Int]]
    /// Whether a group's row is `= 1` (else `≤ 1`).
    var groupIsEquality: [Bool]
    var itemsOfKnapsack: [[Int]]
    var capacity: [Int]
    /// Per group: knapsack (−1: none) → the group's best item there (highest
    /// value, then lightest), for moves between knapsacks.
    var bestItems: [[Int: Int]]
    /// The model minimises (values are the negated costs).
    var minimize: Bool
    /// Every objective coefficient is a whole number, so a better solution is
    /// better by at least 1.
    var integralObjective: Bool
    var objectiveConstant: Double

    var itemCount: Int { value.count }
    var groupCount: Int { itemsOfGroup.count }

    /// Largest Σ over knapsacks of items × (capacity + 1): the dynamic
    /// programme's table, kept well inside memory and a few milliseconds.
    static let maximumTable = 20_000_000

    init?(_ model: Model) {
        guard let (itemOfColumn, columns) = Self.openColumns(model) else { return nil }
        var rows = Rows(itemCount: columns.count)
        for named in model.constraints {
            guard rows.add(named.constraint, itemOfColumn: itemOfColumn) else { return nil }
        }
        guard rows.group.allSatisfy({ $0 >= 0 }) else { return nil }
        let sign = model.objective.sense == .maximize ? 1.0 : -1.0
        var value = [Double](repeating: 0, count: columns.count)
        for t in model.objective.expression.terms where itemOfColumn[t.variable.index] >= 0 {
            value[itemOfColumn[t.variable.index]] += sign * t.coefficient
        }
        self.columns = columns
        self.value = value
        self.group = rows.group
        self.knapsack = rows.knapsack
        self.weight = rows.weight
        self.itemsOfGroup = rows.itemsOfGroup
        self.groupIsEquality = rows.groupIsEquality
        self.itemsOfKnapsack = rows.itemsOfKnapsack
        self.capacity = rows.capacity
        self.bestItems = Self.bestItems(rows.itemsOfGroup, knapsack: rows.knapsack, value: value, weight: rows.weight)
        self.minimize = model.objective.sense == .minimize
        self.integralObjective = value.allSatisfy { $0 == $0.rounded() && abs($0) < 1e12 }
        self.objectiveConstant = model.objective.expression.constant
    }

    /// The columns that take part (0/1 with upper bound 1), numbered as
    /// items; `nil` when a column is not 0/1.
    private static func openColumns(_ model: Model) -> (itemOfColumn: [Int], columns: [Int])? {
        let n = model.variables.count
        guard n > 0 else { return nil }
        var itemOfColumn = [Int](repeating: -1, count: n)
        var columns: [Int] = []
        for (j, v) in model.variables.enumerated() {
            guard v.isInteger, (v.lower ?? -1) == 0, let u = v.upper, u <= 1 else { return nil }
            if u >= 1 {
                itemOfColumn[j] = columns.count
                columns.append(j)
            }
        }
        return columns.isEmpty ? nil : (itemOfColumn, columns)
    }

    /// Per group and knapsack, the group's best item there (highest value, then lightest).
    private static func bestItems(_ itemsOfGroup: [[Int]], knapsack: [Int], value: [Double], weight: [Int])
        -> [[Int: Int]]
    {
        itemsOfGroup.map { items in
            var best: [Int: Int] = [:]
            for i in items {
                if let b = best[knapsack[i]], value[b] > value[i] || (value[b] == value[i] && weight[b] <= weight[i]) {
                    continue
                }
                best[knapsack[i]] = i
            }
            return best
        }
    }

    /// The rows sorted into assignment rows (groups) and knapsack rows, as
    /// they are read; any other row means the shape is not there.
    private struct Rows {
        var group: [Int]
        var knapsack: [Int]
        var weight: [Int]
        var itemsOfGroup: [[Int]] = []
        var groupIsEquality: [Bool] = []
        var itemsOfKnapsack: [[Int]] = []
        var capacity: [Int] = []
        /// Σ items × (capacity + 1) so far: the dynamic programme's table.
        var table = 0

        init(itemCount m: Int) {
            group = [Int](repeating: -1, count: m)
            knapsack = [Int](repeating: -1, count: m)
            weight = [Int](repeating: 0, count: m)
        }

        /// Takes one row; `false` when it does not fit the shape.
        mutating func add(_ c: LinearConstraint, itemOfColumn: [Int]) -> Bool {
            let terms = c.expression.normalized().terms.filter { itemOfColumn[$0.variable.index] >= 0 }
            let upper = c.upper.map { $0 - c.expression.constant }
            let lower = c.lower.map { $0 - c.expression.constant }
            if terms.isEmpty {
                // A row no open column can meet is infeasible: GLPK says so.
                if let lower, lower > 1e-9 { return false }
                return true
            }
            let lowerIsSlack = lower.map { $0 <= 0 } ?? true
            if terms.allSatisfy({ $0.coefficient == 1 }), let upper, upper == 1, lowerIsSlack || lower == 1 {
                return addGroup(terms.map { itemOfColumn[$0.variable.index] }, isEquality: lower == 1)
            }
            guard lowerIsSlack, terms.allSatisfy({ $0.coefficient > 0 }) else { return false }
            guard let upper else { return true }
            let total = terms.reduce(0) { $0 + $1.coefficient }
            if total <= upper + 1e-9 { return true }  // can never bind
            guard upper >= 0, let scale = AssignmentKnapsacks.wholeScale(terms.map(\.coefficient)) else { return false }
            return addKnapsack(
                terms, itemOfColumn: itemOfColumn, capacity: Int((upper * scale + 1e-7).rounded(.down)), scale: scale)
        }

        /// An assignment row; `false` when an item is in one already.
        private mutating func addGroup(_ items: [Int], isEquality: Bool) -> Bool {
            let g = itemsOfGroup.count
            for i in items {
                guard group[i] < 0 else { return false }
                group[i] = g
            }
            itemsOfGroup.append(items)
            groupIsEquality.append(isEquality)
            return true
        }

        /// A knapsack row with whole weights; `false` when an item is in one
        /// already or the tables grow past ``AssignmentKnapsacks/maximumTable``.
        private mutating func addKnapsack(_ terms: [Term], itemOfColumn: [Int], capacity cap: Int, scale: Double)
            -> Bool
        {
            let k = itemsOfKnapsack.count
            var items: [Int] = []
            for t in terms {
                let i = itemOfColumn[t.variable.index]
                guard knapsack[i] < 0 else { return false }
                knapsack[i] = k
                weight[i] = Int((t.coefficient * scale).rounded())
                items.append(i)
            }
            table += items.count * (cap + 1)
            guard table <= AssignmentKnapsacks.maximumTable else { return false }
            itemsOfKnapsack.append(items)
            capacity.append(cap)
            return true
        }
    }

    /// The smallest power of ten (up to 10⁶) that makes every coefficient whole.
    static func wholeScale(_ coefficients: [Double]) -> Double? {
        var scale = 1.0
        while scale <= 1e6 {
            if coefficients.allSatisfy({ c in
                let s = c * scale
                return abs(s - s.rounded()) <= 1e-9 * max(1, abs(s))
            }) {
                return scale
            }
            scale *= 10
        }
        return nil
    }

    /// Group `g`'s best item in knapsack `k`, if it has one there.
    func bestItem(_ g: Int, in k: Int) -> Int? { bestItems[g][k] }

    /// The objective in the model's own sense, for items chosen per group
    /// (`nil`: the group is left empty).
    func objective(of choice: [Int?]) -> Double {
        let total = total(of: choice)
        return (minimize ? -total : total) + objectiveConstant
    }

    /// The least value (maximisation form) a solution strictly better than
    /// one of `value` has, less room for rounding: better by 1 when every
    /// objective coefficient is whole. Columns are fixed, subproblems pruned
    /// and parts narrowed against it.
    func strictlyBetter(than value: Double) -> Double {
        value + (integralObjective ? 1 : 0) - LagrangianFixing.tolerance(value)
    }

    /// The items' values summed (maximisation form, no constant).
    func total(of choice: [Int?]) -> Double {
        choice.reduce(0.0) { $0 + ($1.map { value[$0] } ?? 0) }
    }

    /// Model values (one per model column) for items chosen per group.
    func modelValues(_ choice: [Int?], columnCount: Int) -> [Double] {
        var v = [Double](repeating: 0, count: columnCount)
        for case let i? in choice { v[columns[i]] = 1 }
        return v
    }

    /// The items chosen per group by model values, if they are 0/1 and satisfy
    /// the assignment rows (knapsacks are not checked).
    func choice(from values: [Double]) -> [Int?]? {
        var choice = [Int?](repeating: nil, count: groupCount)
        for (i, j) in columns.enumerated() where j < values.count && values[j] > 0.5 {
            guard choice[group[i]] == nil else { return nil }
            choice[group[i]] = i
        }
        for g in 0..<groupCount where groupIsEquality[g] && choice[g] == nil { return nil }
        return choice
    }
}
