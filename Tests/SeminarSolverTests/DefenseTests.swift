import Domain
import GLPKBackend
import Reports
import Testing

@testable import SeminarSolver

/// Thesis defenses (issue 31), with answers worked out by hand or by
/// enumerating every assignment of small programs, never from the engine.
@Suite struct DefenseTests {
    static func day(_ d: Int) -> CalendarDate { CalendarDate("2027-06-\(d < 10 ? "0" : "")\(d)")! }
    static func time(_ t: String) -> TimeOfDay { TimeOfDay(t)! }

    static func slot(_ d: Int, _ start: String, _ end: String, _ room: String, line: Int) -> DefenseSlot {
        DefenseSlot(date: day(d), start: time(start), end: time(end), room: room, line: line)
    }

    /// Committees as (fellow, members); the mentor is the first member.
    static func committees(_ list: [(String, [String])]) -> CommitteeOutcome {
        CommitteeOutcome(
            committees: list.map { c in
                CommitteeOutcome.Committee(
                    fellow: c.0,
                    seats: c.1.enumerated().map {
                        CommitteeOutcome.Seat(member: $1, role: $0 == 0 ? .mentor : .reader, chair: $0 == 1)
                    }, expertise: 0)
            }, unformed: [], loads: [:], proved: true)
    }

    static func scenario(
        fellows: [String], slots: [DefenseSlot], away: [(String, Int)] = [], defendBy: [String: Int] = [:]
    ) -> Scenario {
        var s = Scenario(
            settings: ScenarioSettings(name: "defenses"),
            fellows: fellows.map {
                var f = Fellow(
                    id: $0, track: "t", citizenship: .citizen, status: .continuing, lab: "L1", mentor: "m",
                    interests: [], cost: 0)
                f.defendBy = defendBy[$0].map(day)
                return f
            }, labs: [], mentors: [], funding: [], preferences: [])
        s.defenseSlots = slots
        s.availability = away.map { Unavailability(person: $0.0, date: day($0.1)) }
        return s
    }

    static func plan(_ s: Scenario, _ c: CommitteeOutcome, last: [String: (CalendarDate, TimeOfDay)] = [:]) throws
        -> DefenseOutcome
    {
        try DefenseScheduler(solver: GLPKSolver()).schedule(s, committees: c, lastTalks: last)
    }

    /// Slots on June 1, 2 and 3; the mentor is away on the 1st, the reader on
    /// the 3rd, the fellow's last talk is on May 20 and defend_by is June 3:
    /// June 2 is the only day, so its slot.
    @Test func aDefensePossibleOnOneDateOnly() throws {
        let slots = [1, 2, 3].map { Self.slot($0, "09:00", "10:30", "R", line: $0 + 1) }
        let s = Self.scenario(fellows: ["f1"], slots: slots, away: [("m1", 1), ("r1", 3)], defendBy: ["f1": 3])
        let o = try Self.plan(
            s, Self.committees([("f1", ["m1", "r1", "x1"])]),
            last: ["f1": (CalendarDate("2027-05-20")!, Self.time("12:00"))])
        #expect(o.defenses.map(\.slot) == [slots[1]])
        // With the reader also away on June 2: nobody can come; who is away on which day, in words.
        let none = Self.scenario(fellows: ["f1"], slots: slots, away: [("m1", 1), ("r1", 2), ("r1", 3)])
        let missed = try Self.plan(none, Self.committees([("f1", ["m1", "r1", "x1"])]))
        #expect(missed.defenses.isEmpty)
        #expect(
            missed.unscheduled.first?.reason == .peopleAway(["m1": [Self.day(1)], "r1": [Self.day(2), Self.day(3)]]))
        #expect(DefenseFiles.reason(missed.unscheduled[0], none).contains("r1 is away on"))
    }

    /// Two fellows share a reader; two rooms, two overlapping times on one day
    /// (9:00–10:30 and 10:00–11:30) and a third at 14:00 in room A. The shared
    /// reader cannot sit in both morning slots, so one defense goes to 14:00.
    @Test func aSharedMemberIsNeverInTwoDefensesAtOnce() throws {
        let slots = [
            Self.slot(1, "09:00", "10:30", "A", line: 2), Self.slot(1, "10:00", "11:30", "B", line: 3),
            Self.slot(1, "14:00", "15:30", "A", line: 4)
        ]
        let s = Self.scenario(fellows: ["f1", "f2"], slots: slots)
        let o = try Self.plan(s, Self.committees([("f1", ["m1", "r"]), ("f2", ["m2", "r"])]))
        #expect(o.defenses.count == 2)
        let used = o.defenses.map(\.slot)
        #expect(!used[0].overlaps(used[1]))
        #expect(used.contains(slots[2]))
    }

    /// The last work-in-progress talk comes first, and defend_by closes the window.
    @Test func theWindowIsAfterTheLastTalkAndByTheDeadline() throws {
        let slots = [1, 2].map { Self.slot($0, "09:00", "10:00", "R", line: $0 + 1) }
        let s = Self.scenario(fellows: ["f1"], slots: slots, defendBy: ["f1": 1])
        let o = try Self.plan(
            s, Self.committees([("f1", ["m1"])]), last: ["f1": (Self.day(1), Self.time("09:00"))])
        #expect(o.defenses.isEmpty && o.unscheduled.first?.reason == .noSlotInWindow)
        #expect(DefenseFiles.reason(o.unscheduled[0], s).contains("widen defend_by"))
    }

    /// Small random programs: the most fellows defended equals what
    /// enumerating every choice of slots (or none) per fellow finds, and the
    /// engine's defenses keep every rule.
    @Test func theEngineDefendsAsManyAsEnumerationFinds() throws {
        var rng = SeededRandom(seed: 131)
        let people = ["m1", "m2", "r1", "r2", "x1"]
        let times = [("09:00", "10:30"), ("10:00", "11:30"), ("14:00", "15:00")]
        for round in 0..<40 {
            let fellows = (1...rng.int(2...4)).map { "f\($0)" }
            let slots = (0..<rng.int(1...4)).map { i -> DefenseSlot in
                let t = rng.pick(times)
                return Self.slot(rng.int(1...2), t.0, t.1, rng.pick(["A", "B"]), line: i + 2)
            }
            let committees = fellows.map { f in (f, [rng.pick(people)] + rng.sample(people, rng.int(1...2))) }
            let away = people.flatMap { p in [1, 2].filter { _ in rng.chance(0.2) }.map { (p, $0) } }
            let s = Self.scenario(fellows: fellows, slots: slots, away: away)
            let o = try Self.plan(s, Self.committees(committees))
            // Every fellow's open slots: everyone free that day.
            let members = committees.map { Set([$0.0] + $0.1) }
            let open = members.map { who in
                slots.indices.filter { j in !away.contains { who.contains($0.0) && Self.day($0.1) == slots[j].date } }
            }
            func clash(_ a: (Int, Int), _ b: (Int, Int)) -> Bool {
                let (sa, sb) = (slots[a.1], slots[b.1])
                guard sa.overlaps(sb) else { return false }
                return sa.room == sb.room || !members[a.0].isDisjoint(with: members[b.0])
            }
            var best = 0
            func walk(_ i: Int, _ chosen: [(Int, Int)]) {
                if i == fellows.count {
                    best = max(best, chosen.count)
                    return
                }
                walk(i + 1, chosen)
                for j in open[i] where !chosen.contains(where: { clash($0, (i, j)) }) { walk(i + 1, chosen + [(i, j)]) }
            }
            walk(0, [])
            #expect(o.defenses.count == best, "round \(round)")
            let picked = o.defenses.map { d in (fellows.firstIndex(of: d.fellow)!, slots.firstIndex(of: d.slot)!) }
            for (k, a) in picked.enumerated() {
                #expect(open[a.0].contains(a.1), "round \(round): someone is away")
                for b in picked[(k + 1)...] { #expect(!clash(a, b), "round \(round): a clash") }
            }
        }
    }
}
