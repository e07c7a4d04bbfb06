/// The thesis committees of a run: one per continuing fellow who has one,
/// and for the others the reason.
public struct CommitteeOutcome: Sendable, Hashable {
    public struct Seat: Sendable, Hashable {
        public var member: String
        public var role: CommitteeRole
        public var chair: Bool

        public init(member: String, role: CommitteeRole, chair: Bool) {
            self.member = member
            self.role = role
            self.chair = chair
        }
    }

    public struct Committee: Sendable, Hashable {
        public var fellow: String
        /// The mentor first, then readers and external members in the order of mentors.csv and faculty.csv.
        public var seats: [Seat]
        /// Σ over readers and externals of the fellow's interests among their areas.
        public var expertise: Int

        public init(fellow: String, seats: [Seat], expertise: Int) {
            self.fellow = fellow
            self.seats = seats
            self.expertise = expertise
        }

        public var chair: String? { seats.first { $0.chair }?.member }
    }

    public struct Unformed: Sendable, Hashable {
        public var fellow: String
        public var reason: CommitteeShortfall
    }

    /// In fellows.csv order.
    public var committees: [Committee]
    public var unformed: [Unformed]
    /// Committees (readers and externals) per member, for every member with at least one.
    public var loads: [String: Int]
    /// Whether every stage was proved best (false when a time limit stopped one).
    public var proved: Bool
    /// The model solved last (`nil` when no model was needed).
    public var size: SolvedModelSize?
    /// What caps how many fellows can have a committee, when the committees
    /// formed reach that cap (`nil` otherwise, and when every fellow who may
    /// have one has one).
    public var limit: CommitteeLimit?
    /// The diagnosis for fellows without a committee (``ThesisDiagnoser``), when it was asked for.
    public var suggestions: [ThesisSuggestions] = []

    public init(
        committees: [Committee], unformed: [Unformed], loads: [String: Int], proved: Bool,
        size: SolvedModelSize? = nil
    ) {
        self.committees = committees
        self.unformed = unformed
        self.loads = loads
        self.proved = proved
        self.size = size
    }

    /// The worst-served fellow's expertise (`nil` when no committee was formed).
    public var worstExpertise: Int? { committees.map(\.expertise).min() }
    public var totalExpertise: Int { committees.map(\.expertise).reduce(0, +) }
    public var maxLoad: Int { loads.values.max() ?? 0 }
}
