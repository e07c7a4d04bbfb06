import Domain
import Modeling

/// One weighted objective whose optimum is, or is close to, the optimum of a
/// lexicographic kind: solved first, as the stages' start.
///
/// Why: a stage such as "most second choices, the first choices held" has a
/// huge number of equally good solutions, and GLPK's search finds better
/// ones slowly (a generated intake of 300: the second-choice stage stayed at
/// 43 against a bound of 63 for 60 s). A weighted objective over ranks has the
/// shape of `total-rank`, which the warm start and the search handle fast,
/// and its optimum gives each stage a start at or near its optimum; the
/// stage then only has to prove it.
///
/// With the ranks r₁ < r₂ < … < r_K in use, a fellow placed at r_i costs
///
///     rank-maximal:  Σ_{j<i} B^(K−1−j)          (unplaced: B^K + Σ_{j<K−1} B^(K−1−j))
///     generous:      B^(i−1) + r_i               (unplaced: B^K·2)
///
/// so a fellow gained at a better rank (rank-maximal), or a fellow kept off
/// a worse one (generous), outweighs up to B − 1 changes below it. With
/// B ≥ N + 1 (N new fellows) no changes below can outweigh one above, and for
/// rank-maximal the weighted optimum is the lexicographic one: when every
/// weight sum stays below ``exactLimit`` (where GLPK's objective tolerance,
/// 10⁻⁷ relative, still tells solutions 1 apart), the weighted solve is the
/// whole answer and no stage follows. Otherwise B is the largest base whose
/// sums stay below ``heuristicLimit``.
struct LexicographicProxy {
    var expression: LinearExpression
    /// The weighted optimum is the lexicographic optimum.
    var exact: Bool

    /// Largest objective value at which the weights are exact.
    static let exactLimit = 1e6
    /// Largest objective value of a heuristic weighting.
    static let heuristicLimit = 1e9

    /// `nil` for the single-stage kinds.
    init?(_ p: PlacementModel) {
        let kind = p.scenario.settings.objective
        let rankMaximal: Bool  // its cumulative weights are exact with B ≥ N + 1; generous's are not
        switch kind {
        case .totalRank, .score: return nil
        case .rankMaximal: rankMaximal = true
        case .generous: rankMaximal = false
        }
        let ranks = Set(p.eligibility.choices.map(\.rank)).sorted()
        let k = ranks.count
        guard k > 0 else { return nil }
        let n = Double(max(p.newFellows.count, 1))
        // The largest weight is about B^K (times 2 for unplaced), summed over n fellows.
        func total(_ b: Double) -> Double { 2 * n * b.power(k) + n * Double(ranks.last ?? 0) }
        var base = n + 1
        exact = rankMaximal && total(base) <= Self.exactLimit
        if !exact {
            base = 2
            while base < n + 1 && total(base + 1) <= Self.heuristicLimit { base += 1 }
        }
        let index = Dictionary(uniqueKeysWithValues: ranks.enumerated().map { ($1, $0) })
        let unplacedCost: Double
        var cost: [Double]
        if rankMaximal {
            // rank-maximal: cost(i) = Σ_{j<i} B^(K−1−j)
            cost = [0]
            for j in 0..<k { cost.append(cost[j] + base.power(k - 1 - j)) }
            unplacedCost = base.power(k) + cost[k]
        } else {
            // generous: B^(i−1) + r_i
            cost = ranks.enumerated().map { base.power($0.offset) + Double($0.element) }
            unplacedCost = 2 * base.power(k)
        }
        var e = LinearExpression()
        for (ci, c) in p.eligibility.choices.enumerated() where cost[index[c.rank]!] != 0 {
            e.add(cost[index[c.rank]!], p.assign[ci])
        }
        for v in p.unplacedVariables { e.add(unplacedCost, v) }
        expression = e
    }
}
