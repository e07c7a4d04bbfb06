import Domain
import PlacementSolver

/// A talk and the session it got.
public struct ScheduledTalk: Sendable, Hashable {
    public var talk: Talk
    public var session: SeminarSession
    /// The revision of the talk's calendar event (its `SEQUENCE`): 0 when
    /// first scheduled, the earlier schedule's value when a re-plan keeps it
    /// in place, one more when a re-plan moves it. Calendar clients apply an
    /// update only when this grows.
    public var sequence = 0

    /// The schedule's order: by date, start and session, then fellow, kind and number.
    static func chronologically(_ a: ScheduledTalk, _ b: ScheduledTalk) -> Bool {
        (a.session.date, a.session.start, a.session.id, a.talk.fellow, a.talk.kind, a.talk.number)
            < (b.session.date, b.session.start, b.session.id, b.talk.fellow, b.talk.kind, b.talk.number)
    }
}

/// What changed for one talk in a re-plan.
public struct TalkMove: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable { case moved, added, dropped }
    public var kind: Kind
    /// The talk's id (``Talk/id``).
    public var talk: String
    public var fellow: String
    /// The talk's kind (`wip`, `thesis`, ...).
    public var talkKind: String
    public var phrase: String
    /// Session ids.
    public var from: String?
    public var to: String?

    public var description: String {
        switch kind {
        case .moved: return "\(phrase): \(from ?? "?") → \(to ?? "?")"
        case .added: return "\(phrase): new, in \(to ?? "?")"
        case .dropped: return "\(phrase): no longer given (was in \(from ?? "?"))"
        }
    }
}

/// A talk of an earlier schedule that will not be given: calendars keep it
/// as a cancelled event (same UID), so calendar clients remove it.
public struct CancelledTalk: Sendable, Hashable {
    public var talk: Talk
    /// Where it was to be held.
    public var session: SeminarSession
    /// One more than the revision the earlier schedule published it with.
    public var sequence: Int
}

/// The result of scheduling the seminar series.
public struct ScheduleOutcome: Sendable {
    public var status: PlacementStatus
    /// Chronological, then by session and fellow.
    public var talks: [ScheduledTalk]
    /// When no schedule exists: which talks cannot be placed, and why
    /// (worded by `Reports`' `ScheduleObstacleWording`).
    public var obstacles: [ScheduleObstacle]
    /// In a re-plan: every talk that moved, was added or dropped.
    public var moves: [TalkMove]
    public var kept: Int
    public var solveSeconds: Double
    /// Soft-aim measures of the schedule.
    public var sessionsWithSameLab: Int
    public var sessionsWithSameTrack: Int
    /// In a re-plan: talks of the earlier schedule on or after `--today` that are no longer given.
    public var cancelled: [CancelledTalk] = []
    /// The soft-aim penalty of the schedule (the model's objective), and the
    /// least any schedule can have, as far as proved (`nil`: unknown).
    public var penalty: Double?
    public var penaltyBound: Double?
    /// How far the penalty may lie above the best possible, as a fraction of
    /// it (`(penalty − penaltyBound) / |penalty|`, as GLPK measures a gap):
    /// 0 when proved best, `nil` without a penalty and a bound.
    public var gap: Double? {
        if status == .optimal { return 0 }
        guard let penalty, let penaltyBound else { return nil }
        return max(0, penalty - penaltyBound) / max(abs(penalty), 1e-9)
    }
    /// Sessions of the series that hold no talk, in date order: free for a
    /// guest speaker.
    public var emptySessions: [SeminarSession] = []

    public var hasSchedule: Bool { status == .optimal || status == .feasible }
}
