/// One talk's open sessions (indices), in ascending order, without a copy of
/// its kind's list: that list, shared by every talk of the kind, less the
/// sessions the talk's people are away for (runs of positions in it, see
/// ``AwaySessions``), plus any session a re-plan keeps for the talk that the
/// list lacks.
///
/// A consortium's weekly series has thousands of sessions and of talks:
/// one array per talk held a copy of nearly the whole list each (about
/// 0.9 GB at 12,500 talks and 8,929 sessions); here a talk holds only what
/// sets it apart, and an away date (some two hundred sessions there) is one
/// run. Membership is a binary search, not a scan.
public struct OpenSessions: Sequence, Sendable, Equatable {
    /// The kind's open sessions, ascending (shared, never copied).
    let base: [Int]
    /// Runs of positions in `base` left out: ascending, disjoint, non-touching.
    let skipped: [Range<Int>]
    /// How many positions `skipped` holds.
    private let skippedCount: Int
    /// Sessions added that `base` lacks (or leaves out), ascending.
    private(set) var added: [Int] = []

    /// Exactly `sessions`, which must be ascending.
    public init(_ sessions: [Int]) {
        base = sessions
        skipped = []
        skippedCount = 0
    }

    /// `base` (ascending) less the sessions of `away` it holds: each run of
    /// sessions `a..<b` is the run of positions from the first of `base` at
    /// or after `a` to the first at or after `b`.
    init(_ base: [Int], without away: AwaySessions) {
        self.base = base
        var runs: [Range<Int>] = []
        for run in away.runs {
            let from = Self.firstPosition(atLeast: run.lowerBound, in: base)
            let to = Self.firstPosition(atLeast: run.upperBound, in: base)
            guard from < to else { continue }
            if let last = runs.last, last.upperBound == from {
                runs[runs.count - 1] = last.lowerBound..<to
            } else {
                runs.append(from..<to)
            }
        }
        skipped = runs
        skippedCount = runs.map(\.count).reduce(0, +)
    }

    /// The same sessions, however each list is held.
    public static func == (a: OpenSessions, b: OpenSessions) -> Bool { a.count == b.count && a.elementsEqual(b) }

    public var count: Int { base.count - skippedCount + added.count }
    public var isEmpty: Bool { count == 0 }

    public func contains(_ session: Int) -> Bool {
        if let p = Self.position(of: session, in: base), !isSkipped(p) { return true }
        return Self.position(of: session, in: added) != nil
    }

    /// `session` made open (a kept session the talk's people are now away for).
    mutating func insert(_ session: Int) {
        guard !contains(session) else { return }
        added.insert(session, at: added.firstIndex { $0 > session } ?? added.count)
    }

    /// Whether position `p` of `base` is in a run of `skipped`: a binary search.
    private func isSkipped(_ p: Int) -> Bool {
        var low = 0, high = skipped.count
        while low < high {
            let mid = (low + high) / 2
            if skipped[mid].upperBound <= p { low = mid + 1 } else { high = mid }
        }
        return low < skipped.count && skipped[low].contains(p)
    }

    /// Where `x` is in ascending `list`, by binary search.
    static func position(of x: Int, in list: [Int]) -> Int? {
        let low = firstPosition(atLeast: x, in: list)
        return low < list.count && list[low] == x ? low : nil
    }

    /// The first position of ascending `list` whose value is at least `x`
    /// (`list.count` when none is), by binary search.
    static func firstPosition(atLeast x: Int, in list: [Int]) -> Int {
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if list[mid] < x { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The months (ascending) that hold at least one of these sessions,
    /// where month m is the run of sessions `bounds[m]..<bounds[m + 1]`:
    /// for each month, the positions of `base` in it less those `skipped`
    /// leaves out, or an `added` session in it. Costs a few binary searches
    /// per month, not a pass over the sessions.
    func months(bounds: [Int]) -> [Int] {
        guard bounds.count > 1 else { return [] }
        return (0..<(bounds.count - 1)).filter { m in
            let lo = Self.firstPosition(atLeast: bounds[m], in: base)
            let hi = Self.firstPosition(atLeast: bounds[m + 1], in: base)
            var held = hi - lo
            for run in skipped where run.lowerBound < hi && run.upperBound > lo {
                held -= Swift.min(run.upperBound, hi) - Swift.max(run.lowerBound, lo)
            }
            return held > 0
                || Self.firstPosition(atLeast: bounds[m], in: added)
                    < Self.firstPosition(atLeast: bounds[m + 1], in: added)
        }
    }

    /// How many of `sets` hold each session (`0..<sessions`). Sets sharing
    /// one list (by identity, as every talk of a kind does) count it once
    /// for all of them, less the runs each leaves out (a difference array
    /// over the list's positions), plus the sessions each adds; so the cost
    /// is each distinct list's length and every set's runs, not a pass over
    /// every set's sessions.
    static func coverage(_ sets: [OpenSessions], sessions: Int) -> [Int] {
        var count = [Int](repeating: 0, count: sessions)
        var lists: [(base: [Int], address: UInt, users: Int, change: [Int])] = []
        for set in sets {
            // One array by its storage, not by value: two kinds' equal lists are two lists
            // (counted apart, the same sums), never compared element by element.
            let address = set.base.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
            var k = lists.firstIndex { $0.address == address && $0.base.count == set.base.count } ?? lists.count
            if k == lists.count {
                lists.append((set.base, address, 0, Array(repeating: 0, count: set.base.count + 1)))
                k = lists.count - 1
            }
            lists[k].users += 1
            for run in set.skipped {
                lists[k].change[run.lowerBound] -= 1
                lists[k].change[run.upperBound] += 1
            }
            for s in set.added { count[s] += 1 }
        }
        for list in lists {
            var holding = list.users
            for (p, s) in list.base.enumerated() {
                holding += list.change[p]
                count[s] += holding
            }
        }
        return count
    }

    public func makeIterator() -> Iterator { Iterator(base: base, skipped: skipped, added: added) }

    /// Merges `base` less `skipped` with `added`, in ascending order.
    public struct Iterator: IteratorProtocol {
        let base: [Int], skipped: [Range<Int>], added: [Int]
        var i = 0, j = 0, k = 0
        /// The first position of the next run of `base` to leave out (`Int.max`: none).
        var skip: Int

        init(base: [Int], skipped: [Range<Int>], added: [Int]) {
            (self.base, self.skipped, self.added) = (base, skipped, added)
            skip = skipped.first?.lowerBound ?? .max
        }

        public mutating func next() -> Int? {
            if i == skip {
                i = skipped[j].upperBound
                j += 1
                skip = j < skipped.count ? skipped[j].lowerBound : .max
            }
            if k < added.count && (i >= base.count || added[k] < base[i]) {
                k += 1
                return added[k - 1]
            }
            guard i < base.count else { return nil }
            i += 1
            return base[i - 1]
        }
    }

    public var underestimatedCount: Int { count }
}
