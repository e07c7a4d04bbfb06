import Domain
import Modeling

/// A stable placement by deferred acceptance (Gale and Shapley 1962, the
/// fellows proposing), handed to GLPK as the start of the stability model
/// (`[placement] stability`), so that a stable placement is known from the
/// outset: the fewest-blocking-pairs stage then only has to confirm 0.
///
/// Each new fellow proposes to their eligible choices best rank first (among
/// equally ranked ones, mentors who rank them higher first, then input
/// order). A mentor m of lab l holds a proposal while m and l have room;
/// otherwise m gives up the fellow m ranks lowest for the proposer when m
/// ranks the proposer strictly higher (l's load is then unchanged), or the
/// proposer goes on to their next choice. Loads only grow and each mentor's
/// fellows only improve, so a fellow turned away by m never blocks with m
/// later, and every fellow holds their best choice that would take them:
/// the placement is weakly stable by the definition of ``BlockingPairs``
/// (ties in ranks broken as above). On strict lists without lab limits it
/// is the fellow-optimal stable placement.
///
/// Money, track limits and rule 8 are not considered: when the placement
/// breaks one of them, GLPK finds the start infeasible and starts without it
/// (see ``GreedyStart``); the start can cost a little time, never a wrong
/// answer. Only the integer columns are set.
enum StableStart {
    /// Values for the model's integer columns, or `nil` when a fellow who
    /// must be placed is left without a place.
    static func values(for p: PlacementModel) -> [Double]? {
        guard !p.elastic, !p.blockingVariables.isEmpty else { return nil }
        let s = p.scenario, e = p.eligibility, order = MentorOrder(s)
        var mentorRoom = s.mentors.map { $0.capacity - (e.continuingWithMentor[$0.id] ?? 0) }
        var labRoom = s.labs.map { $0.capacity - (e.continuingInLab[$0.id] ?? 0) }
        var held: [Int: [Int]] = [:]
        var next: [Int: Int] = [:]
        let lists: [Int: [Int]] = Dictionary(
            uniqueKeysWithValues: p.newFellows.map { fi -> (Int, [Int]) in
                let list = (e.choicesOfFellow[fi] ?? []).sorted { a, b in
                    let x = e.choices[a], y = e.choices[b]
                    if x.rank != y.rank { return x.rank < y.rank }
                    let rx = order.rank(fi, by: x.mentor), ry = order.rank(fi, by: y.mentor)
                    return rx != ry ? rx < ry : a < b
                }
                return (fi, list)
            })
        var free = Array(p.newFellows.reversed())
        while let fi = free.popLast() {
            let list = lists[fi] ?? []
            var position = next[fi] ?? 0
            defer { next[fi] = position }
            while position < list.count {
                let ci = list[position]
                position += 1
                let c = e.choices[ci]
                if mentorRoom[c.mentor] > 0 && labRoom[c.lab] > 0 {
                    mentorRoom[c.mentor] -= 1
                    labRoom[c.lab] -= 1
                    held[c.mentor, default: []].append(ci)
                    break
                }
                let mine = order.rank(fi, by: c.mentor)
                let others = held[c.mentor] ?? []
                guard
                    let worst = others.indices.max(by: {
                        order.rank(e.choices[others[$0]].fellow, by: c.mentor)
                            < order.rank(e.choices[others[$1]].fellow, by: c.mentor)
                    }), order.rank(e.choices[others[worst]].fellow, by: c.mentor) > mine
                else { continue }
                free.append(e.choices[others[worst]].fellow)
                held[c.mentor]![worst] = ci
                break
            }
        }
        var v = [Double](repeating: 0, count: p.model.variables.count)
        var placed = Set<Int>()
        for ci in held.values.joined() {
            v[p.assign[ci].index] = 1
            placed.insert(e.choices[ci].fellow)
        }
        for fi in p.newFellows where !placed.contains(fi) {
            guard let u = p.unplaced[fi] else { return nil }
            v[u.index] = 1
        }
        return p.completingStability(v)
    }
}
