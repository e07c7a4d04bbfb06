/// The shape of a generated seminar series (`generate --series`).
public enum GeneratedSeries: String, CaseIterable, Sendable {
    /// Weekly sessions of two talks, about 70 % of the seats used (IntakeGenerator's `SeminarSeries`).
    case weekly
    /// One talk per session, barely more sessions than talks, thesis talks in spring,
    /// absences in blocks of weeks (IntakeGenerator's `TightSeminarSeries`).
    case tight
}

/// The shape of generated thesis committees and defenses (`generate --committees`).
public enum GeneratedCommittees: String, CaseIterable, Sendable {
    /// Loads, chairs and rooms to spare (IntakeGenerator's `CommitteeShape.ample`).
    case ample
    /// Few chairs, many conflicts, tight loads and slots (IntakeGenerator's `CommitteeShape.tight`).
    case tight
}
