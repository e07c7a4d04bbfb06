import Domain
import Testing

@testable import SeminarSolver

/// Committees improved by moving members between them, checked by hand and
/// against enumeration of every committee of small programs.
@Suite struct CommitteeExchangesTests {
    /// Two fellows, one external seat each; x1 (areas a, b) and x2 (a), each
    /// on one committee. f1 (interest a) holds x1 and f2 (a, b) x2: 1 + 1.
    /// Swapped, f1 has x2 (1) and f2 x1 (2): 3, the best there is. Neither
    /// external has a seat left, so only a swap finds it.
    @Test func twoCommitteesSwapTheirExternals() {
        let s = Self.twoExternals
        let (start, open, pool, settings, bounds) = Self.started(s, [["x1"], ["x2"]])
        #expect(start.total == 2)
        let better = CommitteeExchanges.improve(start, open, pool: pool, settings: settings, bounds: bounds)
        #expect(better.chosen.map { $0?.members.map { pool[$0].id } } == [["x2"], ["x1"]])
        #expect(better.total == 3 && better.worst == 1 && better.formed == 2)
    }

    /// One external seat (x1, areas a, b, c): f1 (interest a) holds it, f2
    /// (a, b, c) has none. Only one can have a committee, and f2's has
    /// expertise 3 against f1's 1, so f2 takes f1's place.
    @Test func aFellowLeftOutTakesThePlaceOfOneServedWorse() {
        let s = CommitteeTests.program(
            fellows: [("f1", "L1", "mA", ["a"]), ("f2", "L2", "mB", ["a", "b", "c"])],
            mentors: [
                CommitteeTests.mentor("mA", "L1", ["z"], load: 0, chair: true),
                CommitteeTests.mentor("mB", "L2", ["z"], load: 0, chair: true),
                CommitteeTests.mentor("x1", "L3", ["a", "b", "c"], load: 1, external: true)
            ],
            settings: CommitteeTests.settings(readers: 0...0, externals: 1, cover: false, mentorChairs: true))
        let (start, open, pool, settings, bounds) = Self.started(s, [["x1"], nil])
        let better = CommitteeExchanges.improve(start, open, pool: pool, settings: settings, bounds: bounds)
        #expect(better.chosen.map { $0?.members.map { pool[$0].id } } == [nil, ["x1"]])
        #expect(better.total == 3 && better.formed == 1)
    }

    /// On 60 small programs where members run out, the exchanged committees
    /// keep every rule (each is one of the fellow's committees that
    /// enumeration lists, with its expertise), keep every load, never come
    /// after the start in the stages' order, and never pass the optimum.
    @Test func exchangesKeepTheRulesAndNeverPassTheOptimum() {
        var rng = SeededRandom(seed: 47)  // the priced committees' programs: each enumerates in well under a second
        var better = 0
        for round in 0..<60 {
            guard let r = ScarceRound(&rng) else { continue }
            let exchanged = CommitteeExchanges.improve(
                r.start, r.open, pool: r.pool, settings: r.settings, bounds: r.bounds)
            r.expectSound(exchanged, round: round)
            #expect(exchanged.formed == r.start.formed && (exchanged.worst ?? 0) >= (r.start.worst ?? 0))
            var loads = [Int](repeating: 0, count: r.pool.count)
            for choice in exchanged.chosen { for p in choice?.members ?? [] { loads[p] += 1 } }
            #expect(loads == exchanged.loads, "round \(round)")
            better += exchanged.key > r.start.key ? 1 : 0
        }
        #expect(better >= 1)
    }

    /// Two fellows, one external seat each, the mentors chairing: f1
    /// (interest a) and f2 (a, b); x1 (areas a, b) and x2 (a), one committee each.
    static let twoExternals = CommitteeTests.program(
        fellows: [("f1", "L1", "mA", ["a"]), ("f2", "L2", "mB", ["a", "b"])],
        mentors: [
            CommitteeTests.mentor("mA", "L1", ["z"], load: 0, chair: true),
            CommitteeTests.mentor("mB", "L2", ["z"], load: 0, chair: true),
            CommitteeTests.mentor("x1", "L3", ["a", "b"], load: 1, external: true),
            CommitteeTests.mentor("x2", "L3", ["a"], load: 1, external: true)
        ],
        settings: CommitteeTests.settings(readers: 0...0, externals: 1, cover: false, mentorChairs: true))

    /// `s`'s candidates with `members` (ids, per fellow in order) seated as
    /// the start, the mentor chairing.
    static func started(_ s: Scenario, _ members: [[String]?]) -> (
        DirectCommittees, [CommitteeCandidates], [CommitteeMember], CommitteeSettings, CommitteeBounds
    ) {
        let settings = s.settings.committee!
        let pool = CommitteeMember.pool(s)
        let open = CommitteeCandidates.all(s, pool: pool)
        let bounds = CommitteeBounds(open, pool: pool, settings: settings)
        var d = DirectCommittees(loads: Array(repeating: 0, count: pool.count))
        d.chosen = Array(repeating: nil, count: open.count)
        for (i, ids) in members.enumerated() {
            guard let ids else { continue }
            let seated = ids.compactMap { id in pool.firstIndex { $0.id == id } }
            if let choice = d.valid(seated, open[i], pool: pool) { d.seat(choice, for: i) }
        }
        return (d, open, pool, settings, bounds)
    }
}
