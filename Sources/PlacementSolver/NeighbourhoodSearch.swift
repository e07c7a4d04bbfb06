import Domain
import Modeling

/// Improves a solution of an ``AssignmentKnapsacks`` model by re-solving
/// small parts of it exactly with the solver (GLPK): for a few knapsacks at a
/// time, the groups placed in them are re-assigned among them optimally,
/// everything else held. Parts are drawn at random (seeded, so every run
/// draws the same) and grown knapsack by knapsack while the part stays small;
/// the search stops after a run of parts that improve nothing.
///
/// Why: on the hard OR-Library sets (D and E) the regret fill and one- or
/// two-item moves of ``AssignmentHeuristic`` stop 2–4 % above the optimum;
/// re-assigning whole knapsacks at once reaches moves no short chain finds,
/// and a good solution before the search is what lets ``LagrangianFixing``
/// fix columns and GLPK's own reduced-cost fixing prune.
///
/// Deterministic: a seeded draw, each sub-problem limited by nodes, not time.
struct NeighbourhoodSearch {
    let shape: AssignmentKnapsacks
    let solver: any Solver
    /// Items a better solution may use (the others are left out of parts).
    let usable: [Bool]

    /// Largest part (columns).
    static let maximumColumns = 120
    /// Branch-and-bound nodes per part.
    static let nodeLimit = 100
    /// Parts solved at most, in all.
    static let maximumSolves = 500
    /// Parts in a row that improve nothing before the search stops: twice the
    /// number of knapsacks, at least 20 and at most 120.
    func patience(_ knapsacks: Int) -> Int { min(max(2 * knapsacks, 20), 120) }

    /// Improves `choice` in place, stopping early once its value (maximisation
    /// form) reaches `enough`; returns the number of parts solved.
    @discardableResult
    func improve(_ choice: inout [Int?], enough: Double = .infinity) -> Int {
        let k = shape.itemsOfKnapsack.count
        guard k >= 2 else { return 0 }
        var random = SeededRandom(seed: 0x5EED)
        var solves = 0, sinceImprovement = 0
        func value() -> Double { choice.reduce(0.0) { $0 + ($1.map { shape.value[$0] } ?? 0) } }
        while solves < Self.maximumSolves && sinceImprovement < patience(k) && value() < enough {
            let part = drawPart(choice, &random)
            guard part.knapsacks.count >= 2, part.groups.count >= 2 else { sinceImprovement += 1; continue }
            solves += 1
            sinceImprovement += 1
            guard let next = solve(part, choice) else { continue }
            choice = next
            sinceImprovement = 0
        }
        return solves
    }

    struct Part {
        var knapsacks: [Int] = []
        var groups: [Int] = []
        /// Per group of the part, its usable items in the part's knapsacks.
        var items: [[Int]] = []
        var columns: Int { items.reduce(0) { $0 + $1.count } }
    }

    /// Knapsacks in a random order, each added while the part stays within
    /// ``maximumColumns``.
    func drawPart(_ choice: [Int?], _ random: inout SeededRandom) -> Part {
        var order = Array(shape.itemsOfKnapsack.indices)
        for i in stride(from: order.count - 1, to: 0, by: -1) {
            order.swapAt(i, Int(random.next() % UInt64(i + 1)))
        }
        var part = Part()
        for k in order {
            let candidate = build(part.knapsacks + [k], choice)
            if candidate.columns > Self.maximumColumns { continue }
            part = candidate
        }
        return part
    }

    func build(_ knapsacks: [Int], _ choice: [Int?]) -> Part {
        let inPart = Set(knapsacks)
        var part = Part(knapsacks: knapsacks.sorted())
        for g in choice.indices {
            guard let current = choice[g], inPart.contains(shape.knapsack[current]) else { continue }
            part.groups.append(g)
            part.items.append(shape.itemsOfGroup[g].filter { ($0 == current || usable[$0]) && inPart.contains(shape.knapsack[$0]) })
        }
        return part
    }

    /// The part re-solved: a better `choice`, or `nil`.
    func solve(_ part: Part, _ choice: [Int?]) -> [Int?]? {
        var model = Model(name: "part")
        var columns: [(group: Int, item: Int)] = []
        var start: [Double] = []
        var objective = LinearExpression()
        var load: [Int: LinearExpression] = [:]
        for (r, g) in part.groups.enumerated() {
            var row = LinearExpression()
            for i in part.items[r] {
                let x = model.addBinary("x\(i)")
                columns.append((g, i))
                start.append(choice[g] == i ? 1 : 0)
                objective.add(shape.value[i], x)
                row.add(1, x)
                load[shape.knapsack[i], default: LinearExpression()].add(Double(shape.weight[i]), x)
            }
            model.add("one\(g)", lower: 1, row, upper: 1)
        }
        for k in part.knapsacks {
            model.add("cap\(k)", lower: nil, load[k] ?? LinearExpression(), upper: Double(shape.capacity[k]))
        }
        model.maximize(objective)
        var options = SolverOptions()
        options.presolve = false
        options.cuts = [.cover]
        options.nodeLimit = Self.nodeLimit
        options.startingSolution = start
        guard let result = try? solver.solve(model, options: options, progress: nil),
              let solution = result.solution else { return nil }
        let before = part.groups.reduce(0.0) { $0 + shape.value[choice[$1]!] }
        guard solution.objective > before + 1e-6 else { return nil }
        var next = choice
        for (c, x) in solution.values.enumerated() where x > 0.5 { next[columns[c].group] = columns[c].item }
        return next
    }
}
