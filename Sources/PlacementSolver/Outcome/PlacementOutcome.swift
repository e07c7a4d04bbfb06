import Domain

/// How a placement run ended, as `summary.json` says it.
public enum PlacementStatus: String, Sendable, Hashable {
    case optimal
    case feasible
    case infeasible
    case timeLimitNoSolution = "time_limit_no_solution"
}

/// Dollars (in cents) one source pays for one fellow.
public struct FundingShare: Sendable, Hashable {
    public var source: String
    public var cents: Int

    public init(source: String, cents: Int) {
        self.source = source
        self.cents = cents
    }
}

/// One row of `placements.csv`.
public struct FellowPlacement: Sendable, Hashable {
    public typealias Status = PlacementStanding

    public var fellow: String
    public var status: Status
    public var lab: String?
    public var mentor: String?
    /// The fellow's rank of the lab (new fellows only).
    public var rank: Int?
    public var funding: [FundingShare]
    /// Rule 5's need at the lab, in dollars (0 when unplaced).
    public var need: Int
    /// Months of the budget year the need pays for (see `BudgetYear`).
    public var months = 12
    /// The day the fellow starts, when after the budget year's start.
    public var startOn: CalendarDate?

    public init(
        fellow: String, status: Status, lab: String?, mentor: String?, rank: Int? = nil,
        funding: [FundingShare] = [], need: Int = 0
    ) {
        self.fellow = fellow
        self.status = status
        self.lab = lab
        self.mentor = mentor
        self.rank = rank
        self.funding = funding
        self.need = need
    }
}

/// How much of a source's budget is used.
public struct BudgetUse: Sendable, Hashable {
    public var source: String
    public var budget: Int
    public var usedCents: Int
    public var leftCents: Int { budget * 100 - usedCents }
}

/// How full a lab or mentor is (new and continuing fellows).
public struct Load: Sendable, Hashable {
    public var id: String
    public var capacity: Int
    public var continuing: Int
    public var new: Int
    public var total: Int { continuing + new }
    /// At capacity, with somebody in it (what the reports call "at capacity").
    public var isFull: Bool { total >= capacity && total > 0 }
}

/// A limit that must give for a placement to exist, and by how much.
public struct LimitChange: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case labCapacity = "lab-capacity"
        case mentorCapacity = "mentor-capacity"
        case budget
        case trackMinimum = "track-min"
        case trackMaximum = "track-max"
        case lock
        case slots
        case maxSources = "max-sources"
    }

    public var kind: Kind
    /// The lab, mentor, source, track or fellow concerned.
    public var subject: String
    public var current: Int?
    public var needed: Int?
    public var message: String

    public var description: String { message }
}

/// Why no placement exists: pre-check findings, or the cheapest set of limits
/// that must give (from the elastic model).
public struct Diagnosis: Sendable, Hashable {
    public var findings: [Finding]
    /// The easiest set of changes that makes a placement possible.
    public var changes: [LimitChange]
    public var summary: String
    /// Other sets of changes, each enough on its own, harder ones later.
    public var alternatives: [[LimitChange]] = []

    public init(findings: [Finding], changes: [LimitChange], summary: String, alternatives: [[LimitChange]] = []) {
        self.findings = findings
        self.changes = changes
        self.summary = summary
        self.alternatives = alternatives
    }

    public var lines: [String] {
        changes.map(\.message) + alternatives.map { "Or instead: " + $0.map(\.message).joined(separator: " ") }
            + findings.filter(\.blocking).map(\.message)
    }
}

/// Everything a placement run produced.
public struct PlacementOutcome: Sendable {
    public var scenarioName: String
    public var objectiveKind: ObjectiveKind
    public var status: PlacementStatus
    /// Σ rank (lexicographic kinds) or the objective value.
    public var objective: Double?
    public var bound: Double?
    public var gap: Double?
    public var solveSeconds: Double
    /// One per fellow in fellows.csv order; empty when infeasible.
    public var placements: [FellowPlacement]
    /// Rank → number of new fellows placed at that rank.
    public var rankProfile: [Int: Int]
    public var unplaced: [String]
    public var budgets: [BudgetUse]
    public var labLoads: [Load]
    public var mentorLoads: [Load]
    /// Non-blocking pre-check findings (e.g. fellows who will be unplaced).
    public var warnings: [Finding]
    public var diagnosis: Diagnosis?
    /// Number of solves (stages of a lexicographic objective).
    public var solves: Int
    /// With `--keep`: who moved compared with the earlier placements.
    public var moves: [PlacementMove] = []
    /// With `[placement] stability` other than `report`: what stability cost
    /// by the objective (``PlacementEngine/stabilityCost(_:base:previous:)``;
    /// set by the run, not by ``PlacementEngine/run(_:previous:)``).
    public var stabilityCost: StabilityCost?
    /// Whether the tie-break stages (``TieBreakStages``) ran to their end:
    /// false when one stopped at its node limit or a time limit (the
    /// placement is then as good by the objective, the ties decided as far
    /// as the search went); `nil` when no tie-break stage ran.
    public var tiesSettled: Bool?

    public var hasPlacement: Bool { status == .optimal || status == .feasible }

    /// One fellow's worth of money: the median need of the placed new
    /// fellows (in dollars, 0 when none is placed).
    public var medianNewNeed: Int {
        let needs = placements.filter { $0.status == .new }.map(\.need).sorted()
        return needs.isEmpty ? 0 : needs[needs.count / 2]
    }

    public init(
        scenarioName: String, objectiveKind: ObjectiveKind, status: PlacementStatus, objective: Double?, bound: Double?,
        gap: Double?,
        solveSeconds: Double, placements: [FellowPlacement], rankProfile: [Int: Int], unplaced: [String],
        budgets: [BudgetUse],
        labLoads: [Load], mentorLoads: [Load], warnings: [Finding], diagnosis: Diagnosis?, solves: Int,
        moves: [PlacementMove] = []
    ) {
        self.scenarioName = scenarioName
        self.objectiveKind = objectiveKind
        self.status = status
        self.objective = objective
        self.bound = bound
        self.gap = gap
        self.solveSeconds = solveSeconds
        self.placements = placements
        self.rankProfile = rankProfile
        self.unplaced = unplaced
        self.budgets = budgets
        self.labLoads = labLoads
        self.mentorLoads = mentorLoads
        self.warnings = warnings
        self.diagnosis = diagnosis
        self.solves = solves
        self.moves = moves
    }

    /// The placements as an earlier run's rows, to compare a later run with.
    public var asPrevious: [PreviousPlacement] {
        placements.map {
            PreviousPlacement(fellow: $0.fellow, status: $0.status, lab: $0.lab, mentor: $0.mentor)
        }
    }
}

/// Where a fellow is: a lab and mentor, unplaced, or (an earlier run's row
/// that named no lab) nowhere in particular.
public struct Place: Sendable, Hashable, CustomStringConvertible {
    public var lab: String?
    public var mentor: String?
    public var isUnplaced: Bool

    public init(lab: String?, mentor: String?, isUnplaced: Bool = false) {
        self.lab = lab
        self.mentor = mentor
        self.isUnplaced = isUnplaced
    }

    /// Where a placement puts its fellow.
    public init(of p: FellowPlacement) { self.init(lab: p.lab, mentor: p.mentor, isUnplaced: p.status == .unplaced) }

    /// Where an earlier run put its fellow.
    public init(of p: PreviousPlacement) { self.init(lab: p.lab, mentor: p.mentor, isUnplaced: p.status == .unplaced) }

    /// Whether a fellow moved between two places: the lab or the mentor
    /// changed, or they were placed or unplaced. The one definition of "who
    /// moved" (a re-match's moves, a comparison's and the history's diffs).
    public static func moved(from before: Place?, to after: Place?) -> Bool { before != after }

    /// `lab05 with m10`, `unplaced` or `-` (ids; reports show names).
    public var description: String {
        guard let lab else { return isUnplaced ? "unplaced" : "-" }
        return mentor.map { "\(lab) with \($0)" } ?? lab
    }
}

/// How a fellow's placement differs from an earlier run's.
public struct PlacementMove: Sendable, Hashable, CustomStringConvertible {
    public var fellow: String
    /// `nil`: not in the earlier run.
    public var from: Place?
    /// `nil`: no longer in the program.
    public var to: Place?

    public var description: String {
        "\(fellow): \(from?.description ?? "not in the earlier run") → \(to?.description ?? "no longer in the program")"
    }

    /// Fellows whose lab or mentor changed, who are new, or who left.
    public static func moves(from previous: [PreviousPlacement], to current: [FellowPlacement]) -> [PlacementMove] {
        let before = Dictionary(previous.map { ($0.fellow, $0) }, uniquingKeysWith: { a, _ in a })
        let now = Set(current.map(\.fellow))
        var moves: [PlacementMove] = []
        for p in current {
            let to = Place(of: p)
            if let b = before[p.fellow] {
                let from = Place(of: b)
                if Place.moved(from: from, to: to) { moves.append(PlacementMove(fellow: p.fellow, from: from, to: to)) }
            } else {
                moves.append(PlacementMove(fellow: p.fellow, from: nil, to: to))
            }
        }
        for b in previous where !now.contains(b.fellow) {
            moves.append(
                PlacementMove(
                    fellow: b.fellow, from: Place(of: b), to: nil))
        }
        return moves
    }
}

extension PlacementOutcome {
    /// The new fellows not at their first choice (`FirstChoices`: the best
    /// rank each gave, gaps allowed), unplaced ones included, in placement order.
    public func notAtFirstChoice(_ first: FirstChoices) -> [FellowPlacement] {
        placements.filter {
            $0.status == .unplaced || ($0.status == .new && !first.isFirst($0.rank ?? 1, of: $0.fellow))
        }
    }
}
