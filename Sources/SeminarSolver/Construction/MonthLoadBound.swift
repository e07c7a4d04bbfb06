/// The least possible spread term (Σ over months of |load(m) − target(m)|)
/// over the monthly loads the talks can actually take, a lower bound on the
/// spread of every valid schedule.
///
/// Relaxation: only which months each talk may use (a month where one of
/// its open sessions lies) and each month's seats (the capacities of its
/// sessions) are kept; sessions, fellows' one talk per session and the
/// order of talks are dropped, so every valid schedule's loads are among
/// the loads allowed here. By Hall's theorem, whole loads L(m) can be taken
/// by the talks, every talk in one month it may use, exactly when
///
///     Σ_m L(m) = T,   0 ≤ L(m) ≤ seats(m),   Σ_{m ∈ S} L(m) ≤ N(S) for every set S of months,
///
/// where N(S) counts the talks that may use some month of S. These loads
/// are the bases of a polymatroid, and the spread is separable and convex
/// in them, so adding talks one at a time, each to the month where it
/// raises the spread least among those that stay within every N(S) and
/// seats(m), ends at the least spread (the greedy algorithm of Federgruen
/// and Groenevelt, 1986). The sets S are enumerated: the bound is computed
/// for at most ``maximumMonths`` months (a series of a year or so) and is
/// `nil` above, or when the talks cannot all be given a month.
struct MonthLoadBound {
    static let maximumMonths = 16

    /// - Parameters:
    ///   - monthsOf: per talk, the months (indices) of its open sessions.
    ///   - seats: per month, the capacity of its sessions.
    ///   - target: per month, its target load.
    static func least(monthsOf: [[Int]], seats: [Int], target: [Double]) -> Double? {
        let months = target.count
        guard months > 0, months <= maximumMonths, seats.count == months else { return nil }
        let full = (1 << months) - 1
        // talksWithin[X]: talks all of whose months lie in X (a subset sum over masks).
        var talksWithin = [Int](repeating: 0, count: full + 1)
        for ms in monthsOf {
            var mask = 0
            for m in ms { mask |= 1 << m }
            guard mask != 0 else { return nil }
            talksWithin[mask] += 1
        }
        for bit in 0..<months {
            for x in 0...full where x & (1 << bit) != 0 { talksWithin[x] += talksWithin[x ^ (1 << bit)] }
        }
        let total = monthsOf.count
        // slack[S] = N(S) − Σ_{m ∈ S} L(m), with N(S) = T − talks whose months all lie outside S.
        var slack = (0...full).map { total - talksWithin[full ^ $0] }
        var load = [Int](repeating: 0, count: months)
        for _ in 0..<total {
            let order = (0..<months).sorted {
                (Self.rise(load[$0], target[$0]), $0) < (Self.rise(load[$1], target[$1]), $1)
            }
            guard let m = order.first(where: { load[$0] < seats[$0] && Self.fits($0, slack: slack, full: full) })
            else { return nil }
            load[m] += 1
            for s in 0...full where s & (1 << m) != 0 { slack[s] -= 1 }
        }
        return (0..<months).reduce(0.0) { $0 + abs(Double(load[$1]) - target[$1]) }
    }

    /// How much one more talk in a month of load `load` raises its term.
    static func rise(_ load: Int, _ target: Double) -> Double {
        abs(Double(load + 1) - target) - abs(Double(load) - target)
    }

    /// Whether month `m` can take one more talk: every set of months holding it has slack.
    static func fits(_ m: Int, slack: [Int], full: Int) -> Bool {
        for s in 0...full where s & (1 << m) != 0 && slack[s] < 1 { return false }
        return true
    }
}
