import Domain
import GLPKBackend
import Testing

@testable import SeminarSolver

/// A re-plan keeps the published thesis committees (issue 31): a committee
/// still valid stays seat for seat, even where a fresh formation would
/// choose otherwise; one with a member gone is formed again, alone.
/// Answers worked out by hand.
@Suite struct KeptCommitteeTests {
    typealias C = CommitteeTests

    static func seat(_ member: String, _ role: CommitteeRole, chair: Bool = false) -> CommitteeOutcome.Seat {
        CommitteeOutcome.Seat(member: member, role: role, chair: chair)
    }

    static func form(_ s: Scenario, _ published: [String: [CommitteeOutcome.Seat]]) throws -> CommitteeOutcome {
        try KeptCommittees.form(s, published: published, former: CommitteeFormer(solver: GLPKSolver()))
    }

    /// f1 (interests x, y) needs one reader: r1 (x and y) is best afresh,
    /// but the published committee has r2 (x), still valid: it is kept. With
    /// r2 now in conflict with f1 it is not, and f1's committee is formed
    /// again: r1.
    @Test func aRerunAfterPublishKeepsTheCommittee() throws {
        let mentors = [
            C.mentor("mA", "L1", []), C.mentor("r1", "L2", ["x", "y"], chair: true),
            C.mentor("r2", "L3", ["x"], chair: true)
        ]
        let fellows = [("f1", "L1", "mA", ["x", "y"])]
        let settings = C.settings(readers: 1...1, cover: false)
        let s = C.program(fellows: fellows, mentors: mentors, settings: settings)
        #expect(C.seats(try C.form(s), "f1") == ["mA:mentor", "r1:reader:chair"])
        let published = ["f1": [Self.seat("mA", .mentor), Self.seat("r2", .reader, chair: true)]]
        let kept = try Self.form(s, published)
        #expect(C.seats(kept, "f1") == ["mA:mentor", "r2:reader:chair"])
        #expect(kept.totalExpertise == 1 && kept.loads == ["r2": 1] && kept.unformed.isEmpty)
        let conflicted = C.program(fellows: fellows, mentors: mentors, conflicts: [("r2", "f1")], settings: settings)
        #expect(C.seats(try Self.form(conflicted, published), "f1") == ["mA:mentor", "r1:reader:chair"])
    }

    /// Published: f1 with r1, f2 with r3 (who works on neither's interest).
    /// r1 leaves the pool: f2's committee stays as published (though r2
    /// would serve f2 better), and only f1's is formed again; r3's one
    /// committee is taken by f2, so f1 gets r2.
    @Test func aMemberWhoLeavesChangesOnlyThatFellowsCommittee() throws {
        let others = [
            C.mentor("mA", "L1", ["q"], load: 0), C.mentor("mB", "L2", ["q"], load: 0),
            C.mentor("r2", "L4", ["x"], load: 1, chair: true), C.mentor("r3", "L3", ["z"], load: 1, chair: true)
        ]
        let fellows = [("f1", "L1", "mA", ["x"]), ("f2", "L2", "mB", ["x"])]
        let settings = C.settings(readers: 1...1, cover: false)
        let published = [
            "f1": [Self.seat("mA", .mentor), Self.seat("r1", .reader, chair: true)],
            "f2": [Self.seat("mB", .mentor), Self.seat("r3", .reader, chair: true)]
        ]
        let s = C.program(fellows: fellows, mentors: others, settings: settings)
        let o = try Self.form(s, published)
        #expect(C.seats(o, "f1") == ["mA:mentor", "r2:reader:chair"])
        #expect(C.seats(o, "f2") == ["mB:mentor", "r3:reader:chair"])
        #expect(o.committees.map(\.fellow) == ["f1", "f2"] && o.loads == ["r2": 1, "r3": 1])
        // With r1 still there, both stay as published.
        let all = C.program(
            fellows: fellows, mentors: others + [C.mentor("r1", "L3", ["x"], load: 1, chair: true)], settings: settings)
        let both = try Self.form(all, published)
        #expect(C.seats(both, "f1") == ["mA:mentor", "r1:reader:chair"])
        #expect(C.seats(both, "f2") == ["mB:mentor", "r3:reader:chair"])
    }

    /// f1 (interests x, y) has two readers: r1 (chair) and r2 (x). r1
    /// leaves: r2 stays, though r3 and r4 (x and y each, both may chair)
    /// would be the best pair afresh; r1's seat goes to r3 (expertise 2, the
    /// first of the two best in mentors.csv), who now chairs.
    @Test func aLostSeatIsFilledAndTheOthersStay() throws {
        let mentors = [
            C.mentor("mA", "L1", []), C.mentor("r2", "L2", ["x"]), C.mentor("r3", "L3", ["x", "y"], chair: true),
            C.mentor("r4", "L4", ["x", "y"], chair: true)
        ]
        let s = C.program(
            fellows: [("f1", "L1", "mA", ["x", "y"])], mentors: mentors,
            settings: C.settings(readers: 2...2, cover: false))
        let fresh = try C.form(s).committees.first?.seats.map(\.member)
        #expect(fresh == ["mA", "r3", "r4"])
        let published = [
            "f1": [Self.seat("mA", .mentor), Self.seat("r1", .reader, chair: true), Self.seat("r2", .reader)]
        ]
        let o = try Self.form(s, published)
        #expect(C.seats(o, "f1") == ["mA:mentor", "r2:reader", "r3:reader:chair"])
        #expect(o.totalExpertise == 3 && o.loads == ["r2": 1, "r3": 1])
    }
}
