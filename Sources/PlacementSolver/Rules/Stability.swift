import Domain
import Modeling

extension PlacementModel {
    /// `[placement] stability = "stable"` or `"fewest-blocking-pairs"`: one
    /// 0/1 variable `blocks(c)` per eligible choice c = (f, l, m) that is 1
    /// when f and m are allowed to block (one row per acceptable pair and
    /// one per fellow m would give up, in the manner of Delorme et al. 2019),
    /// so Σ blocks(c) at its minimum is the number of blocking pairs of
    /// ``BlockingPairs`` (both kinds: money is not modelled here, so a pair
    /// that would block if money allowed counts):
    ///
    ///     better(c) = Σ assign(f, c')  over f's choices c' ranked as well as l or better
    ///     kept(c)   = Σ assign(g, l, m) over new fellows g ≠ f whom m ranks as well as f or better
    ///     assign(d) ≤ better(c) + blocks(c)     for each choice d = (g, l, m), m ranking g below f
    ///     room(m)·(better(c) + blocks(c) + full(l)) + kept(c) ≥ room(m)
    ///     new(l) ≥ room(l)·full(l),  full(l) ∈ {0, 1}
    ///
    /// with room(·) the places left by continuing fellows and new(·) the new
    /// fellows placed there. The third row is the hospitals/residents
    /// stability row (Gusfield and Irving 1989; Baïou and Balinski 2000):
    /// unless f is as well off or the pair blocks, m is full of fellows m
    /// ranks at least as high as f, or l is full. Its linear relaxation is
    /// tighter than "m or l is full" with a 0/1 `full(m)` (the form used
    /// before): `kept(c)` counts only the fellows m would keep. Two
    /// reductions, each exact:
    /// - `full(l)` is left out when the lab has room for every mentor's
    ///   places (room(l) ≥ Σ room(m) over its mentors with choices): the lab
    ///   is then never full while m has room.
    /// - When fewer fellows than room(m) can be kept, m is never full of
    ///   them, and the row becomes better(c) + blocks(c) + full(l) ≥ 1.
    ///
    /// Not in the elastic model.
    mutating func addStability() {
        let s = scenario
        guard s.settings.stability != .report, !elastic else { return }
        let order = MentorOrder(s)
        var byMentor: [Int: [Int]] = [:], byLab: [Int: [Int]] = [:]
        for (ci, c) in eligibility.choices.enumerated() {
            byMentor[c.mentor, default: []].append(ci)
            byLab[c.lab, default: []].append(ci)
        }
        let continuing = eligibility.continuingWithMentor
        let roomOf = { (mi: Int) in s.mentors[mi].capacity - (continuing[s.mentors[mi].id] ?? 0) }
        var mentorRoomInLab: [Int: Int] = [:]
        for (mi, cs) in byMentor { mentorRoomInLab[eligibility.choices[cs[0]].lab, default: 0] += max(0, roomOf(mi)) }
        var fullLab: [Int: Variable] = [:]
        defer { fullVariables = fullLab }
        for (li, cs) in byLab.sorted(by: { $0.key < $1.key }) {
            let l = s.labs[li], room = l.capacity - (eligibility.continuingInLab[l.id] ?? 0)
            guard room < mentorRoomInLab[li] ?? 0 else { continue }
            let y = model.addBinary("full(\(tag(l.id)))")
            model.add(cs.sum { assign[$0] } - Double(room) * y >= 0, name: "full(\(tag(l.id)))")
            fullLab[li] = y
        }
        for c in eligibility.choices {
            let name = "\(tag(s.fellows[c.fellow].id)),\(tag(s.mentors[c.mentor].id))"
            let b = model.addBinary("blocks(\(name))")
            blockingVariables.append(b)
            let better = assigned(fellow: c.fellow) { $0.rank <= c.rank }
            let mine = order.rank(c.fellow, by: c.mentor)
            var kept = LinearExpression()
            for d in byMentor[c.mentor] ?? [] {
                let g = eligibility.choices[d].fellow
                guard g != c.fellow else { continue }
                if order.rank(g, by: c.mentor) > mine {
                    // One row per worse fellow's choice: m keeps nobody worse than f.
                    model.add(assign[d] - better - b <= 0, name: "keeps(\(name),\(tag(s.fellows[g].id)))")
                } else {
                    kept.add(1, assign[d])
                }
            }
            var excused = better + b
            if let y = fullLab[c.lab] { excused.add(1, y) }
            let room = Double(roomOf(c.mentor))
            if Double(kept.terms.count) < room {
                model.add(excused >= 1, name: "room(\(name))")
            } else {
                model.add(room * excused + kept >= room, name: "room(\(name))")
            }
        }
    }

    /// Σ blocks(c): the blocking pairs (``addStability()``).
    var blockingCount: LinearExpression { LinearExpression(sum: blockingVariables.map { (1.0, $0) }) }

    /// A starting solution for the stability model from `values` (a
    /// placement's `assign` and `unplaced` columns): `full(l)` is 1 where a
    /// lab is full, `blocks` 1 for every pair that blocks there, so every
    /// stability row holds.
    func completingStability(_ values: [Double]) -> [Double] {
        var v = values + [Double](repeating: 0, count: max(0, model.variables.count - values.count))
        let s = scenario
        let choices = eligibility.choices
        let placedAt = choices.indices.filter { v[assign[$0].index] > 0.5 }
        var newAtMentor: [Int: Int] = [:], newAtLab: [Int: Int] = [:]
        for ci in placedAt {
            newAtMentor[choices[ci].mentor, default: 0] += 1
            newAtLab[choices[ci].lab, default: 0] += 1
        }
        var labFull: [Int: Bool] = [:]
        for (li, l) in s.labs.enumerated() {
            labFull[li] = (newAtLab[li] ?? 0) >= l.capacity - (eligibility.continuingInLab[l.id] ?? 0)
        }
        for (li, y) in fullVariables { v[y.index] = labFull[li] == true ? 1 : 0 }
        var rank: [Int: Int] = [:]
        for ci in placedAt { rank[choices[ci].fellow] = choices[ci].rank }
        let order = MentorOrder(s)
        for (ci, c) in choices.enumerated() {
            if let r = rank[c.fellow], r <= c.rank { continue }
            let m = s.mentors[c.mentor]
            let mentorFull = (newAtMentor[c.mentor] ?? 0) >= m.capacity - (eligibility.continuingWithMentor[m.id] ?? 0)
            let keepsWorse = placedAt.contains {
                choices[$0].mentor == c.mentor && choices[$0].fellow != c.fellow
                    && order.rank(choices[$0].fellow, by: c.mentor) > order.rank(c.fellow, by: c.mentor)
            }
            if !(mentorFull || labFull[c.lab] == true) || keepsWorse { v[blockingVariables[ci].index] = 1 }
        }
        return v
    }
}

/// A mentor's order of the new fellows (mentor_preferences.csv): a smaller
/// rank is better; a fellow the mentor did not rank comes after every
/// ranked one, and unranked fellows are tied.
struct MentorOrder {
    private let ranks: [String: Int]
    private let scenario: Scenario

    init(_ s: Scenario) {
        scenario = s
        ranks = Dictionary(
            s.mentorPreferences.map { ("\($0.mentor)\u{1}\($0.fellow)", $0.rank) }, uniquingKeysWith: { a, _ in a })
    }

    /// Mentor `mi`'s rank of fellow `fi` (indices into the scenario).
    func rank(_ fi: Int, by mi: Int) -> Int {
        ranks["\(scenario.mentors[mi].id)\u{1}\(scenario.fellows[fi].id)"] ?? .max
    }
}
