import Domain

/// The date before which a re-plan treats talks as held: they neither move
/// nor are cancelled, and no talk is added before it (`--today`).
///
/// Given, it is used as it is. Not given, a re-plan (a run that keeps an
/// earlier schedule) takes the latest of the dates by which talks are known
/// to have passed:
///
///     today = max( withdrawn_on of every withdrawn fellow,
///                  the date the intake's latest run was recorded,
///                  the date its official match was published )
///
/// Each of these lies on or before the day the coordinator re-plans, so no
/// talk already given is cancelled or moved; a talk after them that was in
/// fact given too is protected only by giving the date. With none of them
/// (no history, no withdrawal date), ``date`` is `nil` and every talk may move.
public struct ReplanDate: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        /// The coordinator gave it.
        case given
        /// A withdrawn fellow's `withdrawn_on` (the fellow's id).
        case withdrawal(String)
        /// The day the history recorded run N.
        case recorded(Int64)
        /// The day run N was published as the official match.
        case published(Int64)
        /// Nothing gave a date.
        case none
    }

    public var date: CalendarDate?
    public var source: Source

    public init(date: CalendarDate?, source: Source) {
        self.date = date
        self.source = source
    }

    /// The default date of a re-plan: the latest of `candidates` (the first
    /// of equal dates), or none.
    public static func latest(of candidates: [(CalendarDate, Source)]) -> ReplanDate {
        guard var best = candidates.first else { return ReplanDate(date: nil, source: .none) }
        for c in candidates.dropFirst() where c.0 > best.0 { best = c }
        return ReplanDate(date: best.0, source: best.1)
    }
}
