/// A research lab that can host fellows (a row of labs.csv).
public struct Lab: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var institution: String
    /// Research areas in which the lab has independent financial support.
    public var areas: [String]
    /// Most fellows, new and continuing together.
    public var capacity: Int
    public var line: Int

    public init(
        id: String, name: String? = nil, institution: String = "", areas: [String], capacity: Int, line: Int = 0
    ) {
        self.id = id
        self.name = name ?? id
        self.institution = institution
        self.areas = areas
        self.capacity = capacity
        self.line = line
    }
}
