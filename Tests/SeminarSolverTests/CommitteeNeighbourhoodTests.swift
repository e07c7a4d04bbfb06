import Domain
import GLPKBackend
import Testing

@testable import SeminarSolver

/// The committees of the fellows below their best re-formed by a small
/// model over their neighbourhood, checked by hand and against enumeration
/// of every committee of small programs.
@Suite struct CommitteeNeighbourhoodTests {
    /// Two fellows, one external seat each; x1 (areas a, b) and x2 (a), each
    /// on one committee. f1 (interest a) holds x1 and f2 (a, b) x2: 1 + 1,
    /// f2 below its best (2). f1 holds x1, whom f2 could have, so both are
    /// in the neighbourhood; swapped, f1 has x2 (1) and f2 x1 (2): 3, every
    /// fellow at its best.
    @Test func aFellowBelowItsBestGetsTheMemberItsNeighbourHolds() throws {
        let s = CommitteeExchangesTests.twoExternals
        let (start, open, pool, settings, bounds) = CommitteeExchangesTests.started(s, [["x1"], ["x2"]])
        let (better, size) = try CommitteeNeighbourhood(
            solver: GLPKSolver(), options: .deterministic, candidateLimit: 2
        )
        .improve(start, open, pool: pool, settings: settings, bounds: bounds)
        #expect(better.chosen.map { $0?.members.map { pool[$0].id } } == [["x2"], ["x1"]])
        #expect(better.total == 3 && better.worst == 1 && better.reaches(bounds, fellows: 2))
        #expect(size != nil)
    }

    /// Every fellow at its best: no neighbourhood, no model.
    @Test func nothingBelowItsBestBuildsNoModel() throws {
        let s = CommitteeExchangesTests.twoExternals
        let (start, open, pool, settings, bounds) = CommitteeExchangesTests.started(s, [["x2"], ["x1"]])
        let (same, size) = try CommitteeNeighbourhood(solver: GLPKSolver(), options: .deterministic, candidateLimit: 2)
            .improve(start, open, pool: pool, settings: settings, bounds: bounds)
        #expect(same.chosen == start.chosen && size == nil)
    }

    /// On 60 small programs, from the direct committees: every committee is
    /// one enumeration lists (with its expertise), no load passes the
    /// member's `committee_load` nor the start's largest, the stages' order
    /// never prefers the start, the formed fellows stay and the worst never
    /// drops, and the optimum is never passed; where every bound is
    /// reached, the total is the enumerated optimum's.
    @Test func neighbourhoodsKeepTheRulesAndNeverPassTheOptimum() throws {
        var rng = SeededRandom(seed: 47)  // the exchanges' programs: each enumerates in well under a second
        var better = 0
        let near = CommitteeNeighbourhood(solver: GLPKSolver(), options: .deterministic, candidateLimit: 2)
        for round in 0..<60 {
            guard let r = ScarceRound(&rng) else { continue }
            let (d, _) = try near.improve(r.start, r.open, pool: r.pool, settings: r.settings, bounds: r.bounds)
            r.expectSound(d, round: round)
            #expect(d.formed == r.start.formed && (d.worst ?? 0) >= (r.start.worst ?? 0), "round \(round)")
            #expect(d.largestLoad <= r.start.largestLoad, "round \(round)")
            var loads = [Int](repeating: 0, count: r.pool.count)
            for choice in d.chosen { for p in choice?.members ?? [] { loads[p] += 1 } }
            #expect(loads == d.loads, "round \(round)")
            better += d.key > r.start.key ? 1 : 0
            if d.formed == r.open.count && d.reaches(r.bounds, fellows: r.open.count) {
                #expect(d.total == r.optimum.2, "round \(round)")
            }
        }
        #expect(better >= 1)
    }
}
