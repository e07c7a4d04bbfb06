import Domain
import GLPKBackend
import Testing

@testable import SeminarSolver

/// committee_rules.csv's locks and forbids in the formation, with answers
/// worked out by hand. One reader among r1 (works on x, y and z), r2 (x and
/// y) and r3 (x, and may not chair); f1 (lab L1, mentor mA) works on x, y, z.
@Suite struct CommitteeRuleTests {
    static let mentors = [
        CommitteeTests.mentor("mA", "L1", []), CommitteeTests.mentor("r1", "L2", ["x", "y", "z"], chair: true),
        CommitteeTests.mentor("r2", "L3", ["x", "y"], chair: true), CommitteeTests.mentor("r3", "L4", ["x"])
    ]

    static func program(
        _ rules: [(String, String, CommitteeRule.Kind)], readers: ClosedRange<Int> = 1...1,
        fellows: [(String, String, String, [String])] = [("f1", "L1", "mA", ["x", "y", "z"])]
    ) -> Scenario {
        var s = CommitteeTests.program(
            fellows: fellows, mentors: mentors, settings: CommitteeTests.settings(readers: readers, cover: false))
        s.committeeRules = rules.map { CommitteeRule(fellow: $0.0, member: $0.1, kind: $0.2) }
        return s
    }

    /// Without rules r1 reads (expertise 3); locked to f1, r2 reads instead
    /// (expertise 2), though r1 is better.
    @Test func aLockForcesTheSecondBestReader() throws {
        let free = try CommitteeTests.form(Self.program([]))
        #expect(CommitteeTests.seats(free, "f1") == ["mA:mentor", "r1:reader:chair"])
        let locked = try CommitteeTests.form(Self.program([("f1", "r2", .lock)]))
        #expect(CommitteeTests.seats(locked, "f1") == ["mA:mentor", "r2:reader:chair"])
        #expect(locked.worstExpertise == 2 && locked.proved)
    }

    /// Forbidding r1 leaves r2 (expertise 2); forbidding r2 as well leaves
    /// only r3, who may not chair: no committee, for want of a chair.
    @Test func aForbidForcesAnother() throws {
        let one = try CommitteeTests.form(Self.program([("f1", "r1", .forbid)]))
        #expect(CommitteeTests.seats(one, "f1") == ["mA:mentor", "r2:reader:chair"])
        let two = try CommitteeTests.form(Self.program([("f1", "r1", .forbid), ("f1", "r2", .forbid)]))
        #expect(two.committees.isEmpty && two.unformed.first?.reason == .noChair)
    }

    /// With up to two readers, r3 locked: r3 and the best other, r1
    /// (expertise 1 + 3 = 4; r1 chairs). With one candidate kept per fellow
    /// the locked r3 is still in the model, and the answer is proved by the
    /// bounds (the lock's best is 4 with 2 seats).
    @Test func aLockedMemberStaysInATrimmedModel() throws {
        let s = Self.program([("f1", "r3", .lock)], readers: 1...2)
        for limit in [1, 12] {
            let o = try CommitteeFormer(solver: GLPKSolver(), candidateLimit: limit, fullListsUpTo: 0).form(s)
            #expect(CommitteeTests.seats(o, "f1") == ["mA:mentor", "r1:reader:chair", "r3:reader"])
            #expect(o.worstExpertise == 4 && o.proved)
        }
    }

    /// One reader, r3 locked to f1: the seat is taken by someone who may not
    /// chair and mA may not chair, so f1 has no committee (no chair); f2 in
    /// another lab still gets r1. A lock never leaves the others without one.
    @Test func aLockThatLeavesNoCommitteeOnlyCostsItsFellow() throws {
        let s = Self.program(
            [("f1", "r3", .lock)],
            fellows: [("f1", "L1", "mA", ["x", "y", "z"]), ("f2", "L1", "mA", ["x"])])
        let o = try CommitteeTests.form(s)
        #expect(o.unformed.map(\.fellow) == ["f1"] && o.unformed.first?.reason == .noChair)
        #expect(CommitteeTests.seats(o, "f2").count == 2)
    }
}
