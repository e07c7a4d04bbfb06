/// A faculty mentor in one lab (a row of mentors.csv).
public struct Mentor: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var lab: String
    /// The mentor's areas; empty: any area of the lab.
    public var areas: [String]
    /// Most fellows supervised, new and continuing together.
    public var capacity: Int
    public var line: Int
    /// The mentor's e-mail address (`email`), if given: the `To:` of their letter.
    public var email: String?
    /// Committees a year the mentor may sit on besides their own fellows' (`committee_load`).
    public var committeeLoad = CommitteeSettings.defaultLoad
    /// A member from outside the program's labs (`external`).
    public var external = false
    /// May chair a committee (`chair`).
    public var chair = false

    public init(id: String, name: String? = nil, lab: String, areas: [String] = [], capacity: Int, line: Int = 0) {
        self.id = id
        self.name = name ?? id
        self.lab = lab
        self.areas = areas
        self.capacity = capacity
        self.line = line
    }
}
