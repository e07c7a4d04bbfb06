import Domain
import GLPKBackend
import Reports
import Testing

@testable import SeminarSolver

/// The diagnosis of fellows without a committee or a defense (issue 31):
/// small programs whose smallest changes are worked out by hand.
@Suite struct ThesisDiagnosisTests {
    static let diagnoser = ThesisDiagnoser(
        former: CommitteeFormer(solver: GLPKSolver()), scheduler: DefenseScheduler(solver: GLPKSolver()))

    static func day(_ d: Int) -> CalendarDate { DefenseTests.day(d) }

    /// f1 and f2 (both in L1, mentor m1) each need one reader who chairs.
    /// r1 is the only possible chair (load 1), so one of them has no
    /// committee. r2 has load to spare but may not chair; r3 may chair but is
    /// in conflict with both (a fact, never lifted); m1 is their mentor. So
    /// the one change is r1's committee_load 1 → 2, which gives both a committee.
    @Test func oneReadersLoadIsTheUniqueFix() throws {
        let s = CommitteeTests.program(
            fellows: [("f1", "L1", "m1", []), ("f2", "L1", "m1", [])],
            mentors: [
                CommitteeTests.mentor("m1", "L1", ["a"]),
                CommitteeTests.mentor("r1", "L2", ["a"], load: 1, chair: true),
                CommitteeTests.mentor("r2", "L3", ["a"]), CommitteeTests.mentor("r3", "L4", ["a"], load: 1, chair: true)
            ],
            conflicts: [("r3", "f1"), ("r3", "f2")], settings: CommitteeTests.settings(readers: 1...1))
        let o = try CommitteeTests.form(s)
        #expect(o.committees.count == 1)
        let missing = try #require(o.unformed.first)
        #expect(missing.reason == .loadsUsedUp)
        let found = try Self.diagnoser.committees(s, o)
        #expect(found.count == 1)
        #expect(found.first?.fellow == missing.fellow)
        #expect(found.first?.changes == [.committeeLoad(member: "r1", from: 1)])
        #expect(found.first?.tried == 1)
        #expect(found.first?.complete == true)
        let words = ThesisDiagnosisWording.sentence(try #require(found.first), s) ?? ""
        #expect(
            words
                == "It would have one if r1 could sit on one more committee, committee_load 1 → 2 (checked by solving again)."
        )
    }

    /// Nobody who may chair can sit on f1's committee: r2 may read but not
    /// chair, r4 may chair but is in conflict with f1 (load 0 or not), so no
    /// load change can help, no re-solve is made and the missing kind is a hint.
    @Test func aMissingChairIsAHintNotAChange() throws {
        let s = CommitteeTests.program(
            fellows: [("f1", "L1", "m1", [])],
            mentors: [
                CommitteeTests.mentor("m1", "L1", ["a"]), CommitteeTests.mentor("r2", "L3", ["a"]),
                CommitteeTests.mentor("r4", "L4", ["a"], load: 0, chair: true)
            ],
            conflicts: [("r4", "f1")], settings: CommitteeTests.settings(readers: 1...1))
        let o = try CommitteeTests.form(s)
        #expect(o.unformed.first?.reason == .noChair)
        let found = try Self.diagnoser.committees(s, o)
        #expect(found.first?.changes == [])
        #expect(found.first?.hint == .addChair)
        #expect(found.first?.tried == 0)
        // Without the conflict, r4 with one committee is the one change.
        var free = s
        free.conflicts = []
        let changed = try Self.diagnoser.committees(free, try CommitteeTests.form(free))
        #expect(changed.first?.changes == [.committeeLoad(member: "r4", from: 0)])
    }

    /// When every fellow has a committee nothing is diagnosed.
    @Test func nothingToDiagnose() throws {
        let done = CommitteeOutcome(committees: [], unformed: [], loads: [:], proved: true)
        #expect(try Self.diagnoser.committees(CommitteeTests.program(fellows: [], mentors: []), done).isEmpty)
    }

    /// Slots on June 1, 2 and 3. On the 1st m1 and x1 are away, on the 2nd
    /// only r1, on the 3rd m1 and r1: one person free on one date makes a
    /// defense possible only for r1 on June 2.
    @Test func aDefensePossibleOnlyIfOneMemberIsFreeOnOneDate() throws {
        let slots = [1, 2, 3].map { DefenseTests.slot($0, "09:00", "10:30", "R", line: $0 + 1) }
        let s = DefenseTests.scenario(
            fellows: ["f1"], slots: slots, away: [("m1", 1), ("x1", 1), ("r1", 2), ("m1", 3), ("r1", 3)])
        let c = DefenseTests.committees([("f1", ["m1", "r1", "x1"])])
        let o = try DefenseTests.plan(s, c)
        #expect(o.defenses.isEmpty)
        let found = try Self.diagnoser.defenses(s, committees: c, o)
        #expect(found.map(\.changes) == [[.freeOn(person: "r1", date: Self.day(2))]])
        #expect(found.first?.tried == 1)
        let words = ThesisDiagnosisWording.sentence(try #require(found.first), s) ?? ""
        #expect(words == "It would have one if r1 were free on Wed 2 Jun 2027 (checked by solving again).")
    }

    /// defend_by is June 2; m1 and r1 are both away on June 1 and 2 (no one
    /// person's day frees it), x1 on June 3. Slots on June 1, 2, 3 and 5:
    /// the first defend_by that works is June 5 (June 3 is tried and fails).
    @Test func aWiderWindowFixesAFellow() throws {
        let slots = [1, 2, 3, 5].map { DefenseTests.slot($0, "09:00", "10:30", "R", line: $0 + 1) }
        let s = DefenseTests.scenario(
            fellows: ["f1"], slots: slots, away: [("m1", 1), ("m1", 2), ("r1", 1), ("r1", 2), ("x1", 3)],
            defendBy: ["f1": 2])
        let c = DefenseTests.committees([("f1", ["m1", "r1", "x1"])])
        let o = try DefenseTests.plan(s, c)
        #expect(o.defenses.isEmpty)
        let found = try Self.diagnoser.defenses(s, committees: c, o)
        #expect(found.map(\.changes) == [[.defendBy(fellow: "f1", from: Self.day(2), to: Self.day(5))]])
        #expect(found.first?.tried == 2)
        #expect(ThesisDiagnosisWording.sentence(try #require(found.first), s)?.contains("Sat 5 Jun 2027") == true)
    }

    /// One slot, June 1. f2 (first) has r2 away that day, so f1 defends. r2
    /// free on June 1 would give f2 the slot only by taking f1's: not offered.
    @Test func aSuggestionThatTakesAnotherDefenseIsNotOffered() throws {
        let slots = [DefenseTests.slot(1, "09:00", "10:30", "R", line: 2)]
        let s = DefenseTests.scenario(fellows: ["f1", "f2"], slots: slots, away: [("r2", 1)])
        let c = DefenseTests.committees([("f2", ["m2", "r2"]), ("f1", ["m1", "r1"])])
        let o = try DefenseTests.plan(s, c)
        #expect(o.defenses.map(\.fellow) == ["f1"])
        let found = try Self.diagnoser.defenses(s, committees: c, o)
        #expect(found.first?.fellow == "f2")
        #expect(found.first?.changes == [])
        #expect(found.first?.tried == 1)
        let words = ThesisDiagnosisWording.sentence(try #require(found.first), s) ?? ""
        #expect(words.hasPrefix("No single change gives them one without taking another fellow's"))
    }

    /// Two fellows with no member in common are free only on June 1, where
    /// room A has the one slot; room B has a slot on June 2, when both
    /// mentors are away. The one left out would defend with their mentor
    /// free on June 2, or in room B at June 1's time.
    @Test func aRoomOnADate() throws {
        let slots = [
            DefenseTests.slot(1, "09:00", "10:30", "A", line: 2), DefenseTests.slot(2, "09:00", "10:30", "B", line: 3)
        ]
        let s = DefenseTests.scenario(fellows: ["f1", "f2"], slots: slots, away: [("m1", 2), ("m2", 2)])
        let c = DefenseTests.committees([("f1", ["m1", "r1"]), ("f2", ["m2", "r2"])])
        let o = try DefenseTests.plan(s, c)
        #expect(o.defenses.count == 1)
        let left = try #require(o.unscheduled.first?.fellow)
        let mentor = left == "f1" ? "m1" : "m2"
        let found = try Self.diagnoser.defenses(s, committees: c, o)
        #expect(
            found.first?.changes == [
                .freeOn(person: mentor, date: Self.day(2)),
                .extraSlot(DefenseTests.slot(1, "09:00", "10:30", "B", line: 4))
            ])
    }

    /// The cap on re-solves: slots on June 1 and 2; f1's mentor is away on
    /// the 1st and reader on the 2nd (two candidates, both hold), f2's mentor
    /// on both days (two more). With 2 re-solves allowed, f1 uses both and f2
    /// is not diagnosed: the same answer on every run.
    @Test func theCapOnReSolvesIsDeterministic() throws {
        let slots = [1, 2].map { DefenseTests.slot($0, "09:00", "10:30", "R", line: $0 + 1) }
        let s = DefenseTests.scenario(
            fellows: ["f1", "f2"], slots: slots, away: [("m1", 1), ("r1", 2), ("m2", 1), ("m2", 2)])
        let c = DefenseTests.committees([("f1", ["m1", "r1"]), ("f2", ["m2", "r2"])])
        let o = try DefenseTests.plan(s, c)
        #expect(o.defenses.isEmpty)
        var capped = Self.diagnoser
        capped.resolves = 2
        let found = try capped.defenses(s, committees: c, o)
        #expect(found.map(\.fellow) == ["f1", "f2"])
        #expect(
            found[0].changes == [.freeOn(person: "m1", date: Self.day(1)), .freeOn(person: "r1", date: Self.day(2))])
        #expect(found[1].changes.isEmpty && found[1].tried == 0 && !found[1].complete)
        #expect(ThesisDiagnosisWording.sentence(found[1], s)?.hasPrefix("(Not diagnosed") == true)
    }

    /// The only slot (June 1) comes before f1's last work-in-progress talk
    /// (June 2): no change of people or rooms is tried; the talk's date is the hint.
    @Test func everySlotBeforeTheLastTalkIsAHint() throws {
        let s = DefenseTests.scenario(fellows: ["f1"], slots: [DefenseTests.slot(1, "09:00", "10:30", "R", line: 2)])
        let c = DefenseTests.committees([("f1", ["m1", "r1"])])
        let last = ["f1": (Self.day(2), DefenseTests.time("10:00"))]
        let o = try DefenseTests.plan(s, c, last: last)
        let found = try Self.diagnoser.defenses(s, committees: c, o, lastTalks: last)
        #expect(found.first?.changes == [] && found.first?.tried == 0)
        #expect(found.first?.hint == .lastTalk(Self.day(2)))
    }

    /// A raised `committee_load` above 0 re-solves on the pool and
    /// candidates already read (``ThesisDiagnoser/raised(_:pool:_:)``): on
    /// 20 random programs, for every member with a load above 0 they are
    /// what reading the changed scenario afresh gives; a load raised from 0
    /// and any other change read it afresh (`nil`).
    @Test func aRaisedLoadLeavesEveryCandidateAsItWas() {
        var rng = SeededRandom(seed: 5)
        for round in 0..<20 {
            let s = CommitteeEnumerationTests.scarceProgram(&rng)
            let pool = CommitteeMember.pool(s)
            let all = CommitteeCandidates.all(s, pool: pool)
            for member in pool {
                let change = ThesisChange.committeeLoad(member: member.id, from: member.load)
                guard let given = ThesisDiagnoser.raised(change, pool: pool, all) else {
                    #expect(member.load == 0, "round \(round): \(member.id)")
                    continue
                }
                let changed = change.applied(to: s)
                let fresh = CommitteeMember.pool(changed)
                #expect(given.pool == fresh, "round \(round): \(member.id)")
                let afresh = CommitteeCandidates.all(changed, pool: fresh)
                #expect(afresh.count == given.candidates.count)
                for (a, b) in zip(afresh, given.candidates) {
                    #expect(
                        a.fellow.id == b.fellow.id && a.readers == b.readers && a.externals == b.externals
                            && a.locked == b.locked && a.mentorMayChair == b.mentorMayChair
                            && a.expertise == b.expertise && a.shortfall == b.shortfall,
                        "round \(round): \(member.id)")
                }
            }
        }
        #expect(ThesisDiagnoser.raised(.freeOn(person: "x", date: Self.day(1)), pool: [], []) == nil)
    }
}
