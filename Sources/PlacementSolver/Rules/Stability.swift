import Modeling

extension PlacementModel {
    /// `[placement] stability = "stable"` or `"fewest-blocking-pairs"`: one
    /// 0/1 variable `blocks(c)` per eligible choice c = (f, l, m) that is 1
    /// when f and m are allowed to block (one row pair per acceptable pair,
    /// in the manner of Delorme et al. 2019), so Σ blocks(c) at its minimum
    /// is the number of blocking pairs of ``BlockingPairs`` (both kinds:
    /// money is not modelled here, so a pair that would block if money
    /// allowed counts):
    ///
    ///     better(c) = Σ assign(f, c')  over f's choices c' ranked as well as l or better
    ///     worse(c)  = Σ assign(g, l, m) over new fellows g ≠ f whom m ranks below f
    ///     assign(d) ≤ better(c) + blocks(c)   for each choice d in worse(c): m keeps nobody worse than f
    ///     full(m) + full(l) + better(c) + blocks(c) ≥ 1          or m or l is full
    ///     new(m) ≥ room(m)·full(m),  new(l) ≥ room(l)·full(l)    full(·) ∈ {0, 1}
    ///
    /// with room(·) the places left by continuing fellows and new(·) the new
    /// fellows placed there. Not in the elastic model.
    mutating func addStability() {
        let s = scenario
        guard s.settings.stability != .report, !elastic else { return }
        let mentorRank = Dictionary(
            s.mentorPreferences.map { ("\($0.mentor)\u{1}\($0.fellow)", $0.rank) }, uniquingKeysWith: { a, _ in a })
        func rank(_ fi: Int, by mi: Int) -> Int { mentorRank["\(s.mentors[mi].id)\u{1}\(s.fellows[fi].id)"] ?? .max }
        var byMentor: [Int: [Int]] = [:], byLab: [Int: [Int]] = [:]
        for (ci, c) in eligibility.choices.enumerated() {
            byMentor[c.mentor, default: []].append(ci)
            byLab[c.lab, default: []].append(ci)
        }
        var fullMentor: [Int: Variable] = [:], fullLab: [Int: Variable] = [:]
        defer { fullVariables = (fullMentor, fullLab) }
        for (mi, cs) in byMentor.sorted(by: { $0.key < $1.key }) {
            let m = s.mentors[mi], room = m.capacity - (eligibility.continuingWithMentor[m.id] ?? 0)
            let y = model.addBinary("full(\(tag(m.id)))")
            model.add(cs.sum { assign[$0] } - Double(room) * y >= 0, name: "full(\(tag(m.id)))")
            fullMentor[mi] = y
        }
        for (li, cs) in byLab.sorted(by: { $0.key < $1.key }) {
            let l = s.labs[li], room = l.capacity - (eligibility.continuingInLab[l.id] ?? 0)
            let y = model.addBinary("full(\(tag(l.id)))")
            model.add(cs.sum { assign[$0] } - Double(room) * y >= 0, name: "full(\(tag(l.id)))")
            fullLab[li] = y
        }
        for (ci, c) in eligibility.choices.enumerated() {
            let name = "\(tag(s.fellows[c.fellow].id)),\(tag(s.mentors[c.mentor].id))"
            let b = model.addBinary("blocks(\(name))")
            blockingVariables.append(b)
            let better = assigned(fellow: c.fellow) { $0.rank <= c.rank }
            let mine = rank(c.fellow, by: c.mentor)
            let worse = (byMentor[c.mentor] ?? []).filter {
                let g = eligibility.choices[$0].fellow
                return g != c.fellow && rank(g, by: c.mentor) > mine
            }
            // One row per worse fellow's choice: tighter than their sum against room(m)·(better + blocks).
            for d in worse {
                let g = tag(s.fellows[eligibility.choices[d].fellow].id)
                model.add(assign[d] - better - b <= 0, name: "keeps(\(name),\(g))")
            }
            model.add(
                LinearExpression(fullMentor[c.mentor]!) + LinearExpression(fullLab[c.lab]!) + better + b >= 1,
                name: "room(\(name))")
        }
    }

    /// Σ blocks(c): the blocking pairs (``addStability()``).
    var blockingCount: LinearExpression { LinearExpression(sum: blockingVariables.map { (1.0, $0) }) }

    /// A starting solution for the stability model from `values` (a greedy
    /// placement's): `full` is 1 where a mentor or lab is full, `blocks` 1
    /// for every pair that blocks there, so every stability row holds.
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
        for (mi, y) in fullVariables.mentors {
            let m = s.mentors[mi]
            let room = m.capacity - (eligibility.continuingWithMentor[m.id] ?? 0)
            v[y.index] = (newAtMentor[mi] ?? 0) >= room ? 1 : 0
        }
        for (li, y) in fullVariables.labs {
            let l = s.labs[li]
            let room = l.capacity - (eligibility.continuingInLab[l.id] ?? 0)
            v[y.index] = (newAtLab[li] ?? 0) >= room ? 1 : 0
        }
        var rank: [Int: Int] = [:]
        for ci in placedAt { rank[choices[ci].fellow] = choices[ci].rank }
        let mentorRank = Dictionary(
            s.mentorPreferences.map { ("\($0.mentor)\u{1}\($0.fellow)", $0.rank) }, uniquingKeysWith: { a, _ in a })
        func ranked(_ fi: Int, by mi: Int) -> Int { mentorRank["\(s.mentors[mi].id)\u{1}\(s.fellows[fi].id)"] ?? .max }
        for (ci, c) in choices.enumerated() {
            if let r = rank[c.fellow], r <= c.rank { continue }
            let full = v[fullVariables.mentors[c.mentor]!.index] + v[fullVariables.labs[c.lab]!.index] > 0.5
            let keepsWorse = placedAt.contains {
                choices[$0].mentor == c.mentor && choices[$0].fellow != c.fellow
                    && ranked(choices[$0].fellow, by: c.mentor) > ranked(c.fellow, by: c.mentor)
            }
            if !full || keepsWorse { v[blockingVariables[ci].index] = 1 }
        }
        return v
    }
}
