/// The seats alone: a maximum matching of talks to session seats that keeps
/// only "a talk in a session open to it" and "at most capacity(s) talks in
/// s", and drops the rules between a fellow's talks. It is a relaxation:
/// when not every talk gets a seat, no schedule exists.
///
/// Built by augmenting paths (each search visits a session at most once),
/// so it is exact and fast at any size, without an integer program. For a
/// talk left without a seat, the sessions its last search reached are all
/// full, and every talk in them could only go to sessions in that set
/// (Hall's condition fails there): those talks outnumber the seats, which
/// is the reason given.
struct SessionMatching {
    /// A set of talks that need more seats than the sessions open to them have.
    struct Shortage: Equatable {
        /// The talk left out first (index).
        var talk: Int
        /// Talks that can only go to `sessions` (`talk` among them).
        var talks: [Int]
        /// Sessions (indices, in order) and their seats.
        var sessions: [Int]
        var seats: Int
    }

    let open: [OpenSessions]
    let capacity: [Int]
    private(set) var sessionOf: [Int?]
    private var occupants: [[Int]]

    init(open: [OpenSessions], capacity: [Int]) {
        self.open = open
        self.capacity = capacity
        sessionOf = Array(repeating: nil, count: open.count)
        occupants = Array(repeating: [], count: capacity.count)
    }

    /// Matches every talk it can, most constrained first; returns the
    /// shortages (empty when every talk has a seat).
    mutating func match() -> [Shortage] {
        let order = open.indices.sorted { (open[$0].count, $0) < (open[$1].count, $1) }
        var shortages: [Shortage] = []
        var seen = [Int](repeating: 0, count: capacity.count), talkSeen = [Int](repeating: 0, count: open.count)
        var enteredBy = [Int](repeating: -1, count: capacity.count)
        for (k, t) in order.enumerated() {
            let stamp = k + 1
            var queue = [t], head = 0
            talkSeen[t] = stamp
            var end: Int?
            search: while head < queue.count {
                let x = queue[head]
                head += 1
                for s in open[x] where seen[s] != stamp && s != sessionOf[x] {
                    seen[s] = stamp
                    enteredBy[s] = x
                    if occupants[s].count < capacity[s] {
                        end = s
                        break search
                    }
                    for u in occupants[s] where talkSeen[u] != stamp {
                        talkSeen[u] = stamp
                        queue.append(u)
                    }
                }
            }
            if var s = end {
                while true {
                    let x = enteredBy[s], from = sessionOf[x]
                    if let from { occupants[from].removeAll { $0 == x } }
                    sessionOf[x] = s
                    occupants[s].append(x)
                    guard let from else { break }
                    s = from
                }
            } else {
                let sessions = capacity.indices.filter { seen[$0] == stamp }
                shortages.append(
                    Shortage(
                        talk: t, talks: queue.sorted(), sessions: sessions,
                        seats: sessions.reduce(0) { $0 + capacity[$1] }))
            }
        }
        return shortages
    }
}
