/// A validated intake: every file of a scenario folder as domain values.
///
/// Built by ``ScenarioReader`` (which reports every input problem and checks
/// every cross-reference) or in code (tests, generators).
public struct Scenario: Sendable {
    public var settings: ScenarioSettings
    public var fellows: [Fellow]
    public var labs: [Lab]
    public var mentors: [Mentor]
    public var funding: [FundingSource]
    public var preferences: [Preference]
    public var mentorPreferences: [MentorPreference]
    public var costs: [CostOverride] {
        didSet { costIndex = Scenario.index(costs) }
    }
    /// `costs` by fellow and lab, for constant-time lookups in large intakes.
    private var costIndex: [String: Int]
    public var rules: [PlacementRule]
    /// `nil` when the scenario has no sessions.csv.
    public var sessions: [SeminarSession]?
    public var availability: [Unavailability]
    /// Fellows whose status is `withdrawn`: not placed, not scheduled; rows
    /// of other files that name them are left out of the lists above.
    public var withdrawn: [Fellow] = []
    /// faculty.csv: committee members who mentor nobody.
    public var faculty: [FacultyMember] = []
    /// conflicts.csv: who may not sit on whose committee.
    public var conflicts: [CommitteeConflict] = []
    /// committee_rules.csv: members locked to or forbidden from a fellow's committee.
    public var committeeRules: [CommitteeRule] = []
    /// defense_slots.csv; `nil` when the scenario has none (no defenses are scheduled).
    public var defenseSlots: [DefenseSlot]?
    /// Whether mentors.csv has a `committee_load`, `external` or `chair` column.
    public var mentorsHaveCommitteeColumns = false

    public init(
        settings: ScenarioSettings, fellows: [Fellow], labs: [Lab], mentors: [Mentor], funding: [FundingSource],
        preferences: [Preference], mentorPreferences: [MentorPreference] = [], costs: [CostOverride] = [],
        rules: [PlacementRule] = [], sessions: [SeminarSession]? = nil, availability: [Unavailability] = []
    ) {
        self.settings = settings
        self.fellows = fellows
        self.labs = labs
        self.mentors = mentors
        self.funding = funding
        self.preferences = preferences
        self.mentorPreferences = mentorPreferences
        self.costs = costs
        costIndex = Scenario.index(costs)
        self.rules = rules
        self.sessions = sessions
        self.availability = availability
    }

    public var newFellows: [Fellow] { fellows.filter(\.isNew) }
    public var continuingFellows: [Fellow] { fellows.filter { !$0.isNew } }

    public func lab(_ id: String) -> Lab? { labs.first { $0.id == id } }
    public func mentor(_ id: String) -> Mentor? { mentors.first { $0.id == id } }
    public func fellow(_ id: String) -> Fellow? { fellows.first { $0.id == id } }

    private static func index(_ costs: [CostOverride]) -> [String: Int] {
        Dictionary(costs.map { ("\($0.fellow)\u{1}\($0.lab)", $0.cost) }, uniquingKeysWith: { _, last in last })
    }

    /// `cost(f, l)`: from costs.csv, else fellows.csv.
    public func cost(of fellow: Fellow, at lab: String) -> Int {
        costIndex["\(fellow.id)\u{1}\(lab)"] ?? fellow.cost
    }

    /// Rule 5's need: `max(0, cost(f, l) − external_funding)` for the months
    /// the fellow is in the program this budget year (see ``BudgetYear``).
    public func need(of fellow: Fellow, at lab: String) -> Int {
        let annual = max(0, cost(of: fellow, at: lab) - fellow.externalFunding)
        guard fellow.startOn != nil || fellow.withdrawnOn != nil else { return annual }
        return BudgetYear.share(annual, months: months(of: fellow))
    }
}

extension Scenario {
    /// Whether the scenario asks for thesis committees: it has a `[committee]`
    /// table, faculty.csv, conflicts.csv, committee_rules.csv or committee columns in mentors.csv,
    /// and continuing fellows to form them for.
    public var formsCommittees: Bool {
        !continuingFellows.isEmpty
            && (settings.committee != nil || !faculty.isEmpty || !conflicts.isEmpty || !committeeRules.isEmpty
                || mentorsHaveCommitteeColumns)
    }
}

extension Scenario {
    /// Whether rule 8's appointment rules apply: a source has a `kind` or
    /// `slots`, or `[funding]` sets `max_sources` or `min_payment`. Without
    /// them the placement model is exactly the one of rules 1–7.
    public var usesAppointmentRules: Bool {
        settings.funding.maxSources != nil || settings.funding.minPayment != nil
            || funding.contains { $0.kind != nil || $0.slots != nil }
    }
}

extension Scenario {
    /// The scenario with rule 8 left out: no kinds, slots, `max_sources` or `min_payment`.
    public var withoutAppointmentRules: Scenario {
        var s = self
        s.settings.funding.maxSources = nil
        s.settings.funding.minPayment = nil
        for i in s.funding.indices {
            s.funding[i].kind = nil
            s.funding[i].slots = nil
        }
        return s
    }
}
