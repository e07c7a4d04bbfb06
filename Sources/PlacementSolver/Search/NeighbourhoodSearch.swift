import Domain
import Modeling

/// Improves a solution of an ``AssignmentKnapsacks`` model by re-solving
/// parts of it exactly with the solver (GLPK): for a few knapsacks at a time,
/// the groups placed in them are re-assigned among them optimally, everything
/// else held. Parts are drawn at random (seeded, so every run draws the same)
/// and grown knapsack by knapsack while the part stays within a number of
/// columns; after a run of parts that improve nothing the parts grow, and
/// after a run at the largest size the search stops.
///
/// Each part is itself of GAP's shape, so it is solved like the whole:
/// ``LagrangianFixing`` fixes what no better part can use, and
/// ``LagrangianNodeBound`` bounds every subproblem of GLPK's search, within
/// a node limit. Items that no solution better than the current one can use
/// (by the whole model's conditional bounds) are left out of parts, so the
/// better the solution, the more knapsacks a part holds.
///
/// Why: on the hard OR-Library sets (D and E) the regret fill and one- or
/// two-item moves of ``AssignmentHeuristic`` stop 2–4 % above the optimum;
/// re-assigning whole knapsacks at once reaches moves no short chain finds.
/// A good solution is what lets ``LagrangianFixing`` fix columns and the
/// node bound prune. Measured on d20100 (optimum 6185, 60 s limit): parts of
/// 120 columns solved by GLPK alone, 100 nodes each, reached 6256 after 500
/// parts; with the fixing and node bound in each part, 6224 after 500 parts
/// in 1.5 s; with parts of 300 columns drawn as in ``drawPart(_:columns:_:)``
/// and moves sideways, 6213 within the 30 s it is given (6211–6216 across
/// runs and nearby settings: the count of parts in 30 s varies).
/// On e10100 and e20100 a solution at or near the optimum is also what lets
/// the last probe of ``TargetedSearch`` finish.
///
/// Deterministic: a seeded draw, each part limited by nodes, not time; a
/// time limit, when given, stops the search early.
struct NeighbourhoodSearch {
    let shape: AssignmentKnapsacks
    let solver: any Solver
    /// Per item, the whole model's bound with the item taken (maximisation
    /// form; ``LagrangianBound/conditionalBounds(_:bound:_:)``): items whose
    /// bound cannot beat the current solution are left out of parts.
    let boundWith: [Double]
    /// Columns of the first parts.
    static let firstColumns = 300
    /// Largest part (columns).
    static let maximumColumns = 450
    /// Branch-and-bound nodes per part.
    static let nodeLimit = 1000
    /// Parts solved at most, in all (without a time limit, this bounds the
    /// search: d20100 solves about 25 parts a second, e20100 about 4).
    static let maximumSolves = 1500
    /// Parts in a row that improve nothing before the parts grow (or, at the
    /// largest size, the search stops): ten times the number of knapsacks,
    /// at least 40 and at most 300.
    func patience(_ knapsacks: Int) -> Int { min(max(10 * knapsacks, 40), 300) }

    /// Improves `choice` in place, stopping early once its value (maximisation
    /// form) reaches `enough`, or at `deadline`; returns the number of parts
    /// solved.
    @discardableResult
    func improve(_ choice: inout [Int?], enough: Double = .infinity, deadline: ContinuousClock.Instant? = nil) -> Int {
        let k = shape.itemsOfKnapsack.count
        guard k >= 2 else { return 0 }
        var random = SeededRandom(seed: 0x5EED)
        var solves = 0, sinceImprovement = 0, columns = Self.firstColumns
        func value() -> Double { shape.total(of: choice) }
        while solves < Self.maximumSolves && value() < enough {
            if let deadline, ContinuousClock.now >= deadline { break }
            if sinceImprovement >= patience(k) {
                guard columns < Self.maximumColumns else { break }
                columns = min(columns * 3 / 2, Self.maximumColumns)
                sinceImprovement = 0
            }
            let part = drawPart(choice, columns: columns, &random)
            sinceImprovement += 1
            guard part.knapsacks.count >= 2, part.groups.count >= 2 else { continue }
            solves += 1
            guard let next = solve(part, choice, deadline: deadline, jitter: random.next()) else { continue }
            let was = value()
            choice = next
            // A move sideways (same value, other placements) is kept but
            // does not count as progress.
            if value() > was + 1e-9 { sinceImprovement = 0 }
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

    /// A part of at most `columns` columns. Its first knapsack is drawn with
    /// weight 1 + its room left (a better solution mostly fills room); then
    /// knapsacks are added while the part stays within `columns`, in order of
    /// (1 + groups that could move between them and the part) × a random
    /// factor, so that parts hold knapsacks that can trade, yet differ.
    ///
    /// Measured on d20100 with parts of 300 columns (optimum 6185; three
    /// seeds, 1,500 parts each): knapsacks in uniformly random order ended at
    /// 6208, 6209 and 6219; this draw at 6200, 6203 and 6211, each within
    /// 0.5 % by 16 s. Other seeds could still stick (6216, 6217): the
    /// moves sideways of ``solve(_:_:deadline:jitter:)`` address that.
    func drawPart(_ choice: [Int?], columns: Int, _ random: inout SeededRandom) -> Part {
        let usable = usable(choice)
        let k = shape.itemsOfKnapsack.count
        var related = [[Int]](repeating: [Int](repeating: 0, count: k), count: k)
        for g in choice.indices {
            guard let current = choice[g], shape.knapsack[current] >= 0 else { continue }
            let a = shape.knapsack[current]
            for i in shape.itemsOfGroup[g] where usable[i] && shape.knapsack[i] >= 0 && shape.knapsack[i] != a {
                related[a][shape.knapsack[i]] += 1
                related[shape.knapsack[i]][a] += 1
            }
        }
        let room = AssignmentHeuristic(shape).room(choice).map { max($0, 0) }
        var draw = Int(random.next() % UInt64(room.reduce(k, +)))
        let first =
            room.indices.first {
                draw -= room[$0] + 1
                return draw < 0
            } ?? 0
        let factor = (0..<k).map { _ in Double(random.next() % 1000) / 1000 }
        var part = build([first], choice, usable)
        var tried = [Bool](repeating: false, count: k)
        tried[first] = true
        while true {
            var best: (knapsack: Int, score: Double)?
            for b in 0..<k where !tried[b] {
                let score = Double(1 + part.knapsacks.reduce(0) { $0 + related[$1][b] }) * factor[b]
                if best.map({ score > $0.score }) ?? true { best = (b, score) }
            }
            guard let b = best?.knapsack else { break }
            tried[b] = true
            let candidate = build(part.knapsacks + [b], choice, usable)
            if candidate.columns <= columns { part = candidate }
        }
        return part
    }

    /// Items a solution better than `choice` could use.
    func usable(_ choice: [Int?]) -> [Bool] {
        let cut = shape.strictlyBetter(than: shape.total(of: choice))
        return boundWith.map { $0 >= cut }
    }

    func build(_ knapsacks: [Int], _ choice: [Int?], _ usable: [Bool]) -> Part {
        let inPart = Set(knapsacks)
        var part = Part(knapsacks: knapsacks.sorted())
        for g in choice.indices {
            guard let current = choice[g], inPart.contains(shape.knapsack[current]) else { continue }
            part.groups.append(g)
            part.items.append(
                shape.itemsOfGroup[g].filter { ($0 == current || usable[$0]) && inPart.contains(shape.knapsack[$0]) })
        }
        return part
    }

    /// The part re-solved: a better `choice`, or `nil`.
    ///
    /// With `jitter` and a whole-numbered objective, values are scaled by
    /// 1024 and each item gets a small seeded noise, summing to less than
    /// 1024 over the part: so a re-solved part is never worse, and among
    /// placements of equal value GLPK picks a random other one, which is
    /// kept (a move sideways). Measured on d20100 (parts of 300 columns, four
    /// seeds, 40 s): without sideways moves two seeds stuck at 6216 and 6217;
    /// with them all four reached 6215 or better (6204–6213 at the end).
    func solve(_ part: Part, _ choice: [Int?], deadline: ContinuousClock.Instant?, jitter: UInt64? = nil) -> [Int?]? {
        let scale = jitter != nil && shape.integralObjective ? 1024.0 : 1
        let spread = UInt64(max(1, 1024 / (part.groups.count + 1)))
        func noise(_ i: Int) -> Double {
            guard let jitter, scale > 1 else { return 0 }
            var r = SeededRandom(seed: jitter &+ UInt64(i) &* 0x9E37_79B9_7F4A_7C15)
            return Double(r.next() % spread)
        }
        func scaled(_ i: Int) -> Double { shape.value[i] * scale + noise(i) }
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
                objective.add(scaled(i), x)
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
        if let deadline {
            options.timeLimit = max((deadline - ContinuousClock.now).seconds, 0.001)
        }
        // The part is of GAP's shape: fix and bound it like the whole
        // (no parts within parts: no solver given).
        if let (fixedStart, _, nodeBound) = LagrangianFixing.apply(to: &model, start: start, solver: nil),
            let fixedStart, let nodeBound
        {
            options.startingSolution = fixedStart
            options.nodeExaminer = nodeBound
        }
        guard let result = try? solver.solve(model, options: options, progress: nil),
            let solution = result.solution
        else { return nil }
        let before = part.groups.reduce(0.0) { $0 + scaled(choice[$1]!) }
        guard solution.objective > before + 1e-6 else { return nil }
        var next = choice
        for (c, x) in solution.values.enumerated() where x > 0.5 { next[columns[c].group] = columns[c].item }
        return next
    }
}
