import SeminarSolver

/// Why the seminar series has no schedule, in the coordinator's words:
/// one sentence per `ScheduleObstacle`, saying what to change.
public enum ScheduleObstacleWording {
    /// The obstacles' sentences, in the order the scheduler found them.
    public static func lines(_ s: ScheduleOutcome) -> [String] { s.obstacles.map(sentence) }

    /// One obstacle's sentence.
    public static func sentence(_ o: ScheduleObstacle) -> String {
        switch o {
        case .onlyPastSessions(let t):
            "\(title(t)) has no session left: every session that allows \(t.kind) talks is in the past "
                + "(before the re-plan's date)."
        case .noCapacity(let t, let sessions):
            "\(title(t)) has no session: every session that allows \(t.kind) talks has capacity 0 "
                + "(raise the capacity of one of \(sessions.joined(separator: ", ")) in sessions.csv)."
        case .kindNowhere(let t):
            "\(title(t)) has no session: no session in sessions.csv allows \(t.kind) talks "
                + "(add \(t.kind) to a session's kinds, or leave kinds empty)."
        case .presenterAway(let t):
            "\(title(t)) cannot be placed: \(t.fellowName) (\(t.fellow)) is away on every session that allows \(t.kind) talks."
        case .mentorAway(let t):
            "\(title(t)) needs \(t.mentorName) (\(t.mentor)), who is away on every session that allows \(t.kind) talks."
        case .bothAway(let t, let allowing, let presenterAway, let mentorAway):
            "\(title(t)) cannot be placed: of the \(allowing) sessions that allow \(t.kind) talks, "
                + "\(t.fellow) is away on \(presenterAway) and their mentor \(t.mentor) on the other \(mentorAway)."
        case .contention(let t, let open, let beforeWip):
            "\(title(t)) does not fit: it can only go in \(open.joined(separator: ", ")) "
                + "(where \(t.fellow)\(t.mentorRequired ? " and \(t.mentor) are" : " is") available), "
                + "and those are taken by other talks that have no other place"
                + (beforeWip ? ", or come before the fellow's wip talk" : "") + "."
        case .seats(let t, let competing, let sessions, let seats):
            "\(title(t)) does not fit: it and \(competing) other talk\(competing == 1 ? "" : "s") "
                + "can only go in \(count(sessions.count, "session")) (\(abridged(sessions))), "
                + "which hold \(count(seats, "talk")); add sessions or raise their capacity."
        case .kindShort(let kind, let talks, let seats):
            "There are \(talks) \(kind) talks but the sessions that allow \(kind) talks hold only \(seats); "
                + "add sessions or raise their capacity."
        case .everyRuleAtOnce:
            "No schedule satisfies every rule at once."
        }
    }

    /// "The 2nd wip talk of f003".
    static func title(_ t: Talk) -> String { t.phrase.prefix(1).uppercased() + t.phrase.dropFirst() }

    /// "s1, s2, s3, s4, s5 and 295 more".
    static func abridged(_ ids: [String]) -> String {
        ids.prefix(5).joined(separator: ", ") + (ids.count > 5 ? " and \(ids.count - 5) more" : "")
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
