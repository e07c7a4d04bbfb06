import Domain
import Modeling

/// A feasible placement found greedily, handed to GLPK as a warm start.
///
/// 1. Choices are taken best first by the current objective (ties: better
///    rank, better mentor rank, input order); a fellow takes the first choice
///    whose lab and mentor still have room, whose track is not full, and whose
///    need the remaining money can pay, spending the most restricted money
///    first (the lab's grants, then restricted program-wide sources, then
///    unrestricted ones). Continuing fellows' needs are paid first.
/// 2. Repair: a fellow left without a place gets one along the shortest
///    augmenting path (f takes g₁'s seat, g₁ takes g₂'s, ..., the last one a
///    free seat), as in bipartite matching.
/// 3. Improve: a few passes in which a fellow moves to a cheaper choice,
///    directly or by moving one fellow in the way, when the total cost drops.
///
/// Moves that cannot be undone exactly (money re-paid from other sources)
/// may leave a fellow unplaced; that only makes the start worse.
///
/// Only the integer columns are meaningful in the result; GLPK completes the
/// payments with an LP over them (see `fm_warm_start` in `CGLPKGuard`). Why it
/// helps is in ``SolveStrategy``. If the greedy misses a limit the model has
/// (e.g. a track minimum), GLPK finds the start infeasible and starts cold:
/// the start can cost a little time, never a wrong answer.
struct GreedyStart {
    let placement: PlacementModel
    private var labRoom: [Int]
    private var mentorRoom: [Int]
    private var trackRoom: [String: Int] = [:]
    private var money: Budgets
    /// Fellow index → its choice index, for placed new fellows.
    private var choiceOf: [Int: Int] = [:]
    /// Lab index → placed new fellows there.
    private var occupants: [Int: Set<Int>] = [:]
    private var feasible = true

    init(placement p: PlacementModel) {
        placement = p
        let s = p.scenario
        let e = p.eligibility
        labRoom = s.labs.map { $0.capacity - (e.continuingInLab[$0.id] ?? 0) }
        mentorRoom = s.mentors.map { $0.capacity - (e.continuingWithMentor[$0.id] ?? 0) }
        money = Budgets(s)
        for (fi, f) in s.fellows.enumerated() where !f.isNew {
            if let lab = f.lab, money.pay(fellow: fi, at: lab) == nil { feasible = false }
        }
        for (track, limit) in s.settings.tracks { if let m = limit.maxNew { trackRoom[track] = m } }
    }

    /// Values for every variable of the model (continuous ones 0), or `nil`
    /// when the greedy leaves a fellow without a place they must have.
    static func values(for p: PlacementModel) -> [Double]? {
        guard !p.elastic else { return nil }
        var g = GreedyStart(placement: p)
        guard g.feasible else { return nil }
        return g.run()
    }

    private mutating func run() -> [Double]? {
        let p = placement
        let model = p.model
        // Objective benefit of each choice: lower cost first when minimising.
        var coefficient = [Double](repeating: 0, count: model.variables.count)
        for term in model.objective.expression.terms { coefficient[term.variable.index] += term.coefficient }
        let sign: Double = model.objective.sense == .minimize ? 1 : -1
        let cost = p.eligibility.choices.indices.map { sign * coefficient[p.assign[$0].index] }
        let order = p.eligibility.choices.indices.sorted { a, b in
            if cost[a] != cost[b] { return cost[a] < cost[b] }
            let x = p.eligibility.choices[a], y = p.eligibility.choices[b]
            if x.rank != y.rank { return x.rank < y.rank }
            if x.mentorCost != y.mentorCost { return x.mentorCost < y.mentorCost }
            return a < b
        }
        for ci in order where choiceOf[p.eligibility.choices[ci].fellow] == nil { _ = place(ci) }
        // Local search: a few passes of single moves and two-fellow chains,
        // each strictly lowering the cost, so it ends.
        var unplacedCoefficient = [Int: Double]()
        for (fi, u) in p.unplaced { unplacedCoefficient[fi] = sign * coefficient[u.index] }
        for fi in p.newFellows where choiceOf[fi] == nil { _ = augment(fi) }
        for _ in 0..<3 {
            var moved = false
            for fi in p.newFellows where improve(fi, cost: cost, unplacedCost: unplacedCoefficient[fi] ?? .infinity) {
                moved = true
            }
            if !moved { break }
        }

        var values = [Double](repeating: 0, count: model.variables.count)
        for fi in p.newFellows {
            if let ci = choiceOf[fi] {
                values[p.assign[ci].index] = 1
            } else if let u = p.unplaced[fi] {
                values[u.index] = 1
            } else {
                return nil
            }
        }
        return values
    }

    /// Places the fellow of choice `ci` if the choice has room and money.
    private mutating func place(_ ci: Int) -> Bool {
        let p = placement
        let c = p.eligibility.choices[ci]
        let track = p.scenario.fellows[c.fellow].track
        guard labRoom[c.lab] > 0, mentorRoom[c.mentor] > 0, trackRoom[track].map({ $0 > 0 }) ?? true,
            p.model.variables[p.assign[ci].index].upper != 0,
            money.pay(fellow: c.fellow, at: p.scenario.labs[c.lab].id) != nil
        else { return false }
        choiceOf[c.fellow] = ci
        occupants[c.lab, default: []].insert(c.fellow)
        labRoom[c.lab] -= 1
        mentorRoom[c.mentor] -= 1
        trackRoom[track].map { trackRoom[track] = $0 - 1 }
        return true
    }

    private mutating func remove(_ fi: Int) {
        guard let ci = choiceOf.removeValue(forKey: fi) else { return }
        let c = placement.eligibility.choices[ci]
        occupants[c.lab]?.remove(fi)
        labRoom[c.lab] += 1
        mentorRoom[c.mentor] += 1
        let track = placement.scenario.fellows[fi].track
        trackRoom[track].map { trackRoom[track] = $0 + 1 }
        money.refund(fellow: fi)
    }

    /// Choice indices by cost, then index.
    private static func cheapestFirst(_ choices: [Int], _ cost: [Double]) -> [Int] {
        choices.sorted { (cost[$0], $0) < (cost[$1], $1) }
    }

    /// Moves fellow `fi` to a choice costing less than where they are now
    /// (unplaced counts as `unplacedCost`), directly or by moving one fellow
    /// in the way to another of their choices, if the two moves together cost
    /// less. Returns whether anything moved.
    private mutating func improve(_ fi: Int, cost: [Double], unplacedCost: Double) -> Bool {
        let p = placement
        let current = choiceOf[fi]
        let now = current.map { cost[$0] } ?? unplacedCost
        let better = Self.cheapestFirst((p.eligibility.choicesOfFellow[fi] ?? []).filter { cost[$0] < now }, cost)
        guard !better.isEmpty else { return false }
        remove(fi)
        for ci in better where place(ci) { return true }
        for ci in better {
            for gi in blockers(of: ci) {
                let was = choiceOf[gi]!
                let budget = now - cost[ci] + cost[was]  // what g's new choice may cost
                let theirs = (p.eligibility.choicesOfFellow[gi] ?? []).filter { $0 != was && cost[$0] < budget }
                guard !theirs.isEmpty else { continue }
                remove(gi)
                if place(ci) {
                    for alt in Self.cheapestFirst(theirs, cost) where place(alt) { return true }
                    remove(fi)
                }
                // Undo: the seat and the money the fellow had are free again.
                _ = place(was)
            }
        }
        if let current { _ = place(current) }
        return false
    }

    /// The placed new fellows whose leaving would free a seat for choice
    /// `ci`: those with its mentor if the mentor is full, else anyone in its
    /// lab; in index order.
    private func blockers(of ci: Int) -> [Int] {
        let e = placement.eligibility
        let c = e.choices[ci]
        return (occupants[c.lab] ?? []).filter {
            mentorRoom[c.mentor] > 0 || e.choices[choiceOf[$0]!].mentor == c.mentor
        }.sorted()
    }

    /// Places an unplaced fellow along an augmenting path: f takes a seat of
    /// g₁, g₁ one of g₂, ..., gₖ a free seat (breadth first, so the shortest
    /// chain). Costs are ignored: a place is worth more than any rank.
    private mutating func augment(_ fi: Int) -> Bool {
        let p = placement
        // For each fellow reached: (the choice they would take, who reached them).
        var via: [Int: (choice: Int, from: Int)] = [:]
        var queue = [fi]
        var seen: Set<Int> = [fi]
        var head = 0
        while head < queue.count {
            let x = queue[head]
            head += 1
            for ci in p.eligibility.choicesOfFellow[x] ?? [] where ci != choiceOf[x] {
                let c = p.eligibility.choices[ci]
                if labRoom[c.lab] > 0 && mentorRoom[c.mentor] > 0 {
                    // A free seat: walk back, moving each fellow into the seat
                    // the next one leaves.
                    var moves = [(fellow: x, choice: ci)]
                    var y = x
                    while y != fi, let step = via[y] {
                        y = step.from
                        moves.append((y, step.choice))
                    }
                    if apply(moves) { return true }
                    continue
                }
                for g in blockers(of: ci) where !seen.contains(g) {
                    seen.insert(g)
                    via[g] = (ci, x)
                    queue.append(g)
                }
            }
        }
        return false
    }

    /// Makes the moves in order (each into the seat the previous one left);
    /// undoes them all if one cannot be made.
    private mutating func apply(_ moves: [(fellow: Int, choice: Int)]) -> Bool {
        let before = moves.map { choiceOf[$0.fellow] }
        for (k, move) in moves.enumerated() {
            remove(move.fellow)
            if !place(move.choice) {
                for j in stride(from: k, through: 0, by: -1) {
                    remove(moves[j].fellow)
                    if let old = before[j] { _ = place(old) }
                }
                return false
            }
        }
        return true
    }

    /// Remaining budgets, spent most restricted first, with what each fellow was paid.
    struct Budgets {
        let scenario: Scenario
        var left: [Int]
        /// Per lab id, the sources that may pay there in spending order: the
        /// lab's grants, then restricted program-wide sources, then unrestricted ones.
        let candidates: [String: [Int]]
        var paid: [Int: [(source: Int, amount: Int)]] = [:]

        init(_ s: Scenario) {
            scenario = s
            left = s.funding.map(\.budget)
            let ordered = s.funding.indices.filter { s.funding[$0].lab == nil }
                .sorted { (s.funding[$0].spendingTier, $0) < (s.funding[$1].spendingTier, $1) }
            var grants: [String: [Int]] = [:]
            for si in s.funding.indices { if let lab = s.funding[si].lab { grants[lab, default: []].append(si) } }
            candidates = Dictionary(uniqueKeysWithValues: s.labs.map { ($0.id, (grants[$0.id] ?? []) + ordered) })
        }

        /// Pays the fellow's need at the lab if the sources that may pay have
        /// enough left; returns what was paid, or `nil`.
        mutating func pay(fellow fi: Int, at lab: String) -> [(source: Int, amount: Int)]? {
            let f = scenario.fellows[fi]
            var need = scenario.need(of: f, at: lab)
            guard need > 0 else { return [] }
            let payers = (candidates[lab] ?? []).filter { left[$0] > 0 && scenario.funding[$0].mayPay(for: f, at: lab) }
            guard payers.reduce(0, { $0 + left[$1] }) >= need else { return nil }
            var payments: [(source: Int, amount: Int)] = []
            for si in payers where need > 0 {
                let amount = min(need, left[si])
                left[si] -= amount
                need -= amount
                payments.append((si, amount))
            }
            paid[fi] = payments
            return payments
        }

        mutating func refund(fellow fi: Int) {
            for (si, amount) in paid.removeValue(forKey: fi) ?? [] { left[si] += amount }
        }
    }
}
