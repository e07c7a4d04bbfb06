import Domain
import Modeling

/// The split of every placed fellow's need over the sources that may pay it,
/// chosen after the placement, which it never changes.
///
/// With `x(f,s)` ≥ 0 the dollars source s pays fellow f (only where s may pay
/// f at f's lab), `Σ_s x(f,s) = need(f)` and `Σ_f x(f,s) ≤ budget(s)`; with
/// rule 8 also `pays(f,s)` ∈ {0,1} and its rules, as in the placement model
/// (`FellowPayments.swift`, `OneFederalSource.swift`, `Slots.swift`,
/// `MaxSources.swift`, `MinPayment.swift`). Lexicographically, each stage
/// holding the optimum of the ones before:
///
/// 1. keep the earlier sources: minimise `Σ_{s ∉ before(f)} pays(f,s)` (the
///    new appointments), or without indicators the dollars from new sources;
///    only when the earlier run's sources are known;
/// 2. spend in order: minimise `Σ position(s)·x(f,s)`, the position in
///    ``FundingSplit/order(_:)`` (training grants first, so an eligible fellow
///    is appointed to the training grant before anything else pays them);
/// 3. with indicators, fewest sources: minimise `Σ pays(f,s)`.
///
/// Each stage's search stops after ``nodeLimit(fellows:)`` subproblems with the best
/// split found (the next stages hold that one's value), so a large program's
/// split stays quick and reproducible.
///
/// The constraint matrix of x alone is a transportation matrix, so with the
/// indicators fixed every vertex is whole dollars; the last stage's LP has
/// them fixed. Deterministic: built in input order, no time limit.
struct FundingSplit {
    let scenario: Scenario
    /// Fellow index → lab index, for every fellow placed (new and continuing).
    let labOf: [Int: Int]
    /// Fellow id → the sources that paid them before, when known.
    let before: [String: Set<String>]

    struct Pair {
        var fellow: Int
        var source: Int
        var dollars: Variable
        var pays: Variable?
    }

    /// Subproblems each stage's search may create: a stage that reaches it
    /// keeps the best split found (reproducibly: a node count, not a time).
    /// Each subproblem re-solves an LP over every placed fellow, so the
    /// count shrinks as programs grow: 500 up to 100 fellows paid, then
    /// `50,000 / fellows`, never fewer than 10 (a 5,000-fellow split's LP
    /// takes about half a second per subproblem on GLPK).
    static func nodeLimit(fellows: Int) -> Int { max(10, min(500, 50_000 / max(fellows, 1))) }

    var model = Model(name: "funding-split")
    var pairs: [Pair] = []

    init(scenario: Scenario, labOf: [Int: Int], before: [String: Set<String>]) {
        self.scenario = scenario
        self.labOf = labOf
        self.before = before
        build()
    }

    /// The sources in spending order: `[funding] order` first, then training
    /// grants, institutional money, federal grants, then sources without a
    /// kind (a lab's grants, restricted pools, unrestricted pools: the
    /// `spendingTier`), each in input order.
    static func order(_ s: Scenario) -> [Int] {
        let listed = s.settings.funding.order.compactMap { id in s.funding.firstIndex { $0.id == id } }
        let kindRank: [FundingKind?: Int] = [.trainingGrant: 0, .institutional: 1, .federal: 2]
        let rest = s.funding.indices.filter { !listed.contains($0) }.sorted {
            (kindRank[s.funding[$0].kind] ?? 3, s.funding[$0].spendingTier, $0)
                < (kindRank[s.funding[$1].kind] ?? 3, s.funding[$1].spendingTier, $1)
        }
        return listed + rest
    }

    mutating func build() {
        let s = scenario
        let rules = s.usesAppointmentRules
        var budgets: [Int: LinearExpression] = [:]
        let sources = SourcesAtLab(s)
        for fi in s.fellows.indices {
            guard let li = labOf[fi] else { continue }
            let f = s.fellows[fi], lab = s.labs[li].id
            let need = s.need(of: f, at: lab)
            guard need > 0 else { continue }
            var paid = LinearExpression()
            let payers = sources.payers(for: f, at: lab)
            for si in payers {
                let x = model.addVariable("x(\(fi),\(si))", .continuous, lower: 0, upper: Double(need))
                var pair = Pair(fellow: fi, source: si, dollars: x, pays: nil)
                if rules && needsIndicator(si, fellow: fi, payers: payers) {
                    let y = model.addBinary("y(\(fi),\(si))")
                    model.add(x - Double(need) * y <= 0, name: "paying(\(fi),\(si))")
                    if let minimum = s.settings.funding.minPayment, minimum > 0 {
                        model.add(x - Double(min(minimum, need)) * y >= 0, name: "minpay(\(fi),\(si))")
                    }
                    pair.pays = y
                }
                paid.add(1, x)
                budgets[si, default: LinearExpression()].add(1, x)
                pairs.append(pair)
            }
            model.add(paid == Double(need), name: "need(\(fi))")
        }
        for (si, row) in budgets.sorted(by: { $0.key < $1.key }) {
            model.add(row <= Double(s.funding[si].budget), name: "budget(\(si))")
        }
        if rules { addAppointmentRules() }
    }

    /// Whether rule 8 speaks of whether source `si` pays fellow `fi` (as in
    /// `FellowPayments.swift`): always with `max_sources` or `min_payment`,
    /// else for a source with slots, or a federal source when another federal one may pay the fellow.
    func needsIndicator(_ si: Int, fellow fi: Int, payers: [Int]) -> Bool {
        let s = scenario
        if s.settings.funding.maxSources != nil || s.settings.funding.minPayment != nil { return true }
        if s.funding[si].slots != nil { return true }
        let federal = payers.filter { s.funding[$0].kind?.isFederal == true }
        return s.funding[si].kind?.isFederal == true && federal.count > 1
    }

    /// Rule 8 over the fixed placement: one federal source, slots, max_sources.
    mutating func addAppointmentRules() {
        let s = scenario
        for (fi, list) in Dictionary(grouping: pairs, by: \.fellow).sorted(by: { $0.key < $1.key }) {
            let federal = list.filter { s.funding[$0.source].kind?.isFederal == true }.compactMap(\.pays)
            if federal.count > 1 { model.add(federal.sum() <= 1, name: "federal(\(fi))") }
            if let n = s.settings.funding.maxSources, list.count > n {
                model.add(list.compactMap(\.pays).sum() <= Double(n), name: "sources(\(fi))")
            }
        }
        for (si, list) in Dictionary(grouping: pairs, by: \.source).sorted(by: { $0.key < $1.key }) {
            if let slots = s.funding[si].slots, list.count > slots {
                model.add(list.compactMap(\.pays).sum() <= Double(slots), name: "slots(\(si))")
            }
        }
    }

    /// The stages' objectives, in order (empty ones left out).
    func stages() -> [LinearExpression] {
        let s = scenario
        var result: [LinearExpression] = []
        if !before.isEmpty {
            var changed = LinearExpression()
            for p in pairs {
                guard let kept = before[s.fellows[p.fellow].id], !kept.contains(s.funding[p.source].id) else {
                    continue
                }
                if let y = p.pays { changed.add(1, y) } else { changed.add(1, p.dollars) }
            }
            if !changed.terms.isEmpty { result.append(changed) }
        }
        let position = Dictionary(uniqueKeysWithValues: Self.order(s).enumerated().map { ($1, $0 + 1) })
        result.append(LinearExpression(sum: pairs.map { (Double(position[$0.source] ?? 1), $0.dollars) }))
        let indicators = pairs.compactMap(\.pays)
        if !indicators.isEmpty { result.append(indicators.sum()) }
        return result
    }

    /// Solves the stages; returns dollars by fellow and source, or `nil` if a
    /// stage finds nothing (the placement model's own split then stands).
    mutating func solve(with solver: any Solver, options: SolverOptions) -> (split: [Int: [Int: Int]]?, seconds: Double)
    {
        guard !pairs.isEmpty else { return ([:], 0) }
        var o = options
        o.timeLimit = nil
        o.nodeExaminer = nil
        o.nodeLimit = Self.nodeLimit(fellows: Set(pairs.map(\.fellow)).count)
        var seconds = 0.0
        var last: Solution?
        // Each stage starts from the split before it (the first from ``firstSplit()``).
        var start = scenario.usesAppointmentRules ? firstSplit() : nil
        for (k, objective) in stages().enumerated() {
            model.minimize(objective)
            o.startingSolution = start
            o.presolve = options.presolve && start == nil  // a start needs the model's own columns
            guard let r = try? solver.solve(model, options: o) else { return (nil, seconds) }
            seconds += r.solveSeconds
            guard r.termination == .optimal || r.termination == .interrupted, let solution = r.solution else {
                return (nil, seconds)
            }
            last = solution
            start = solution.values.enumerated().map { model.variables[$0].isInteger ? $1.rounded() : $1 }
            model.add(objective <= solution.objective + 0.5, name: "stage(\(k + 1))")
        }
        guard var solution = last else { return (nil, seconds) }
        if let fixed = wholeDollars(solution, solver: solver, options: o) { solution = fixed }
        var split: [Int: [Int: Int]] = [:]
        for p in pairs {
            let dollars = Int(solution[p.dollars].rounded())
            if dollars > 0 { split[p.fellow, default: [:]][p.source] = dollars }
        }
        return (split, seconds)
    }

    /// With the indicators fixed at their values, the LP of the last stage:
    /// a vertex of a transportation polytope, so whole dollars.
    func wholeDollars(_ solution: Solution, solver: any Solver, options: SolverOptions) -> Solution? {
        let ys = pairs.compactMap(\.pays)
        guard !ys.isEmpty else { return nil }
        var m = model
        for y in ys {
            let v = solution.isOne(y) ? 1.0 : 0.0
            m.add(LinearExpression(y) == v, name: "fix(\(y.index))")
        }
        guard let r = try? solver.solve(m, options: options), r.termination == .optimal else { return nil }
        return r.solution
    }
}

extension PlacementEngine {
    /// The funding split of a solved placement (see ``FundingSplit``): dollars
    /// by fellow index and source index, or `nil` when the split finds none,
    /// and the seconds it took.
    func fundingSplit(_ p: PlacementModel, _ solution: Solution, previous: [PreviousPlacement]?, options: SolverOptions)
        -> ([Int: [Int: Int]]?, Double)
    {
        let s = p.scenario
        let labIndex = Dictionary(uniqueKeysWithValues: s.labs.enumerated().map { ($1.id, $0) })
        var labOf = ResultReader(placement: p, solution: solution).chosen().mapValues(\.lab)
        for (fi, f) in s.fellows.enumerated() where !f.isNew {
            if let lab = f.lab, let li = labIndex[lab] { labOf[fi] = li }
        }
        var before: [String: Set<String>] = [:]
        for row in previous ?? [] { if let sources = row.sources { before[row.fellow] = Set(sources) } }
        var split = FundingSplit(scenario: s, labOf: labOf, before: before)
        return split.solve(with: solver, options: options)
    }
}
