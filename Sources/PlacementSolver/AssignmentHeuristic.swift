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
    func complete(_ partial: [Int?], desirability d: [Double]) -> [Int?]? {
        var choice = partial
        var room = room(choice)
        for k in room.indices where room[k] < 0 {
            let members = choice.indices.compactMap { g in choice[g].flatMap { shape.knapsack[$0] == k ? g : nil } }
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
                for i in shape.itemsOfGroup[g] where fits(i, room) && (shape.groupIsEquality[g] || shape.value[i] > 0) {
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

    /// Moves one group to a better item, or exchanges the knapsacks of two
    /// groups, while the objective improves.
    func improve(_ choice: inout [Int?]) {
        var room = room(choice)
        let exchanges = shape.groupCount <= Self.maximumGroupsForExchanges
        for _ in 0..<100 {
            var improved = false
            for g in choice.indices {
                let old = choice[g]
                var best = old.map { shape.value[$0] } ?? 0
                var move: Int??
                if let old, !shape.groupIsEquality[g], shape.value[old] < 0 { best = 0; move = .some(nil) }
                for i in shape.itemsOfGroup[g] where i != old && shape.value[i] > best + 1e-9 && fits(i, room, replacing: old) {
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
                for g1 in choice.indices {
                    guard let a1 = choice[g1], case let k1 = shape.knapsack[a1], k1 >= 0 else { continue }
                    for g2 in (g1 + 1)..<choice.count {
                        guard let a2 = choice[g2], case let k2 = shape.knapsack[a2], k2 >= 0, k2 != k1,
                              let b1 = shape.bestItem(g1, in: k2), let b2 = shape.bestItem(g2, in: k1) else { continue }
                        let gain = shape.value[b1] + shape.value[b2] - shape.value[a1] - shape.value[a2]
                        guard gain > 1e-9,
                              room[k1] + shape.weight[a1] - shape.weight[b2] >= 0,
                              room[k2] + shape.weight[a2] - shape.weight[b1] >= 0 else { continue }
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
