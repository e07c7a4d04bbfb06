import Domain

/// Committees chosen under prices on the members' seats (a Lagrangian
/// heuristic), for programs whose members run out: there the direct
/// committees, taken one fellow after another, give the scarce seats to
/// whoever comes first, and the total expertise falls well short of what
/// the loads allow.
///
/// The total stage is `max Σ_f Σ_p e_fp x_fp` over valid committees with
/// `Σ_f x_fp ≤ committee_load_p` for every member p. Moving the loads into
/// the objective with a price `λ_p ≥ 0` per member leaves one problem per
/// fellow: the valid committee of most `Σ_{p in it} (e_fp − λ_p)`, its worth
/// `π_f`. The relaxation forms the fellows of positive worth, at least the
/// `K` of most worth (`K` the committees the start forms), and its upper
/// value is `U = Σ_p λ_p · committee_load_p + Σ_{f formed} π_f`. Each round
/// the prices take a subgradient step: with `g_p = Σ_f x_fp − committee_load_p`
/// (the seats the relaxation wants of p beyond p's load; for a member
/// priced 0, only a positive `g_p` counts), `λ_p ← max(0, λ_p + s · g_p)`,
/// `s = θ · (U − T) / Σ_p g_p²` (Polyak's step, `T` the best total found;
/// `θ` starts at 1/2 and halves after ``patience`` rounds without a lower `U`).
///
/// After each step the committees are chosen for real: fellows in order of
/// `π_f`, highest first (those the prices leave without one last), each
/// taking over the loads left the committee of most worth at the prices
/// (or, when the prices leave none, of most expertise), of expertise at
/// least the start's worst. So a scarce member goes to the fellows who gain
/// most from them, and a fellow whose committee is worth less than the
/// scarce seats it takes waits. When that forms fewer than `K` (the last
/// seats of a member stranded where no fellow left can use them), a fellow
/// left out may take a formed fellow's members if that fellow then finds
/// another committee (``completed(_:in:_:pool:settings:floor:formed:)``).
/// Last, each fellow in turn gives up their
/// committee and takes the best over the loads now left, if it has more
/// expertise (``polished(_:_:pool:settings:floor:)``).
///
/// Every committee is valid and no worse-served than the start's worst; the
/// result replaces the start only when the stages' order
/// (``DirectCommittees/key``) prefers it. `U` is no bound (each fellow's
/// problem is solved over short lists, with the worst's floor), so nothing
/// here is claimed best: ``CommitteeFormer`` still compares with
/// ``CommitteeBounds`` and solves the model for the stages not reached.
struct PricedCommittees {
    /// Price steps, at most.
    static let rounds = 12
    /// Rounds without a lower `U` before `θ` halves.
    static let patience = 4

    /// `start`, or better committees for `open` found under prices.
    static func improve(
        _ start: DirectCommittees, _ open: [CommitteeCandidates], pool: [CommitteeMember],
        settings: CommitteeSettings, bounds: CommitteeBounds, budget: TimeBudget = TimeBudget()
    ) -> DirectCommittees {
        guard start.formed > 0 else { return start }
        let floor = start.worst ?? 0
        var best = start
        var prices = [Double](repeating: 0, count: pool.count)
        var theta = 0.5, lowest = Double.infinity, stale = 0
        for _ in 0..<rounds where !budget.isSpent {
            let relaxed = relaxation(open, pool: pool, settings: settings, bounds: bounds, prices: prices, floor: floor)
            let upper = relaxed.value(formed: start.formed, prices: prices, pool: pool)
            var tried = committees(
                in: relaxed.order, open, pool: pool, settings: settings, bounds: bounds, prices: prices,
                floor: floor)
            if tried.formed < start.formed {
                tried = completed(
                    tried, in: relaxed.order, open, pool: pool, settings: settings, floor: floor,
                    formed: start.formed)
            }
            if tried.key > best.key { best = tried }
            if upper < lowest - 1e-9 {
                (lowest, stale) = (upper, 0)
            } else {
                stale += 1
                if stale >= patience { (theta, stale) = (theta / 2, 0) }
            }
            let g = relaxed.excess(formed: start.formed, prices: prices, pool: pool)
            let norm = g.reduce(0) { $0 + $1 * $1 }
            guard norm > 0 else { break }
            let step = theta * max(upper - Double(best.total), 1) / norm
            for p in prices.indices { prices[p] = max(0, prices[p] + step * g[p]) }
        }
        let polished = polished(best, open, pool: pool, settings: settings, floor: floor)
        return polished.key > best.key ? polished : best
    }

    /// Each fellow's best committee at `prices`, loads aside.
    struct Relaxation {
        /// Per fellow, the committee of most worth (`nil`: none at the floor).
        let choices: [DirectCommittees.Choice?]
        let worth: [Double]

        /// Fellows with a committee by worth, highest first, then the others.
        let order: [Int]

        init(choices: [DirectCommittees.Choice?], worth: [Double]) {
            self.choices = choices
            self.worth = worth
            let priced = choices.indices.filter { choices[$0] != nil }.sorted { (-worth[$0], $0) < (-worth[$1], $1) }
            order = priced + choices.indices.filter { choices[$0] == nil }
        }

        /// The fellows the relaxation forms: positive worth, at least `k`.
        func formed(_ k: Int) -> [Int] {
            let priced = order.filter { choices[$0] != nil }
            return priced.enumerated().filter { n, i in n < k || worth[i] > 0 }.map(\.1)
        }

        /// `U`.
        func value(formed k: Int, prices: [Double], pool: [CommitteeMember]) -> Double {
            let seats = pool.indices.reduce(0.0) { $0 + prices[$1] * Double(pool[$1].load) }
            return formed(k).reduce(seats) { $0 + worth[$1] }
        }

        /// `g`: seats wanted beyond each member's load.
        func excess(formed k: Int, prices: [Double], pool: [CommitteeMember]) -> [Double] {
            var g = pool.map { -Double($0.load) }
            for i in formed(k) { for p in choices[i]?.members ?? [] { g[p] += 1 } }
            for p in g.indices where prices[p] == 0 && g[p] < 0 { g[p] = 0 }
            return g
        }
    }

    static func relaxation(
        _ open: [CommitteeCandidates], pool: [CommitteeMember], settings: CommitteeSettings, bounds: CommitteeBounds,
        prices: [Double], floor: Int
    ) -> Relaxation {
        var unlimited = DirectCommittees(loads: Array(repeating: 0, count: pool.count))
        unlimited.spareChairs = bounds.chairsBind
        let fixed = unlimited
        let choices = ParallelWork.map(open) {  // each fellow's own problem, loads aside: on both cores
            fixed.choose($0, pool: pool, settings: settings, minimum: floor, prices: prices)
        }
        let worth = zip(open, choices).map { c, choice in
            choice.map { $0.members.reduce(0.0) { $0 + Double(c.expertise[$1]) - prices[$1] } } ?? 0
        }
        return Relaxation(choices: choices, worth: worth)
    }

    /// Committees chosen in `order` over the loads left, at `prices`.
    static func committees(
        in order: [Int], _ open: [CommitteeCandidates], pool: [CommitteeMember], settings: CommitteeSettings,
        bounds: CommitteeBounds, prices: [Double], floor: Int
    ) -> DirectCommittees {
        var d = DirectCommittees(loads: Array(repeating: 0, count: pool.count))
        d.chosen = Array(repeating: nil, count: open.count)
        d.spareChairs = bounds.chairsBind
        for i in order {
            let choice =
                d.choose(open[i], pool: pool, settings: settings, minimum: floor, prices: prices)
                ?? d.choose(open[i], pool: pool, settings: settings, minimum: floor)
            if let choice { d.seat(choice, for: i) }
        }
        return d
    }

    /// Tries, at most, of ``completed(_:in:_:pool:settings:floor:formed:)``.
    static let repairLimit = 2_000

    /// `d` with more fellows formed, up to `k`, where a fellow left out can
    /// take members of a formed fellow who then finds another committee over
    /// the loads left (at most ``repairLimit`` such tries, fellows left out in
    /// `order`, formed fellows by least expertise first).
    static func completed(
        _ d: DirectCommittees, in order: [Int], _ open: [CommitteeCandidates], pool: [CommitteeMember],
        settings: CommitteeSettings, floor: Int, formed k: Int
    ) -> DirectCommittees {
        var d = d
        var tries = 0
        let givers = open.indices.filter { d.chosen[$0] != nil }.sorted {
            (d.chosen[$0]?.expertise ?? 0, $0) < (d.chosen[$1]?.expertise ?? 0, $1)
        }
        for g in order where d.chosen[g] == nil && d.formed < k && tries < repairLimit {
            for f in givers where tries < repairLimit {
                guard d.chosen[f] != nil else { continue }
                tries += 1
                var trial = d
                trial.unseat(f)
                guard let mine = trial.choose(open[g], pool: pool, settings: settings, minimum: floor) else { continue }
                trial.seat(mine, for: g)
                guard let other = trial.choose(open[f], pool: pool, settings: settings, minimum: floor) else {
                    continue
                }
                trial.seat(other, for: f)
                d = trial
                break
            }
        }
        return d
    }

    /// `d` with each fellow's committee in turn replaced by the one of most
    /// expertise over the loads left and its own members, when that has more.
    static func polished(
        _ d: DirectCommittees, _ open: [CommitteeCandidates], pool: [CommitteeMember], settings: CommitteeSettings,
        floor: Int
    ) -> DirectCommittees {
        var d = d
        for i in open.indices {
            guard let mine = d.chosen[i] else { continue }
            let freed = Set(mine.members)
            guard let other = d.choose(open[i], pool: pool, settings: settings, minimum: floor, freed: freed),
                other.expertise > mine.expertise
            else { continue }
            d.unseat(i)
            d.seat(other, for: i)
        }
        return d
    }
}
