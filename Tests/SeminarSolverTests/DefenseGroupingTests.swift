import Domain
import GLPKBackend
import Testing

@testable import SeminarSolver

/// The second aim of the defenses (issue 31): a member's defenses on as few
/// days as possible, then back to back. Answers worked out by hand.
@Suite struct DefenseGroupingTests {
    /// f1 and f2 share the reader r (mentors m1 and m2). One room, slots on
    /// June 1 at 9:00 and on June 2 at 9:00, 10:00 and 14:00 (an hour each).
    /// The direct plan puts f1 on June 1 at 9:00 and f2 on June 2 at 9:00
    /// (two days for r). On one day r's defenses span 9:00–11:00 (120
    /// minutes) at 9:00 and 10:00, 9:00–15:00 or 10:00–15:00 otherwise: so
    /// both on June 2, at 9:00 and 10:00, back to back.
    @Test func twoDefensesSharingAReaderAreOnOneDayBackToBack() throws {
        let slots = [
            DefenseTests.slot(1, "09:00", "10:00", "A", line: 2), DefenseTests.slot(2, "09:00", "10:00", "A", line: 3),
            DefenseTests.slot(2, "10:00", "11:00", "A", line: 4), DefenseTests.slot(2, "14:00", "15:00", "A", line: 5)
        ]
        let s = DefenseTests.scenario(fellows: ["f1", "f2"], slots: slots)
        let c = DefenseTests.committees([("f1", ["m1", "r"]), ("f2", ["m2", "r"])])
        let scheduler = DefenseScheduler(solver: GLPKSolver())
        let people = [["f1", "m1", "r"], ["f2", "m2", "r"]]
        #expect(DefenseScheduler.greedy(free: [[0, 1, 2, 3], [0, 1, 2, 3]], people: people, slots: slots) == [0, 1])
        let o = try scheduler.schedule(s, committees: c)
        #expect(o.defenses.count == 2 && o.proved)
        #expect(Set(o.defenses.map(\.slot)) == [slots[1], slots[2]])
    }

    /// Without a shared member nothing is regrouped: the direct plan stands.
    @Test func withoutASharedMemberTheDirectPlanStands() throws {
        let slots = [
            DefenseTests.slot(1, "09:00", "10:00", "A", line: 2), DefenseTests.slot(2, "09:00", "10:00", "A", line: 3)
        ]
        let s = DefenseTests.scenario(fellows: ["f1", "f2"], slots: slots)
        let o = try DefenseScheduler(solver: GLPKSolver()).schedule(
            s, committees: DefenseTests.committees([("f1", ["m1", "r1"]), ("f2", ["m2", "r2"])]))
        #expect(o.defenses.map(\.fellow) == ["f1", "f2"] && o.defenses.map(\.slot) == slots)
    }
}
