import Domain
import Testing

@testable import SeminarSolver

/// The committees chosen under prices on the members' seats, checked by hand
/// and against enumeration of every committee of small programs.
@Suite struct PricedCommitteesTests {
    /// Three fellows, one external seat each on x1 (areas p, q) and x2 (u,
    /// v): f1 (interests p, q, u, v) is served as well by either, f2 (p, q)
    /// only by x1, f3 (u) only by x2 (expertise 1). Taken lowest best first,
    /// f3 takes x2 and f1 then x1, so f2 goes without: worst 1, total 3. Only
    /// two can have a committee; the best two are f1 with x2 and f2 with x1
    /// (worst 2, total 4), which a price on x1 (wanted by f1 and f2) finds.
    @Test func aPriceOnTheScarceMemberServesTheFellowsWhoGainMost() {
        let s = CommitteeTests.program(
            fellows: [
                ("f1", "L1", "mA", ["p", "q", "u", "v"]), ("f2", "L2", "mB", ["p", "q"]), ("f3", "L3", "mC", ["u"])
            ],
            mentors: [
                CommitteeTests.mentor("mA", "L1", ["z"], load: 0, chair: true),
                CommitteeTests.mentor("mB", "L2", ["z"], load: 0, chair: true),
                CommitteeTests.mentor("mC", "L3", ["z"], load: 0, chair: true),
                CommitteeTests.mentor("x1", "L4", ["p", "q"], load: 1, external: true),
                CommitteeTests.mentor("x2", "L4", ["u", "v"], load: 1, external: true)
            ],
            settings: CommitteeTests.settings(readers: 0...0, externals: 1, cover: false, mentorChairs: true))
        let settings = s.settings.committee!
        let pool = CommitteeMember.pool(s)
        let open = CommitteeCandidates.all(s, pool: pool)
        let bounds = CommitteeBounds(open, pool: pool, settings: settings)
        let lowestFirst = DirectCommittees(open, pool: pool, settings: settings, bounds: bounds)
        #expect(lowestFirst.chosen.map { $0?.members.map { pool[$0].id } } == [["x1"], nil, ["x2"]])
        #expect(lowestFirst.worst == 1 && lowestFirst.total == 3)
        let priced = PricedCommittees.improve(lowestFirst, open, pool: pool, settings: settings, bounds: bounds)
        #expect(priced.chosen.map { $0?.members.map { pool[$0].id } } == [["x2"], ["x1"], nil])
        #expect(priced.formed == 2 && priced.worst == 2 && priced.total == 4)
    }

    /// On 60 small programs where members run out, the priced committees
    /// keep every rule (each is one of the fellow's committees that
    /// enumeration lists, with its expertise), never come after the start
    /// in the stages' order, and never pass the enumerated optimum.
    @Test func pricedCommitteesKeepTheRulesAndNeverPassTheOptimum() {
        var rng = SeededRandom(seed: 47)
        var better = 0
        for round in 0..<60 {
            guard let r = ScarceRound(&rng) else { continue }
            let priced = PricedCommittees.improve(
                r.start, r.open, pool: r.pool, settings: r.settings, bounds: r.bounds)
            r.expectSound(priced, round: round)
            better += priced.key > r.start.key ? 1 : 0
        }
        #expect(better >= 1)
    }
}
