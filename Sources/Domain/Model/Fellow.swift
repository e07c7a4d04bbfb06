/// Whether the federal training grant may support a person.
public enum Citizenship: String, Sendable, Hashable, CaseIterable {
    case citizen
    case permanentResident = "permanent_resident"
    case other

    /// Citizens and permanent residents may be paid from citizens-only sources.
    public var mayReceiveCitizensOnlyFunds: Bool { self != .other }
}

/// `new`: to be placed this intake; `continuing`: already placed;
/// `withdrawn`: left the program (their rows elsewhere stay valid and are
/// ignored for placement; their place, mentor capacity and money are freed).
public enum FellowStatus: String, Sendable, Hashable, CaseIterable {
    case new
    case continuing
    case withdrawn
}

/// A postdoctoral fellow (a row of fellows.csv).
public struct Fellow: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var track: String
    public var citizenship: Citizenship
    public var status: FellowStatus
    /// Where a continuing fellow is; `nil` for new fellows.
    public var lab: String?
    public var mentor: String?
    public var interests: [String]
    /// Annual cost to the program in dollars.
    public var cost: Int
    /// Dollars a year the fellow brings from outside.
    public var externalFunding: Int
    /// Line in fellows.csv (0 when built in code).
    public var line: Int
    /// For a withdrawn fellow: the date they left (`withdrawn_on`), if given.
    public var withdrawnOn: CalendarDate?
    /// The day the fellow starts (`start_on`), if after the budget year's start.
    public var startOn: CalendarDate?
    /// Whole years of postdoctoral experience (`experience`), if given: the stipend level.
    public var experience: Int?
    /// Whether `cost` was left empty and comes from `[stipends] levels` (so next year's level applies next year).
    public var costFromLevels = false
    /// The fellow's e-mail address (`email`), if given: the `To:` of their letter.
    public var email: String?
    /// The last day of the fellow's thesis defense window (`defend_by`), if given.
    public var defendBy: CalendarDate?

    public init(
        id: String, name: String? = nil, track: String, citizenship: Citizenship, status: FellowStatus = .new,
        lab: String? = nil, mentor: String? = nil, interests: [String], cost: Int, externalFunding: Int = 0,
        line: Int = 0
    ) {
        self.id = id
        self.name = name ?? id
        self.track = track
        self.citizenship = citizenship
        self.status = status
        self.lab = lab
        self.mentor = mentor
        self.interests = interests
        self.cost = cost
        self.externalFunding = externalFunding
        self.line = line
    }

    public var isNew: Bool { status == .new }
}
