import Domain

/// A person who may sit on thesis committees: every mentor (mentors.csv) and
/// every member of faculty.csv, in that order.
public struct CommitteeMember: Sendable, Hashable {
    public var id: String
    public var name: String
    /// Their lab, if in one of the program's labs: they never read for a fellow of it.
    public var lab: String?
    /// Their areas; a mentor or faculty member in a lab without areas of their own has the lab's.
    public var areas: [String]
    /// Most committees a year besides their own fellows' (`committee_load`).
    public var load: Int
    public var external: Bool
    public var chair: Bool

    public init(
        id: String, name: String? = nil, lab: String?, areas: [String], load: Int, external: Bool = false,
        chair: Bool = false
    ) {
        self.id = id
        self.name = name ?? id
        self.lab = lab
        self.areas = areas
        self.load = load
        self.external = external
        self.chair = chair
    }

    /// The scenario's mentors, then its faculty.
    public static func pool(_ s: Scenario) -> [CommitteeMember] {
        let labAreas = Dictionary(s.labs.map { ($0.id, $0.areas) }, uniquingKeysWith: { first, _ in first })
        func areas(_ own: [String], lab: String?) -> [String] {
            own.isEmpty ? lab.flatMap { labAreas[$0] } ?? [] : own
        }
        let mentors = s.mentors.map {
            CommitteeMember(
                id: $0.id, name: $0.name, lab: $0.lab, areas: areas($0.areas, lab: $0.lab), load: $0.committeeLoad,
                external: $0.external, chair: $0.chair)
        }
        let faculty = s.faculty.map {
            CommitteeMember(
                id: $0.id, name: $0.name, lab: $0.lab, areas: areas($0.areas, lab: $0.lab), load: $0.committeeLoad,
                external: $0.external, chair: $0.chair)
        }
        return mentors + faculty
    }

    /// How many of `interests` are among the member's areas: their expertise for that fellow.
    public func expertise(for interests: [String]) -> Int {
        let mine = Set(areas)
        return Set(interests).filter { mine.contains($0) }.count
    }
}
