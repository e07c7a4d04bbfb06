/// Why the seminar series has no schedule: one value per talk left out or
/// per kind short of seats, with a stable code; `Reports` words it for the
/// coordinator (with what to do). Session ids are given in the series'
/// chronological order.
public enum ScheduleObstacle: Sendable, Hashable {
    /// Every session that allows the talk's kind is before the re-plan's date.
    case onlyPastSessions(Talk)
    /// Every session that allows the talk's kind has capacity 0 (the first few of them).
    case noCapacity(Talk, sessions: [String])
    /// No session in sessions.csv allows the talk's kind.
    case kindNowhere(Talk)
    /// The presenter is away on every session that allows the talk's kind.
    case presenterAway(Talk)
    /// The talk needs its mentor, who is away on every session that allows its kind.
    case mentorAway(Talk)
    /// Of `allowing` sessions, the presenter is away on some and the mentor on the others.
    case bothAway(Talk, allowing: Int, presenterAway: Int, mentorAway: Int)
    /// The elastic model leaves the talk out: its open sessions are taken by
    /// talks with no other place (or, for a thesis talk, `beforeWip`: they
    /// also come before the fellow's wip talk).
    case contention(Talk, open: [String], beforeWip: Bool)
    /// The talk and `competing` others can only use `sessions`, which hold `seats` talks.
    case seats(Talk, competing: Int, sessions: [String], seats: Int)
    /// More talks of a kind than the sessions allowing it hold.
    case kindShort(kind: String, talks: Int, seats: Int)
    /// The elastic model found no talk to leave out, yet no schedule keeps every rule.
    case everyRuleAtOnce

    public var code: String {
        switch self {
        case .onlyPastSessions: "only-past-sessions"
        case .noCapacity: "no-capacity"
        case .kindNowhere: "kind-nowhere"
        case .presenterAway: "presenter-away"
        case .mentorAway: "mentor-away"
        case .bothAway: "both-away"
        case .contention: "contention"
        case .seats: "seats"
        case .kindShort: "kind-short"
        case .everyRuleAtOnce: "every-rule-at-once"
        }
    }
}
