import Domain
import Foundation
import Reports
import Testing

@testable import PlacementSolver

/// Blocking pairs and the tie-break in the run's files: `summary.json`'s
/// `blocking_pairs` and `tie_break`, the office's report, never the public one.
@Suite struct BlockingPairsReportTests {
    /// Two labs of one place; Ada and Ben both rank A first and B second; Dr
    /// A ranks Ben above Ada. Placed by hand with Ada at A and Ben at B, the
    /// pair (Ben, Dr A) blocks: Ben prefers A and Dr A prefers Ben to Ada.
    func program() -> (Scenario, PlacementOutcome) {
        var settings = ScenarioSettings(name: "t")
        settings.seed = 42
        let fellows = ["ada": "Ada", "ben": "Ben"].sorted { $0.key < $1.key }.map {
            Fellow(id: $0.key, name: $0.value, track: "x", citizenship: .citizen, interests: ["a"], cost: 0)
        }
        let s = Scenario(
            settings: settings, fellows: fellows,
            labs: [Lab(id: "A", areas: ["a"], capacity: 1), Lab(id: "B", areas: ["a"], capacity: 1)],
            mentors: [
                Mentor(id: "mA", name: "Dr A", lab: "A", capacity: 1),
                Mentor(id: "mB", name: "Dr B", lab: "B", capacity: 1)
            ], funding: [],
            preferences: fellows.flatMap {
                [Preference(fellow: $0.id, lab: "A", rank: 1), Preference(fellow: $0.id, lab: "B", rank: 2)]
            },
            mentorPreferences: [
                MentorPreference(mentor: "mA", fellow: "ben", rank: 1),
                MentorPreference(mentor: "mA", fellow: "ada", rank: 2)
            ])
        let placements = [
            FellowPlacement(fellow: "ada", status: .new, lab: "A", mentor: "mA", rank: 1),
            FellowPlacement(fellow: "ben", status: .new, lab: "B", mentor: "mB", rank: 2)
        ]
        let o = PlacementOutcome(
            scenarioName: "t", objectiveKind: .totalRank, status: .feasible, objective: 3, bound: nil, gap: nil,
            solveSeconds: 0, placements: placements, rankProfile: [1: 1, 2: 1], unplaced: [], budgets: [],
            labLoads: ["A", "B"].map { Load(id: $0, capacity: 1, continuing: 0, new: 1) },
            mentorLoads: ["mA", "mB"].map { Load(id: $0, capacity: 1, continuing: 0, new: 1) }, warnings: [],
            diagnosis: nil, solves: 1)
        return (s, o)
    }

    @Test func theSummaryListsThePairAndTheSeed() throws {
        let (s, o) = program()
        let files = try RunFiles.files(for: o, scenario: s, public: true)
        let data = try #require(files["summary.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let pairs = try #require(json["blocking_pairs"] as? [[String: String]])
        #expect(pairs == [["fellow": "ben", "mentor": "mA", "lab": "A", "kind": "blocks"]])
        let tieBreak = try #require(json["tie_break"] as? [String: Any])
        #expect(tieBreak["policy"] as? String == "mentors-then-lottery" && tieBreak["seed"] as? Int == 42)
        #expect(tieBreak["settled"] == nil)  // no tie-break stage ran
    }

    /// A tie-break stopped at its search limit is said in `summary.json` and
    /// after the status line, which still calls the placement proved best.
    @Test func anUnsettledTieBreakIsSaid() throws {
        let (s, base) = program()
        var o = base
        o.status = .optimal
        o.tiesSettled = false
        let files = try RunFiles.files(for: o, scenario: s, public: false)
        let data = try #require(files["summary.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((json["tie_break"] as? [String: Any])?["settled"] as? Bool == false)
        let status = Wording.status(o)
        #expect(
            status.hasPrefix("Proved the best possible placement") && status.contains("stopped at its search limit"))
        o.tiesSettled = true
        #expect(!Wording.status(o).contains("search limit"))
    }

    @Test func theOfficesReportNamesThePairAndThePublicOneDoesNot() throws {
        let (s, o) = program()
        let files = try RunFiles.files(for: o, scenario: s, public: true)
        let report = String(decoding: try #require(files["report.html"]), as: UTF8.self)
        let shared = String(decoding: try #require(files["report-public.html"]), as: UTF8.self)
        #expect(report.contains("Is this placement fair?"))
        #expect(report.contains("1 blocking pair"))
        #expect(
            report.contains(
                "Ben (ben) and Dr A, A (1st choice; has the 2nd): the mentor ranks the fellow above Ada (ada)."))
        #expect(report.contains("lottery drawn with seed 42"))
        #expect(!shared.contains("blocking pair") && !shared.contains("Is this placement fair?"))
    }
}
