/// The placement objectives of the scenario format.
public enum ObjectiveKind: String, Sendable, Hashable, CaseIterable {
    /// Minimise Σ rank (+ mentor_weight × mentor rank) + unplaced penalties.
    case totalRank = "total-rank"
    /// Maximise Σ score − unplaced penalties.
    case score
    /// Most first choices, then most second choices, and so on.
    case rankMaximal = "rank-maximal"
    /// Smallest worst rank, then fewest at that rank, then smallest Σ rank.
    case generous

    /// Solved as a sequence of stages, each holding the previous optimum.
    public var isLexicographic: Bool {
        switch self {
        case .rankMaximal, .generous: return true
        case .totalRank, .score: return false
        }
    }

    /// Higher objective values are better (otherwise lower ones are).
    public var isMaximised: Bool {
        switch self {
        case .score: return true
        case .totalRank, .rankMaximal, .generous: return false
        }
    }
}

/// `[placement] tie_break`: how a choice between equally good placements is
/// decided (see "Ties and how they are decided" in docs/scenario-format.md).
public enum TieBreak: String, Sendable, Hashable, CaseIterable {
    /// Mentors' ranks of the tied fellows first, then a lottery drawn with `seed`.
    case mentorsThenLottery = "mentors-then-lottery"
    /// No policy: GLPK's deterministic search decides (on a model built in input order).
    case none
}

/// `[placement] stability` (see "Stability and blocking pairs" in docs/scenario-format.md).
public enum StabilityRequirement: String, Sendable, Hashable, CaseIterable {
    /// Blocking pairs are only reported.
    case report
    /// Only a placement without blocking pairs; none: said so, with the fewest pairs that must block.
    case stable
    /// The fewest blocking pairs first, then the objective.
    case fewestBlockingPairs = "fewest-blocking-pairs"
}

/// `[tracks.NAME] min_new, max_new`.
public struct TrackLimit: Sendable, Hashable {
    public var minNew: Int?
    public var maxNew: Int?
    public var line: Int

    public init(minNew: Int? = nil, maxNew: Int? = nil, line: Int = 0) {
        self.minNew = minNew
        self.maxNew = maxNew
        self.line = line
    }
}

/// Which talks a fellow gives: `{ status = "new", kind = "wip", count = 1 }`.
public struct TalkRequirement: Sendable, Hashable {
    /// `nil`: every fellow.
    public var status: FellowStatus?
    public var kind: String
    public var count: Int

    public init(status: FellowStatus? = nil, kind: String, count: Int = 1) {
        self.status = status
        self.kind = kind
        self.count = count
    }
}

/// `[seminars]`.
public struct SeminarSettings: Sendable, Hashable {
    public var timezone: String = "America/New_York"
    public var talks: [TalkRequirement] = [
        TalkRequirement(status: .new, kind: "wip"),
        TalkRequirement(status: .continuing, kind: "thesis")
    ]
    /// Talk kinds that need the fellow's mentor present.
    public var mentorRequired: [String] = ["thesis"]

    public init() {}
}

/// `[funding]`: the appointment settings of rule 8 and the split's order.
public struct FundingSettings: Sendable, Hashable {
    /// `max_sources`: the most sources that may pay one fellow; `nil`: any number.
    public var maxSources: Int?
    /// `min_payment`: the smallest amount (dollars a year) a source may pay a fellow; `nil`: any.
    public var minPayment: Int?
    /// `order`: source ids in the order the split spends them, before the default order; empty: the default.
    public var order: [String] = []
    /// The line of `order` in scenario.toml (for messages about its ids).
    public var orderLine = 0

    public init() {}
}

/// `[stipends]`: stipends by years of experience (the NRSA postdoctoral levels 0–7, say).
public struct StipendSettings: Sendable, Hashable {
    /// `levels`: dollars a year by whole years of experience; empty: none.
    public var levels: [Int] = []
    /// `other_costs`: dollars a year on top of the stipend (tuition, fees, health insurance, travel).
    public var otherCosts = 0

    public init() {}

    /// `levels[experience] + other_costs`; experience beyond the last level is paid the last level.
    public func cost(experience: Int) -> Int {
        guard let last = levels.last else { return otherCosts }
        return (experience < levels.count ? levels[max(experience, 0)] : last) + otherCosts
    }
}

/// Everything in scenario.toml.
public struct ScenarioSettings: Sendable, Hashable {
    public var name: String
    public var intake: String?
    public var objective: ObjectiveKind = .totalRank
    public var mentorWeight: Double = 0
    public var allowUnplaced: Bool = false
    public var unplacedPenalty: Double = 1000
    /// `[placement] tie_break`.
    public var tieBreak: TieBreak = .mentorsThenLottery
    /// `[placement] seed`: the tie-break lottery's seed (recorded with the run).
    public var seed = 0
    /// `[placement] stability`.
    public var stability: StabilityRequirement = .report
    public var tracks: [String: TrackLimit] = [:]
    /// Seconds per solve; `nil`: none (results reproducible).
    public var timeLimit: Double?
    public var mipGap: Double = 0
    /// `[input] date_order`; `nil`: dates whose order is ambiguous are errors.
    public var dateOrder: DateOrder?
    public var seminars = SeminarSettings()
    public var funding = FundingSettings()
    public var stipends = StipendSettings()
    /// `[program] year_start`: the budget year's first day; `nil`: July 1 of the intake's year.
    public var yearStart: CalendarDate?
    /// `[program] office_email`: the `From:` of the letters' e-mail drafts; `nil`: none given.
    public var officeEmail: String?
    /// `[committee]`; `nil` when scenario.toml has no such table (the defaults apply).
    public var committee: CommitteeSettings?

    public init(name: String) { self.name = name }

    /// The intake a run belongs to, for the run history: the `intake` label,
    /// else the scenario's name. Every run of one intake shares it, and one
    /// run per intake may be the official match.
    public var intakeKey: String { intake ?? name }
}
