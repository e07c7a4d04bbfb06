import Domain

/// Committees chosen directly when members run out before every fellow has
/// one, aimed at the worst-served fellow's bound.
///
/// The two tries of ``DirectCommittees/best(_:pool:settings:bounds:)`` give
/// fellows in turn their best committee; when the scarce members (the
/// externals' loads, say) are used up, the fellows served late get none, and
/// those served early may have taken the members a weaker fellow needed: the
/// worst formed committee can then fall far below what K committees allow,
/// `t_K` = ``CommitteeBounds/worst(forming:)`` (K the committees the tries
/// formed). This third try fixes the level first. For t from `t_K` down (at
/// most ``levelsTried`` levels, each above the tries' worst):
///
/// 1. every fellow whose `best_f ≥ t`, in fellows.csv order, takes its best
///    committee of expertise at least t over its short lists, until K are
///    formed;
/// 2. a fellow still without one may have members freed for it: a fellow
///    holding member p moves to a member q with load left in p's place (q
///    of p's kind and among its own candidates, its committee still meeting
///    every rule with expertise at least t); at most ``freeingLimit``
///    fellows are tried.
///
/// The first level at which K committees are formed is kept when it beats
/// the tries (``DirectCommittees/key``). Nothing here is claimed best:
/// ``CommitteeFormer`` proves a stage only when it reaches its bound.
extension DirectCommittees {
    /// Levels of t tried below the bound, at most.
    static let levelsTried = 3
    /// Fellows left without a committee for whom members are freed, at most, per level.
    static let freeingLimit = 64

    /// The committees of the first level that forms as many as `tries`,
    /// or `nil` (every fellow formed already, or no level reached).
    static func sharedOut(
        _ open: [CommitteeCandidates], pool: [CommitteeMember], settings: CommitteeSettings, bounds: CommitteeBounds,
        after tries: DirectCommittees
    ) -> DirectCommittees? {
        let k = tries.formed
        guard k > 0, k < open.count else { return nil }
        let top = bounds.worst(forming: k), above = (tries.worst ?? 0) + 1
        guard top >= above else { return nil }
        for t in stride(from: top, through: max(above, top - levelsTried + 1), by: -1) {
            let level = DirectCommittees(open, pool: pool, settings: settings, bounds: bounds, atLeast: t, forming: k)
            if level.formed == k { return level }
        }
        return nil
    }

    /// At most `k` committees, each of expertise at least `t` (steps 1 and 2).
    init(
        _ open: [CommitteeCandidates], pool: [CommitteeMember], settings: CommitteeSettings, bounds: CommitteeBounds,
        atLeast t: Int, forming k: Int
    ) {
        chosen = Array(repeating: nil, count: open.count)
        loads = Array(repeating: 0, count: pool.count)
        spareChairs = bounds.chairsBind
        var formed = 0
        for i in open.indices where bounds.best[i] >= t && formed < k {
            guard let choice = choose(open[i], pool: pool, settings: settings, minimum: t) else { continue }
            seat(choice, for: i)
            formed += 1
        }
        var tried = 0
        for i in open.indices where formed < k && chosen[i] == nil && bounds.best[i] >= t {
            guard tried < Self.freeingLimit else { break }
            tried += 1
            if freeing(for: i, open, pool: pool, settings: settings, atLeast: t) { formed += 1 }
        }
    }

    /// Gives fellow `i` a committee of expertise at least `t`, moving other
    /// fellows off the members it needs that have no load left; unchanged
    /// and false when that fails (a member that cannot be freed is not
    /// counted on again, four committees tried at most).
    private mutating func freeing(
        for i: Int, _ open: [CommitteeCandidates], pool: [CommitteeMember], settings: CommitteeSettings,
        atLeast t: Int
    ) -> Bool {
        let c = open[i]
        var freed = Set((c.readers + c.externals).filter { loads[$0] >= pool[$0].load })
        for _ in 0..<4 {
            guard let choice = choose(c, pool: pool, settings: settings, minimum: t, freed: freed) else { return false }
            var trial = self
            let stuck = choice.members.first { p in
                trial.loads[p] >= pool[p].load
                    && !trial.move(off: p, sparing: choice.members, open, pool: pool, atLeast: t)
            }
            guard let stuck else {
                trial.seat(choice, for: i)
                self = trial
                return true
            }
            freed.remove(stuck)
        }
        return false
    }

    /// Moves the first fellow (in fellows.csv order) who can leave member
    /// `p` for a member with load left, as step 2 says, never for one of
    /// `spared` (the committee being freed for counts on their load); false
    /// when none can.
    private mutating func move(
        off p: Int, sparing spared: [Int], _ open: [CommitteeCandidates], pool: [CommitteeMember], atLeast t: Int
    )
        -> Bool
    {
        for g in chosen.indices {
            guard let held = chosen[g], held.members.contains(p) else { continue }
            let c = open[g]
            for q in pool[p].external ? c.externals : c.readers
            where loads[q] < pool[q].load && !held.members.contains(q) && !spared.contains(q) {
                let members = held.members.map { $0 == p ? q : $0 }
                guard let moved = valid(members, c, pool: pool, minimum: t) else { continue }
                loads[p] -= 1
                loads[q] += 1
                chosen[g] = moved
                return true
            }
        }
        return false
    }
}
