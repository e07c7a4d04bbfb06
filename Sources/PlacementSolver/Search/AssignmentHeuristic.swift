/// Feasible solutions of an ``AssignmentKnapsacks`` model, for the search's
/// first incumbent and for ``LagrangianFixing``: a fill by regret (the group
/// that would lose most by waiting goes first, as in Martello and Toth's
/// heuristic for GAP), then a local search that moves one item to another
/// knapsack or exchanges the knapsacks of two groups while either improves.
struct AssignmentHeuristic {
    let shape: AssignmentKnapsacks
    init(_ shape: AssignmentKnapsacks) {
        self.shape = shape
    }

    /// Exchanges of two groups are tried only up to this many groups (their
    /// number grows with its square).
    static let maximumGroupsForExchanges = 1_500

    /// Room left in each knapsack under `choice` (negative: over capacity).
    func room(_ choice: [Int?]) -> [Int] {
        var room = shape.capacity
        for case let i? in choice where shape.knapsack[i] >= 0 { room[shape.knapsack[i]] -= shape.weight[i] }
        return room
    }

    func fits(_ i: Int, _ room: [Int], replacing old: Int? = nil) -> Bool {
        let k = shape.knapsack[i]
        guard k >= 0 else { return true }
        let freed = old.map { shape.knapsack[$0] == k ? shape.weight[$0] : 0 } ?? 0
        return shape.weight[i] <= room[k] + freed
    }

    /// Completes `partial` (items chosen per group; over-full knapsacks are
    /// emptied of their least desirable items first), filling the group with
    /// the largest regret first. `nil` if some `= 1` group finds no room.
    ///
    /// With a restriction (a subproblem of the search), only its open items
    /// are used and the groups it covers keep their item from `partial`.
    func complete(_ partial: [Int?], desirability d: [Double], within r: LagrangianBound.Restriction? = nil) -> [Int?]?
    {
        var choice = partial
        var room = room(choice)
        for k in room.indices where room[k] < 0 {
            let members = choice.indices.compactMap { g in
                r?.covered[g] == true ? nil : choice[g].flatMap { shape.knapsack[$0] == k ? g : nil }
            }
            .sorted { (d[choice[$0]!], $0) < (d[choice[$1]!], $1) }
            for g in members where room[k] < 0 {
                room[k] += shape.weight[choice[g]!]
                choice[g] = nil
            }
        }
        var open = choice.indices.filter { choice[$0] == nil }
        while !open.isEmpty {
            var pick: (position: Int, item: Int, regret: Double)?
            var closed: [Int] = []
            for (position, g) in open.enumerated() {
                var first: Int?, second: Double?
                for i in shape.itemsOfGroup[g]
                where (r?.open[i] ?? true) && fits(i, room) && (shape.groupIsEquality[g] || shape.value[i] > 0) {
                    if let f = first, d[f] >= d[i] {
                        if second.map({ d[i] > $0 }) ?? true { second = d[i] }
                    } else {
                        if let f = first { second = d[f] }
                        first = i
                    }
                }
                guard let first else {
                    if shape.groupIsEquality[g] { return nil }
                    closed.append(position)
                    continue
                }
                let regret = second.map { d[first] - $0 } ?? .infinity
                if pick.map({ regret > $0.regret }) ?? true { pick = (position, first, regret) }
            }
            if let pick {
                let g = open[pick.position]
                choice[g] = pick.item
                if shape.knapsack[pick.item] >= 0 { room[shape.knapsack[pick.item]] -= shape.weight[pick.item] }
                closed.append(pick.position)
            }
            for position in closed.sorted(by: >) { open.remove(at: position) }
        }
        return choice
    }

    /// Feasible solutions from a relaxation's choice (`taken` items), two
    /// ways: keep one taken item per group and fill the rest by regret, or
    /// give every `= 1` group an item (its taken one, else its most
    /// desirable) and repair the knapsacks that overflow. Each is improved;
    /// the better is returned (`nil` if both fail).
    func solution(
        fromRelaxation taken: [Bool], desirability d: [Double],
        within r: LagrangianBound.Restriction? = nil
    ) -> [Int?]? {
        var partial = r?.fixedItem ?? [Int?](repeating: nil, count: shape.groupCount)
        var full = partial
        for g in partial.indices where partial[g] == nil {
            let items = shape.itemsOfGroup[g].filter { r?.open[$0] ?? true }
            let byValue: (Int, Int) -> Bool = { (shape.value[$0], -$0) < (shape.value[$1], -$1) }
            partial[g] = items.filter { taken[$0] }.max(by: byValue)
            full[g] = partial[g] ?? (shape.groupIsEquality[g] ? items.max { (d[$0], -$0) < (d[$1], -$1) } : nil)
        }
        var candidates: [[Int?]] = []
        if var c = complete(partial, desirability: d, within: r) {
            improve(&c, within: r)
            candidates.append(c)
        }
        if repair(&full, within: r) {
            improve(&full, within: r)
            candidates.append(full)
        }
        // Only solutions: every knapsack within capacity, every `= 1` group served.
        return candidates.filter { c in
            room(c).allSatisfy { $0 >= 0 } && c.indices.allSatisfy { c[$0] != nil || !shape.groupIsEquality[$0] }
        }
        .max {
            shape.objective(of: $0) * (shape.minimize ? -1 : 1) < shape.objective(of: $1) * (shape.minimize ? -1 : 1)
        }
    }

    /// Makes `choice` (an item for every group, knapsacks possibly over
    /// capacity: a relaxation's choice) feasible: while a knapsack is over,
    /// moves one of its groups elsewhere, or exchanges one with a group of
    /// another knapsack, whichever loses least value per unit of excess
    /// removed. `false` if it gets stuck. On tight instances (OR-Library D)
    /// the regret fill of ``complete(_:desirability:within:)`` often finds no
    /// room for the last groups; this starts from where the relaxation is and
    /// only gives up what it must.
    func repair(_ choice: inout [Int?], within r: LagrangianBound.Restriction? = nil) -> Bool {
        var room = room(choice)
        func open(_ i: Int) -> Bool { r?.open[i] ?? true }
        func locked(_ g: Int) -> Bool { r?.covered[g] ?? false }
        let exchanges = shape.groupCount <= Self.maximumGroupsForExchanges
        var membersOf = [[Int]](repeating: [], count: shape.itemsOfKnapsack.count)
        for (g, c) in choice.enumerated() {
            if let c, shape.knapsack[c] >= 0 { membersOf[shape.knapsack[c]].append(g) }
        }
        for _ in 0..<(4 * shape.groupCount + 10) {
            guard let k = room.indices.filter({ room[$0] < 0 }).min(by: { (room[$0], $0) < (room[$1], $1) }) else {
                return true
            }
            let excess = -room[k]
            // (loss per unit removed, group, new item, other group, its new item)
            var best: (score: Double, g: Int, i: Int, h: Int?, j: Int?)?
            for g in membersOf[k] where !locked(g) {
                let a = choice[g]!
                for i in shape.itemsOfGroup[g] where i != a && open(i) && shape.knapsack[i] != k {
                    let k2 = shape.knapsack[i]
                    guard k2 < 0 || shape.weight[i] <= room[k2] else { continue }
                    let score = (shape.value[a] - shape.value[i]) / Double(min(shape.weight[a], excess))
                    if best.map({ score < $0.score }) ?? true { best = (score, g, i, nil, nil) }
                }
            }
            if best == nil && exchanges {
                for g in membersOf[k] where !locked(g) {
                    let a = choice[g]!
                    for k2 in membersOf.indices where k2 != k {
                        guard let b = shape.bestItem(g, in: k2), open(b) else { continue }
                        for h in membersOf[k2] where !locked(h) {
                            let c = choice[h]!
                            guard let d = shape.bestItem(h, in: k), open(d) else { continue }
                            let removed = shape.weight[a] - shape.weight[d]
                            guard removed > 0, room[k2] + shape.weight[c] - shape.weight[b] >= 0 else { continue }
                            let loss = shape.value[a] + shape.value[c] - shape.value[b] - shape.value[d]
                            let score = loss / Double(min(removed, excess))
                            if best.map({ score < $0.score }) ?? true { best = (score, g, b, h, d) }
                        }
                    }
                }
            }
            guard let move = best else { return false }
            for (g, i) in [(move.g, move.i)] + (move.h.map { [($0, move.j!)] } ?? []) {
                let old = choice[g]!
                let k1 = shape.knapsack[old], k2 = shape.knapsack[i]
                if k1 >= 0 {
                    room[k1] += shape.weight[old]
                    membersOf[k1].removeAll { $0 == g }
                }
                if k2 >= 0 {
                    room[k2] -= shape.weight[i]
                    membersOf[k2].append(g)
                }
                choice[g] = i
            }
        }
        return room.allSatisfy { $0 >= 0 }
    }

    /// Moves one group to a better item, or exchanges the knapsacks of two
    /// groups, while the objective improves; within a restriction, only
    /// among its open items.
    func improve(_ choice: inout [Int?], within r: LagrangianBound.Restriction? = nil) {
        var room = room(choice)
        let exchanges = shape.groupCount <= Self.maximumGroupsForExchanges
        func open(_ i: Int) -> Bool { r?.open[i] ?? true }
        func locked(_ g: Int) -> Bool { r?.covered[g] ?? false }
        for _ in 0..<100 {
            var improved = false
            for g in choice.indices where !locked(g) {
                let old = choice[g]
                var best = old.map { shape.value[$0] } ?? 0
                var move: Int??
                if let old, !shape.groupIsEquality[g], shape.value[old] < 0 {
                    best = 0
                    move = .some(nil)
                }
                for i in shape.itemsOfGroup[g]
                where i != old && open(i) && shape.value[i] > best + 1e-9 && fits(i, room, replacing: old) {
                    best = shape.value[i]
                    move = i
                }
                guard let move else { continue }
                if let old, shape.knapsack[old] >= 0 { room[shape.knapsack[old]] += shape.weight[old] }
                if let i = move, shape.knapsack[i] >= 0 { room[shape.knapsack[i]] -= shape.weight[i] }
                choice[g] = move
                improved = true
            }
            if exchanges {
                for g1 in choice.indices where !locked(g1) {
                    guard let a1 = choice[g1], case let k1 = shape.knapsack[a1], k1 >= 0 else { continue }
                    for g2 in (g1 + 1)..<choice.count where !locked(g2) {
                        guard let a2 = choice[g2], case let k2 = shape.knapsack[a2], k2 >= 0, k2 != k1,
                            let b1 = shape.bestItem(g1, in: k2), let b2 = shape.bestItem(g2, in: k1),
                            open(b1), open(b2)
                        else { continue }
                        let gain = shape.value[b1] + shape.value[b2] - shape.value[a1] - shape.value[a2]
                        guard gain > 1e-9,
                            room[k1] + shape.weight[a1] - shape.weight[b2] >= 0,
                            room[k2] + shape.weight[a2] - shape.weight[b1] >= 0
                        else { continue }
                        room[k1] += shape.weight[a1] - shape.weight[b2]
                        room[k2] += shape.weight[a2] - shape.weight[b1]
                        choice[g1] = b1
                        choice[g2] = b2
                        improved = true
                        break
                    }
                }
            }
            if !improved { return }
        }
    }
}
