import Domain
import Foundation
import GLPKBackend
import PlacementSolver
import Reports

/// A small program built in code: labs with one mentor each unless told
/// otherwise, fellows with ranked labs, funding sources.
struct TestProgram {
    var settings = ScenarioSettings(name: "test")
    var fellows: [Fellow] = []
    var labs: [Lab] = []
    var mentors: [Mentor] = []
    var funding: [FundingSource] = []
    var preferences: [Preference] = []
    var mentorPreferences: [MentorPreference] = []
    var costs: [CostOverride] = []
    var rules: [PlacementRule] = []

    /// A lab with areas and capacity, and its mentors (default: one mentor `m<lab>` of capacity 5).
    mutating func lab(
        _ id: String, areas: [String] = ["a"], capacity: Int = 5, mentors ms: [(String, Int, [String])]? = nil
    ) {
        labs.append(Lab(id: id, areas: areas, capacity: capacity))
        for (m, cap, mAreas) in ms ?? [("m\(id)", 5, [])] {
            mentors.append(Mentor(id: m, lab: id, areas: mAreas, capacity: cap))
        }
    }

    /// A new fellow ranking `ranks` in order (1, 2, 3, ...) unless explicit ranks are given.
    mutating func fellow(
        _ id: String, track: String = "clinical", citizenship: Citizenship = .citizen, interests: [String] = ["a"],
        cost: Int = 0, external: Int = 0, ranks: [String], explicitRanks: [Int]? = nil, scores: [Double]? = nil
    ) {
        fellows.append(
            Fellow(
                id: id, track: track, citizenship: citizenship, interests: interests, cost: cost,
                externalFunding: external))
        for (k, lab) in ranks.enumerated() {
            preferences.append(Preference(fellow: id, lab: lab, rank: explicitRanks?[k] ?? k + 1, score: scores?[k]))
        }
    }

    mutating func continuing(
        _ id: String, lab: String, mentor: String, citizenship: Citizenship = .citizen, cost: Int = 0,
        external: Int = 0, interests: [String] = ["a"]
    ) {
        fellows.append(
            Fellow(
                id: id, track: "clinical", citizenship: citizenship, status: .continuing, lab: lab, mentor: mentor,
                interests: interests, cost: cost, externalFunding: external))
    }

    mutating func source(
        _ id: String, lab: String? = nil, budget: Int, citizensOnly: Bool = false, areas: [String] = [],
        kind: FundingKind? = nil, slots: Int? = nil
    ) {
        funding.append(
            FundingSource(
                id: id, lab: lab, budget: budget, citizensOnly: citizensOnly, areas: areas, kind: kind, slots: slots))
    }

    var scenario: Scenario {
        Scenario(
            settings: settings, fellows: fellows, labs: labs, mentors: mentors, funding: funding,
            preferences: preferences,
            mentorPreferences: mentorPreferences, costs: costs, rules: rules)
    }

    func solve(previous: [PreviousPlacement]? = nil) throws -> PlacementOutcome {
        try PlacementEngine(solver: GLPKSolver()).run(scenario, previous: previous)
    }
}

extension PlacementOutcome {
    func placement(_ fellow: String) -> FellowPlacement? { placements.first { $0.fellow == fellow } }
    func lab(_ fellow: String) -> String? { placement(fellow)?.lab }
    func paid(_ fellow: String, by source: String) -> Int {
        placement(fellow)?.funding.first { $0.source == source }?.cents ?? 0
    }
    func used(_ source: String) -> Int { budgets.first { $0.source == source }?.usedCents ?? 0 }
}
