import Domain
import Foundation
import GLPKBackend
import Reports
import Testing

@testable import PlacementSolver

/// The cost of stability ("The cost of stability" in docs/scenario-format.md)
/// on hand-worked programs: the engine's figure, the report's sentence and
/// summary.json's `stability_cost`.
@Suite struct StabilityCostTests {
    /// Two labs of one place, one mentor each; f1 ranks A 1st and B 2nd, f2
    /// ranks A 1st and B 3rd; mA ranks `aFirst` first. Without stability
    /// the smallest total rank is f2–A, f1–B (1 + 2 = 3; f1–A, f2–B is
    /// 1 + 3 = 4). When mA ranks f1 first, (f1, mA) blocks it, so the only
    /// stable placement is f1–A, f2–B: stability costs 1 rank. When mA ranks
    /// f2 first, the optimum is stable and costs nothing.
    static func program(aFirst: String) -> TestProgram {
        var t = TestProgram()
        t.lab("A", capacity: 1, mentors: [("mA", 1, [])])
        t.lab("B", capacity: 1, mentors: [("mB", 1, [])])
        t.fellow("f1", ranks: ["A", "B"])
        t.fellow("f2", ranks: ["A", "B"], explicitRanks: [1, 3])
        let other = aFirst == "f1" ? "f2" : "f1"
        t.mentorPreferences = [
            MentorPreference(mentor: "mA", fellow: aFirst, rank: 1),
            MentorPreference(mentor: "mA", fellow: other, rank: 2)
        ]
        return t
    }

    static func cost(_ t: TestProgram) throws -> (PlacementOutcome, StabilityCost?) {
        let engine = PlacementEngine(solver: GLPKSolver())
        var o = try engine.run(t.scenario)
        o.stabilityCost = try engine.stabilityCost(t.scenario, base: o)
        return (o, o.stabilityCost)
    }

    @Test func stabilityCostsOneRank() throws {
        var t = Self.program(aFirst: "f1")
        t.settings.stability = .stable
        let (o, found) = try Self.cost(t)
        let c = try #require(found)
        #expect(o.lab("f1") == "A" && o.lab("f2") == "B")
        #expect(c.objective == 4 && c.objectiveWithout == 3 && c.difference == 1)
        #expect(!c.isFree && c.proved)
        let sentence = Wording.stabilityCost(o, pairs: [], settings: t.settings)
        #expect(
            sentence
                == "Stability cost 1 in total rank: the best placement without stability would be 1 rank better in total (3 against 4 here, by the objective)."
        )
        let files = try RunFiles.files(for: o, scenario: t.scenario)
        let summary = try #require(
            try JSONSerialization.jsonObject(with: files["summary.json"]!) as? [String: Any])
        let entry = try #require(summary["stability_cost"] as? [String: Any])
        #expect(entry["difference"] as? Double == 1)
        #expect(entry["objective_without_stability"] as? Double == 3)
        #expect(entry["free"] as? Bool == false && entry["proved"] as? Bool == true)
    }

    @Test func aStableOptimumCostsNothing() throws {
        var t = Self.program(aFirst: "f2")
        t.settings.stability = .fewestBlockingPairs
        let (o, found) = try Self.cost(t)
        let c = try #require(found)
        #expect(o.lab("f2") == "A" && c.difference == 0 && c.isFree)
        #expect(
            Wording.stabilityCost(o, pairs: [], settings: t.settings)
                == "The objective's optimum is stable: stability cost nothing.")
    }

    /// Under `report` no second solve is made: a proved optimum without
    /// blocking pairs is the stable optimum too; with pairs, the sentence
    /// says where the cost is worked out; summary.json has `null`.
    @Test func underReportOnlyWhatIsKnown() throws {
        let free = Self.program(aFirst: "f2")
        let (o, c) = try Self.cost(free)
        #expect(c == nil)
        let pairs = BlockingPairs.find(free.scenario, o)
        #expect(pairs.isEmpty)
        #expect(
            Wording.stabilityCost(o, pairs: pairs, settings: free.settings)
                == "The objective's optimum is stable: stability cost nothing.")
        let files = try RunFiles.files(for: o, scenario: free.scenario)
        let summary = try #require(
            try JSONSerialization.jsonObject(with: files["summary.json"]!) as? [String: Any])
        #expect(summary["stability_cost"] is NSNull)

        let costly = Self.program(aFirst: "f1")
        let (u, _) = try Self.cost(costly)
        let blocking = BlockingPairs.find(costly.scenario, u)
        #expect(blocking.map(\.fellow) == ["f1"])
        #expect(
            Wording.stabilityCost(u, pairs: blocking, settings: costly.settings)?.hasPrefix(
                "What stability would cost is not worked out here") == true)
    }
}
