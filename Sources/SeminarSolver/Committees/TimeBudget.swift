/// One time limit shared by a sequence of solves: each solve gets what is
/// left of it, and none starts once it is spent. Without a limit, nothing is
/// ever spent.
struct TimeBudget: Sendable {
    private let deadline: ContinuousClock.Instant?

    init(seconds: Double? = nil) {
        deadline = seconds.map { ContinuousClock.now + .milliseconds(Int64(($0 * 1000).rounded())) }
    }

    /// Seconds left (at least a millisecond while any is left), `nil` without a limit.
    var left: Double? {
        guard let deadline else { return nil }
        let d = deadline - ContinuousClock.now
        return max(0.001, Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
    }

    var isSpent: Bool { deadline.map { ContinuousClock.now >= $0 } ?? false }
}
