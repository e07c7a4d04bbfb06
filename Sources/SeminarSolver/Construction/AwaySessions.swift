/// The sessions a person cannot attend (indices in chronological order), held
/// as runs of consecutive indices: an away date closes all of that date's
/// sessions, which are consecutive in chronological order, so a consortium's
/// person away on six dates of some two hundred sessions each is six runs,
/// not twelve hundred numbers.
///
/// The runs are half-open ranges `a..<b`, ascending, disjoint and never
/// touching (`b` of one run is below `a` of the next): the same sessions
/// always give the same runs.
struct AwaySessions: Sendable, Equatable {
    /// Ascending, disjoint, non-touching runs of session indices.
    private(set) var runs: [Range<Int>] = []

    /// No session.
    init() {}

    /// Every session of `runs`, which may overlap or come in any order.
    init(_ runs: some Sequence<Range<Int>>) {
        for run in runs.filter({ !$0.isEmpty }).sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = self.runs.last, run.lowerBound <= last.upperBound {
                self.runs[self.runs.count - 1] = last.lowerBound..<max(last.upperBound, run.upperBound)
            } else {
                self.runs.append(run)
            }
        }
    }

    /// Exactly `sessions`.
    init(sessions: Set<Int>) { self.init(sessions.map { $0..<($0 + 1) }) }

    var isEmpty: Bool { runs.isEmpty }

    /// The sessions of both.
    func union(_ other: AwaySessions) -> AwaySessions {
        other.isEmpty ? self : isEmpty ? other : AwaySessions(runs + other.runs)
    }

    /// Whether `session` is among them: a binary search over the runs.
    func contains(_ session: Int) -> Bool {
        var low = 0, high = runs.count
        while low < high {
            let mid = (low + high) / 2
            if runs[mid].upperBound <= session { low = mid + 1 } else { high = mid }
        }
        return low < runs.count && runs[low].contains(session)
    }
}
