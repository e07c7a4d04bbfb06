/// One talk's open sessions (indices), in ascending order, without a copy of
/// its kind's list: that list, shared by every talk of the kind, less the
/// few sessions the talk's people are away for (their positions in it), plus
/// any session a re-plan keeps for the talk that the list lacks.
///
/// A consortium's weekly series has thousands of sessions and of talks:
/// one array per talk held a copy of nearly the whole list each (about
/// 0.9 GB at 12,500 talks and 8,929 sessions); here a talk holds only what
/// sets it apart. Membership is a binary search, not a scan.
public struct OpenSessions: Sequence, Sendable, Equatable {
    /// The kind's open sessions, ascending (shared, never copied).
    let base: [Int]
    /// Positions in `base` left out, ascending.
    let skipped: [Int]
    /// Sessions added that `base` lacks (or leaves out), ascending.
    private(set) var added: [Int] = []

    /// Exactly `sessions`, which must be ascending.
    public init(_ sessions: [Int]) {
        base = sessions
        skipped = []
    }

    /// `base` (ascending) less the sessions of `away` it holds.
    init(_ base: [Int], without away: Set<Int>) {
        self.base = base
        skipped = away.compactMap { Self.position(of: $0, in: base) }.sorted()
    }

    /// The same sessions, however each list is held.
    public static func == (a: OpenSessions, b: OpenSessions) -> Bool { a.count == b.count && a.elementsEqual(b) }

    public var count: Int { base.count - skipped.count + added.count }
    public var isEmpty: Bool { count == 0 }

    public func contains(_ session: Int) -> Bool {
        if let p = Self.position(of: session, in: base), Self.position(of: p, in: skipped) == nil { return true }
        return Self.position(of: session, in: added) != nil
    }

    /// `session` made open (a kept session the talk's people are now away for).
    mutating func insert(_ session: Int) {
        guard !contains(session) else { return }
        added.insert(session, at: added.firstIndex { $0 > session } ?? added.count)
    }

    /// Where `x` is in ascending `list`, by binary search.
    static func position(of x: Int, in list: [Int]) -> Int? {
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if list[mid] < x { low = mid + 1 } else { high = mid }
        }
        return low < list.count && list[low] == x ? low : nil
    }

    public func makeIterator() -> Iterator { Iterator(base: base, skipped: skipped, added: added) }

    /// Merges `base` less `skipped` with `added`, in ascending order.
    public struct Iterator: IteratorProtocol {
        let base: [Int], skipped: [Int], added: [Int]
        var i = 0, j = 0, k = 0
        /// The next position of `base` to leave out (`Int.max`: none).
        var skip: Int

        init(base: [Int], skipped: [Int], added: [Int]) {
            (self.base, self.skipped, self.added) = (base, skipped, added)
            skip = skipped.first ?? .max
        }

        public mutating func next() -> Int? {
            while i == skip {
                i += 1
                j += 1
                skip = j < skipped.count ? skipped[j] : .max
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
