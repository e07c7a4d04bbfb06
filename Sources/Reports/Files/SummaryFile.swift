import Foundation
import PlacementSolver
import SeminarSolver

/// `summary.json`: the run's status, objective and measures. Keys are sorted
/// so the file is stable; `solve_seconds` is the only field that varies
/// between identical runs.
public struct SummaryFile: Encodable {
    struct Budget: Encodable {
        var source: String
        var budget: Int
        var used: Double
        var left: Double
    }

    struct LoadEntry: Encodable {
        var id: String
        var capacity: Int
        var continuing: Int
        var new: Int
    }

    struct Change: Encodable {
        var kind: String
        var subject: String
        var current: Int?
        var needed: Int?
        var message: String
    }

    struct ScheduleEntry: Encodable {
        var status: String
        var talks: Int
        var sessions_used: Int
        var sessions_with_same_lab: Int
        var sessions_with_same_track: Int
        var solve_seconds: Double
        var explanation: [String]
        var kept: Int?
        var moves: [String]?
        /// The soft-aim penalty (the model's objective) and the least any schedule can have, as far as proved.
        var penalty: Double?
        var least_penalty: Double?
        /// `(penalty − least_penalty) / |penalty|`: 0 when proved best.
        var gap: Double?
        /// Sessions without a talk: id and date.
        var empty_sessions: [String]
    }

    /// In a re-plan: the date before which talks were treated as held, where
    /// it came from (`given`, `withdrawn_on`, `recorded`, `published`,
    /// `none`) and a sentence saying so.
    struct TodayEntry: Encodable {
        var date: String?
        var source: String
        var explanation: String

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(date, forKey: .date)
            try c.encode(source, forKey: .source)
            try c.encode(explanation, forKey: .explanation)
        }

        enum CodingKeys: String, CodingKey { case date, source, explanation }
    }

    struct TieEntry: Encodable {
        var fellow: String
        var lab: String
        var alternative_lab: String
        var alternative_mentor: String?
        /// `mentors`, `lottery` or `search` (`Wording.decidedCode`).
        var decided_by: String
    }

    /// A new fellow and a mentor who would both rather be together (`BlockingPair`).
    struct BlockingPairEntry: Encodable {
        var fellow: String
        var mentor: String
        var lab: String
        /// `blocks` or `if-money-allowed`.
        var kind: String
    }

    /// What `[placement] stability` cost by the objective (`StabilityCost`).
    struct StabilityCostEntry: Encodable {
        /// The placement's objective (Σ rank for the lexicographic kinds).
        var objective: Double
        /// The best objective without stability (Σ rank for the lexicographic kinds).
        var objective_without_stability: Double
        /// How much better the best placement without stability is by the objective (0: stability cost nothing).
        var difference: Double
        /// The rank profile without stability.
        var rank_profile_without_stability: [String: Int]
        /// Stability cost nothing (for the lexicographic kinds: the same rank profile).
        var free: Bool
        /// Both solves proved best.
        var proved: Bool
    }

    /// `[placement] tie_break` and `seed`: how ties were decided, so a published match can be reproduced.
    struct TieBreakEntry: Encodable {
        var policy: String
        var seed: Int
        /// Whether the tie-break stages ran to their end (absent when none ran).
        var settled: Bool?
    }

    struct DiagnosisEntry: Encodable {
        var summary: String
        var findings: [String]
        var changes: [Change]
        /// Other sets of changes, each enough on its own.
        var alternatives: [[Change]]
    }

    var scenario: String
    var intake: String?
    var objective_kind: String
    /// The whole run: the placement's status, or the schedule's when a
    /// placement was found but no seminar schedule.
    var status: String
    /// The placement's own status.
    var placement_status: String
    /// What the run achieved, in words.
    var result: String
    var objective: Double?
    var bound: Double?
    var gap: Double?
    var solve_seconds: Double
    var solves: Int
    var rank_profile: [String: Int]
    var unplaced: [String]
    var budgets: [Budget]
    var labs: [LoadEntry]
    var mentors: [LoadEntry]
    var warnings: [String]
    var diagnosis: DiagnosisEntry?
    var schedule: ScheduleEntry?
    /// New fellows whose lab differs among equally good placements (`nil`: not checked).
    var ties: [TieEntry]?
    /// Every blocking pair of the placement (empty without a placement).
    var blocking_pairs: [BlockingPairEntry] = []
    /// The tie-break policy and the lottery's seed (`nil`: not given to the file).
    var tie_break: TieBreakEntry?
    /// With `stable` or `fewest-blocking-pairs` and a placement: what stability cost (`null` otherwise).
    var stability_cost: StabilityCostEntry?
    /// Training grants' appointments (`nil`: no source is a training grant).
    var appointments: [GrantEntry]?
    /// In a re-plan: the date talks before which were treated as held.
    var today: TodayEntry?
    /// After a re-match or re-plan against the official match: what changed since.
    var changes: ChangesEntry?
    /// Thesis committees, when the scenario forms them.
    var committees: CommitteeFiles.Entry?
    /// Thesis defenses, when the scenario has defense_slots.csv and committees.
    var defenses: DefenseFiles.Entry?

    public init(_ o: PlacementOutcome, intake: String?, schedule: ScheduleOutcome? = nil) {
        scenario = o.scenarioName
        self.intake = intake
        objective_kind = o.objectiveKind.rawValue
        placement_status = o.status.rawValue
        if o.hasPlacement, let schedule, !schedule.hasSchedule {
            status = schedule.status.rawValue
            result =
                schedule.status == .timeLimitNoSolution
                ? "Placements found (\(o.status.rawValue)); no seminar schedule was found within the time limit."
                : "Placements found (\(o.status.rawValue)); no seminar schedule exists (see schedule.explanation)."
        } else {
            status = o.status.rawValue
            switch o.status {
            case .optimal, .feasible:
                result =
                    "Placements found (\(o.status.rawValue))"
                    + (schedule == nil ? "." : " and the seminar schedule (\(schedule!.status.rawValue)).")
            case .infeasible: result = "No placement exists (see diagnosis)."
            case .timeLimitNoSolution: result = "No placement was found within the time limit."
            }
        }
        objective = o.objective.map { ($0 * 1e6).rounded() / 1e6 }
        bound = o.bound.map { ($0 * 1e6).rounded() / 1e6 }
        gap = o.gap.map { ($0 * 1e9).rounded() / 1e9 }
        solve_seconds = (o.solveSeconds * 1000).rounded() / 1000
        solves = o.solves
        rank_profile = Dictionary(uniqueKeysWithValues: o.rankProfile.map { (String($0.key), $0.value) })
        unplaced = o.unplaced
        budgets = o.budgets.map {
            Budget(
                source: $0.source, budget: $0.budget, used: Double($0.usedCents) / 100, left: Double($0.leftCents) / 100
            )
        }
        labs = o.labLoads.map { LoadEntry(id: $0.id, capacity: $0.capacity, continuing: $0.continuing, new: $0.new) }
        mentors = o.mentorLoads.map {
            LoadEntry(id: $0.id, capacity: $0.capacity, continuing: $0.continuing, new: $0.new)
        }
        warnings = o.warnings.map(\.message)
        diagnosis = o.diagnosis.map { d in
            DiagnosisEntry(
                summary: d.summary, findings: d.findings.map(\.message),
                changes: d.changes.map {
                    Change(
                        kind: $0.kind.rawValue, subject: $0.subject, current: $0.current, needed: $0.needed,
                        message: $0.message)
                },
                alternatives: d.alternatives.map { set in
                    set.map {
                        Change(
                            kind: $0.kind.rawValue, subject: $0.subject, current: $0.current, needed: $0.needed,
                            message: $0.message)
                    }
                })
        }
        self.schedule = schedule.map { s in
            ScheduleEntry(
                status: s.status.rawValue, talks: s.talks.count, sessions_used: Set(s.talks.map(\.session.id)).count,
                sessions_with_same_lab: s.sessionsWithSameLab, sessions_with_same_track: s.sessionsWithSameTrack,
                solve_seconds: (s.solveSeconds * 1000).rounded() / 1000, explanation: ScheduleObstacleWording.lines(s),
                kept: s.moves.isEmpty && s.kept == 0 ? nil : s.kept,
                moves: s.moves.isEmpty && s.kept == 0 ? nil : s.moves.map(\.description),
                penalty: s.penalty.map { ($0 * 1000).rounded() / 1000 },
                least_penalty: s.penaltyBound.map { ($0 * 1000).rounded() / 1000 },
                gap: s.gap.map { ($0 * 1e6).rounded() / 1e6 },
                empty_sessions: s.emptySessions.map { "\($0.id) \($0.date)" })
        }
    }

    enum CodingKeys: String, CodingKey {
        case scenario, intake, objective_kind, status, placement_status, result, objective, bound, gap, solve_seconds,
            solves, rank_profile,
            unplaced, budgets, labs, mentors, warnings, diagnosis, schedule, ties, appointments, today, changes,
            blocking_pairs, tie_break, stability_cost, committees, defenses
    }

    /// Optional values are written as `null` rather than left out.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(scenario, forKey: .scenario)
        try c.encode(intake, forKey: .intake)
        try c.encode(objective_kind, forKey: .objective_kind)
        try c.encode(status, forKey: .status)
        try c.encode(placement_status, forKey: .placement_status)
        try c.encode(result, forKey: .result)
        try c.encode(objective, forKey: .objective)
        try c.encode(bound, forKey: .bound)
        try c.encode(gap, forKey: .gap)
        try c.encode(solve_seconds, forKey: .solve_seconds)
        try c.encode(solves, forKey: .solves)
        try c.encode(rank_profile, forKey: .rank_profile)
        try c.encode(unplaced, forKey: .unplaced)
        try c.encode(budgets, forKey: .budgets)
        try c.encode(labs, forKey: .labs)
        try c.encode(mentors, forKey: .mentors)
        try c.encode(warnings, forKey: .warnings)
        try c.encode(blocking_pairs, forKey: .blocking_pairs)
        if let tie_break { try c.encode(tie_break, forKey: .tie_break) }
        try c.encode(stability_cost, forKey: .stability_cost)
        if let diagnosis { try c.encode(diagnosis, forKey: .diagnosis) }
        if let schedule { try c.encode(schedule, forKey: .schedule) }
        if let ties { try c.encode(ties, forKey: .ties) }
        if let appointments { try c.encode(appointments, forKey: .appointments) }
        if let today { try c.encode(today, forKey: .today) }
        if let changes { try c.encode(changes, forKey: .changes) }
        if let committees { try c.encode(committees, forKey: .committees) }
        if let defenses { try c.encode(defenses, forKey: .defenses) }
    }

    public func render() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(self)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
