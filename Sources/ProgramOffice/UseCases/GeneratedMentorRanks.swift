/// How `generate --mentor-ranks` has mentors rank the new fellows who ranked
/// their lab (IntakeGenerator's `MentorRanks`).
public enum GeneratedMentorRanks: String, CaseIterable, Sendable {
    /// Each mentor's order drawn on its own.
    case independent
    /// One strength per fellow plus a little noise per mentor: mentors mostly agree.
    case correlated
}
