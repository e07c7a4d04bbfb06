import Domain
import Testing

@testable import PlacementSolver

/// The deferred-acceptance start (``StableStart``) is stable by the
/// definition: on the random programs of ``BlockingPairTests`` and
/// ``StabilityTests`` (no money), its placement has no blocking pair by
/// that suite's checker; it gives up (no start) only when a fellow who
/// must be placed is left out.
@Suite struct StableStartTests {
    @Test(arguments: 0..<60)
    func theStartIsStable(seed: Int) throws {
        var t = StabilityTests.program(seed)
        t.settings.stability = .stable
        let p = PlacementModel(scenario: t.scenario)
        guard !p.blockingVariables.isEmpty else { return }  // no eligible choice: nothing to start
        guard let values = StableStart.values(for: p) else {
            // A fellow who must be placed is left out: allowed only without unplaced fellows.
            #expect(!t.settings.allowUnplaced, "seed \(seed)")
            return
        }
        var placed: [String: Mentor?] = [:]
        for fi in p.newFellows { placed[t.scenario.fellows[fi].id] = .some(nil) }
        for (ci, c) in p.eligibility.choices.enumerated() where values[p.assign[ci].index] > 0.5 {
            placed[t.scenario.fellows[c.fellow].id] = .some(t.scenario.mentors[c.mentor])
        }
        #expect(BlockingPairTests.definition(t, placed).isEmpty, "seed \(seed)")
        // Its blocks columns are all 0, and it satisfies every stability row.
        #expect(p.blockingVariables.allSatisfy { values[$0.index] == 0 }, "seed \(seed)")
    }
}
