import Domain
import GLPKBackend
import Testing

@testable import Reports
@testable import SeminarSolver

/// What a what-if changes in the thesis committees (issue 31's "a what-if
/// where a reader leaves is compared and explained"), on programs small
/// enough to work out by hand.
@Suite struct CommitteeComparisonTests {
    /// One continuing fellow f1 in lab L1 (mentor m1, interest `genomics`)
    /// and two possible readers who may chair: c1 (genomics) and c2 (imaging).
    /// One reader per committee; expertise counts the fellow's interests
    /// among the reader's areas, so c1 (1) is chosen over c2 (0); without
    /// c1, or with c1 in conflict, c2 is the only reader left.
    static func program(withoutC1: Bool = false, conflict: Bool = false) -> Scenario {
        var s = Scenario(
            settings: ScenarioSettings(name: "committees"),
            fellows: [
                Fellow(
                    id: "f1", name: "Ada Lovelace", track: "t", citizenship: .citizen, status: .continuing,
                    lab: "L1", mentor: "m1", interests: ["genomics"], cost: 0)
            ],
            labs: (1...3).map { Lab(id: "L\($0)", areas: ["genomics", "imaging"], capacity: 5) },
            mentors: [Mentor(id: "m1", name: "Dr. Mentor", lab: "L1", areas: ["genomics"], capacity: 2)],
            funding: [], preferences: [])
        s.faculty = [
            FacultyMember(id: "c1", name: "Dr. Reader One", lab: "L2", areas: ["genomics"], chair: true),
            FacultyMember(id: "c2", name: "Dr. Reader Two", lab: "L3", areas: ["imaging"], chair: true)
        ].filter { !(withoutC1 && $0.id == "c1") }
        if conflict { s.conflicts = [CommitteeConflict(person: "c1", fellow: "f1", reason: "co-author")] }
        var settings = CommitteeSettings()
        settings.minReaders = 1
        settings.maxReaders = 1
        s.settings.committee = settings
        return s
    }

    static func changes(_ base: Scenario, _ other: Scenario) throws -> [CommitteeChange] {
        let former = CommitteeFormer(solver: GLPKSolver())
        return CommitteeChange.changes(
            (try former.form(base), base), (try former.form(other), other), names: Directory(base))
    }

    @Test func aReaderWhoLeavesIsReplacedAndTheReasonIsGiven() throws {
        let changes = try Self.changes(Self.program(), Self.program(withoutC1: true))
        #expect(changes.count == 1)
        let c = try #require(changes.first)
        #expect(c.left.map(\.member) == ["c1"] && c.left.first?.why == "not in this what-if")
        #expect(c.joined.map(\.member) == ["c2"] && c.joined.first?.role == "reader")
        #expect(c.chairBefore == "c1" && c.chairAfter == "c2")
        let sentence = CommitteeComparison.sentence(c, base: Self.program(), other: Self.program(withoutC1: true))
        #expect(
            sentence
                == "Committee of Ada Lovelace (f1): Dr. Reader One (c1), reader and chair, leaves (not in this "
                + "what-if); Dr. Reader Two (c2) joins as reader and chair.")
    }

    @Test func aNewConflictIsNamedWithoutItsReason() throws {
        let changes = try Self.changes(Self.program(), Self.program(conflict: true))
        let c = try #require(changes.first)
        #expect(c.left.first?.why == "a conflict with the fellow in this what-if")
        let sentence = CommitteeComparison.sentence(c, base: Self.program(), other: Self.program(conflict: true))
        #expect(!sentence.contains("co-author"))
    }

    /// c1 reads for f1 in the base; a what-if forbidding c1 (committee_rules.csv) says so, without its reason.
    @Test func aNewForbidIsNamedWithoutItsReason() throws {
        var other = Self.program()
        other.committeeRules = [CommitteeRule(fellow: "f1", member: "c1", kind: .forbid, reason: "on sabbatical")]
        let c = try #require(try Self.changes(Self.program(), other).first)
        #expect(
            c.left.map(\.member) == ["c1"] && c.left.first?.why == "a forbid in committee_rules.csv in this what-if")
        #expect(!CommitteeComparison.sentence(c, base: Self.program(), other: other).contains("sabbatical"))
    }

    @Test func anUnchangedProgramChangesNoCommittee() throws {
        #expect(try Self.changes(Self.program(), Self.program()).isEmpty)
    }

    @Test func aChairChangeAmongTheSameMembersIsReported() {
        let seats: [(String, CommitteeRole)] = [("m1", .mentor), ("c1", .reader), ("c2", .reader)]
        func outcome(chair: String) -> CommitteeOutcome {
            let committee = CommitteeOutcome.Committee(
                fellow: "f1", seats: seats.map { .init(member: $0.0, role: $0.1, chair: $0.0 == chair) }, expertise: 1)
            return CommitteeOutcome(committees: [committee], unformed: [], loads: [:], proved: true)
        }
        let s = Self.program()
        let changes = CommitteeChange.changes((outcome(chair: "c1"), s), (outcome(chair: "c2"), s), names: Directory(s))
        let c = changes.first
        #expect(changes.count == 1 && c?.left.isEmpty == true && c?.joined.isEmpty == true)
        #expect(
            c.map { CommitteeComparison.sentence($0, base: s, other: s) }
                == "Committee of Ada Lovelace (f1): Dr. Reader Two (c2) now chairs.")
    }
}
