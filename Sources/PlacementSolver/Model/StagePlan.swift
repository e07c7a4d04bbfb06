import Domain
import Modeling

/// What each objective kind asks of the solver, in one place: the criteria
/// it optimises, in order, each solved as a ``LexicographicStage`` that holds
/// the optima before it.
///
/// - `total-rank`, `score`: one stage, the model's objective.
/// - `rank-maximal`: a weighted start (``LexicographicProxy``); with
///   `allow_unplaced`, most placed; then most at the best rank, at the next,
///   and so on, consecutive ranks in one stage where exact weights fit
///   (``rankGroup()``). The last rank's count follows from the others, and
///   once every placed fellow is at a rank already held, the later counts are
///   all 0.
/// - `generous`: the weighted start; most placed; then, with w the worst rank
///   of the best placement known, fewest at rank w with every worse choice
///   closed, and w one lower as long as that fewest is 0 (each such stage
///   proves that no placement reaches w); then the smallest Σ rank.
/// - In a re-match, a first stage keeps as many new fellows as possible with
///   their earlier lab and mentor.
/// - With `tie_break = "mentors-then-lottery"`, two last stages decide among
///   equally good placements (``TieBreakStages``): mentors' ranks, then the
///   seeded lottery. They are ``Criterion/isTieBreak``: they never make the
///   placement worse by the objective, and a time limit in them keeps the
///   placement found.
///
/// Each stage carries a bound no placement can beat when one is known without
/// solving (the fellows left to count, or 0); a stage whose start reaches it
/// needs no solve.
struct StagePlan {
    enum Criterion: Equatable {
        case keep
        case proxy
        case placed
        case mostAtRank(Int)
        case fewestAtWorstRank
        case totalRank
        case objective
        case mentorTieBreak
        case lotteryTieBreak
        case fewestBlocking

        /// Decides only among placements already equally good.
        var isTieBreak: Bool { self == .mentorTieBreak || self == .lotteryTieBreak }
    }

    private(set) var pending: [Criterion]
    /// The objective kind's own objective (`total-rank`, `score`), as the
    /// model had it before any stage replaced it.
    let objective: Objective
    private let ranks: [Int]
    private let keep: LinearExpression?
    private let keepBound: Double
    /// Fellows to place: all new ones, or the "placed" stage's optimum.
    private var toPlace: Int
    /// Fellows counted by the rank stages settled so far.
    private var counted = 0
    /// `generous`: the rank whose count is being minimised.
    private var worst: Int?
    /// `rank-maximal`: the ranks of the stage being solved.
    private var grouped: [Int] = []
    /// Largest objective value of a stage with several ranks: its weights are
    /// powers of (fellows left + 1), exact while GLPK's objective tolerance
    /// (10⁻⁷ relative, so 0.4 here) stays below 1: a node it prunes cannot
    /// hold a placement better by a whole count (see ``LexicographicProxy``).
    static let groupLimit = 4e6
    /// The name of the stage that minimises the blocking pairs.
    static let fewestBlockingStage = "fewest-blocking-pairs"

    /// The pending `mostAtRank` criteria to solve as one stage: with L fellows
    /// left to count, ranks r₁ … r_g weighted (L+1)^(g−1) … 1 order the counts
    /// exactly (no count below can outweigh one above), as long as the largest
    /// value, L·(L+1)^(g−1), stays within ``groupLimit``.
    func rankGroup() -> [Int] {
        let left = Double(toPlace - counted)
        var group: [Int] = []
        var top = left
        for criterion in pending {
            guard case .mostAtRank(let r) = criterion else { break }
            if !group.isEmpty && top * (left + 1) > Self.groupLimit { break }
            if !group.isEmpty { top *= left + 1 }
            group.append(r)
        }
        return group
    }

    init(_ p: PlacementModel, previous: [PreviousPlacement]?, weighted: Bool = true) {
        let s = p.scenario
        ranks = Set(p.eligibility.choices.map(\.rank)).sorted()
        toPlace = p.newFellows.count
        objective = p.model.objective
        keep = previous.map { p.kept($0) }
        // One term per fellow: a fellow has one choice with a given lab and mentor.
        keepBound = Double(keep?.terms.count ?? 0)
        let placed: [Criterion] = s.settings.allowUnplaced && !p.unplaced.isEmpty ? [.placed] : []
        // `[placement] stability`: the fewest blocking pairs before anything else.
        var criteria: [Criterion] = p.blockingVariables.isEmpty ? [] : [.fewestBlocking]
        if previous != nil { criteria.append(.keep) }
        switch s.settings.objective {
        case .totalRank, .score:
            criteria.append(.objective)
        case .rankMaximal:
            criteria += (weighted ? [.proxy] : []) + placed + ranks.dropLast().map { .mostAtRank($0) }
            if ranks.count < 2 { criteria.append(.totalRank) }
        case .generous:
            criteria += (weighted ? [.proxy] : []) + placed + [.fewestAtWorstRank, .totalRank]
        }
        if TieBreakStages.applies(p) {
            criteria += (TieBreakStages.mentorsRank(p) ? [.mentorTieBreak] : []) + [.lotteryTieBreak]
        }
        pending = criteria
    }

    /// The next stage, given the placements known that satisfy every hold so
    /// far; `nil` when every criterion is settled.
    mutating func next(_ p: inout PlacementModel, known: [[Double]]) -> LexicographicStage? {
        guard let criterion = pending.first else { return nil }
        switch criterion {
        case .keep:
            return LexicographicStage(
                name: "keep", sense: .maximize, expression: keep ?? LinearExpression(), bound: keepBound)
        case .proxy:
            guard let proxy = LexicographicProxy(p) else {
                pending.removeFirst()
                return next(&p, known: known)
            }
            return LexicographicStage(
                name: proxy.exact ? "weighted (exact)" : "weighted start", sense: .minimize,
                expression: proxy.expression, bound: nil, isStartOnly: !proxy.exact)
        case .placed:
            return LexicographicStage(
                name: "placed", sense: .maximize, expression: p.placedCount, bound: Double(toPlace))
        case .mostAtRank:
            // Consecutive ranks in one stage where exact weights fit (see ``rankGroup``).
            let group = rankGroup()
            grouped = group
            let left = toPlace - counted, base = Double(left + 1)
            var e = LinearExpression()
            for (i, r) in group.enumerated() {
                for t in p.placed(atRank: r).terms { e.add(base.power(group.count - 1 - i), t.variable) }
            }
            let top = base.power(group.count - 1)
            return LexicographicStage(
                name: "rank-" + group.map(String.init).joined(separator: "-"), sense: .maximize,
                expression: e, bound: top * Double(left))
        case .fewestAtWorstRank:
            let w = known.map { p.worstRank(in: $0) }.min() ?? ranks.last ?? 0
            worst = w
            p.close(ranksAbove: w)
            return LexicographicStage(name: "at-rank-\(w)", sense: .minimize, expression: p.placed(atRank: w), bound: 0)
        case .totalRank:
            return LexicographicStage(name: "total-rank", sense: .minimize, expression: p.totalRank, bound: nil)
        case .objective:
            return LexicographicStage(
                name: "objective", sense: objective.sense, expression: objective.expression, bound: nil)
        case .fewestBlocking:
            return LexicographicStage(
                name: Self.fewestBlockingStage, sense: .minimize, expression: p.blockingCount, bound: 0)
        case .mentorTieBreak:
            return LexicographicStage(
                name: "tie-break-mentors", sense: .minimize, expression: TieBreakStages.mentorCost(p), bound: 0,
                isTieBreak: true)
        case .lotteryTieBreak:
            return LexicographicStage(
                name: "tie-break-lottery", sense: .minimize, expression: TieBreakStages.lottery(p), bound: nil,
                isTieBreak: true)
        }
    }

    /// Records the optimum `value` of `stage` (the first pending criterion):
    /// adds its hold row when a later stage follows, and decides what follows.
    mutating func settle(_ stage: LexicographicStage, value: Double, _ p: inout PlacementModel) {
        let criterion = pending.removeFirst()
        let v = Int(value.rounded())
        switch criterion {
        case .proxy:
            if !stage.isStartOnly {
                // The weighted optimum is the objective's: only the tie-break stages remain, holding it.
                pending.removeAll { !$0.isTieBreak }
                if !pending.isEmpty { p.model.add(stage.hold(value), name: "hold(\(stage.name))") }
            }
            return
        case .placed:
            toPlace = v
        case .mostAtRank:
            // The group's value, read back digit by digit in base (left + 1).
            let group = grouped
            let base = toPlace - counted + 1
            var rest = v
            var counts = [Int](repeating: 0, count: group.count)
            for i in group.indices.reversed() {
                counts[i] = rest % base
                rest /= base
            }
            pending.removeFirst(group.count - 1)
            counted += counts.reduce(0, +)
            // Every placed fellow is at a rank held already: the rest count 0.
            if counted >= toPlace {
                pending.removeAll { if case .mostAtRank = $0 { return true } else { return false } }
            }
            if !pending.isEmpty {
                for (r, c) in zip(group, counts) {
                    p.model.add(p.placed(atRank: r) >= Double(c), name: "hold(rank-\(r))")
                }
            }
            return
        case .fewestAtWorstRank:
            // Nobody needs rank w: the worst rank is lower still (every choice
            // at w is closed when the next stage closes ranks above w − 1).
            if v == 0, let w = worst, ranks.contains(where: { $0 < w }) {
                pending.insert(.fewestAtWorstRank, at: 0)
                return
            }
        case .objective:
            // total-rank with a fractional mentor_weight, or score: not a whole number.
            if !pending.isEmpty { p.model.add(stage.hold(within: value), name: "hold(\(stage.name))") }
            return
        case .keep, .totalRank, .mentorTieBreak, .lotteryTieBreak, .fewestBlocking:
            break
        }
        if !pending.isEmpty { p.model.add(stage.hold(value), name: "hold(\(stage.name))") }
    }
}

extension PlacementModel {
    /// The integer values of the solutions that satisfy the model as it is
    /// now (its holds and closed choices).
    func satisfying(_ solutions: [Solution?]) -> [[Double]] {
        solutions.compactMap { $0 }.map { roundedValues($0) }.filter { model.isFeasible($0, tolerance: 1e-5) }
    }

    /// The worst rank of a placed new fellow in `values` (0 when nobody is placed).
    func worstRank(in values: [Double]) -> Int {
        eligibility.choices.indices.filter { values[assign[$0].index] > 0.5 }.map { eligibility.choices[$0].rank }.max()
            ?? 0
    }

    /// Closes every choice ranked worse than `rank`.
    mutating func close(ranksAbove rank: Int) {
        for (ci, c) in eligibility.choices.enumerated() where c.rank > rank {
            model.setBounds(assign[ci], lower: 0, upper: 0)
        }
    }
}
