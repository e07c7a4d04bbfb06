/// A faculty member who mentors nobody this year but may sit on thesis
/// committees (a row of the optional faculty.csv).
public struct FacultyMember: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    /// Their lab (an id in labs.csv), if in one of the program's labs.
    public var lab: String?
    /// Their institution, for members from elsewhere.
    public var institution: String
    public var areas: [String]
    /// Most committees a year (`committee_load`).
    public var committeeLoad: Int
    /// From outside the program's labs (`external`).
    public var external: Bool
    /// May chair a committee (`chair`).
    public var chair: Bool
    public var line: Int

    public init(
        id: String, name: String? = nil, lab: String? = nil, institution: String = "", areas: [String],
        committeeLoad: Int = CommitteeSettings.defaultLoad, external: Bool = false, chair: Bool = false, line: Int = 0
    ) {
        self.id = id
        self.name = name ?? id
        self.lab = lab
        self.institution = institution
        self.areas = areas
        self.committeeLoad = committeeLoad
        self.external = external
        self.chair = chair
        self.line = line
    }
}

/// A person who may not sit on a fellow's committee (a row of the optional
/// conflicts.csv): a co-author, a relative, a former supervisor. The reason
/// is personal and never written to a shared file.
public struct CommitteeConflict: Sendable, Hashable {
    /// A mentor or faculty id.
    public var person: String
    public var fellow: String
    public var reason: String
    public var line: Int

    public init(person: String, fellow: String, reason: String = "", line: Int = 0) {
        self.person = person
        self.fellow = fellow
        self.reason = reason
        self.line = line
    }
}
