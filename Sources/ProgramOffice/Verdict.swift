/// How a use case ended, for a front end to turn into its own terms (an exit
/// status, a banner): the result it asked for, no feasible placement or
/// schedule (with a diagnosis), or a result with something left out.
public enum Verdict: Sendable, Hashable {
    /// A placement (and a schedule, with sessions) was found.
    case solved
    /// The scenario has no feasible placement; the outcome holds the diagnosis.
    case noPlacement
    /// A placement was found but no seminar schedule.
    case noSchedule
    /// The result stands, but part of what was asked is left out (a what-if
    /// that could not be read; a blocking pre-check finding).
    case incomplete
}
