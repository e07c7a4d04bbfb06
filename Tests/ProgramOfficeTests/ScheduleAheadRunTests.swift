import Domain
import Foundation
import ProgramOffice
import SeminarSolver
import TestSupport
import Testing

/// A run makes its seminar schedule ahead, while the placement's funding is
/// split; when rule 8's exact model places a fellow anew, the schedule is
/// that of the placement the run ends with.
@Suite struct ScheduleAheadRunTests {
    /// The program of `AppointmentRelaxationTests.aContinuingTraineeHoldsTheOnlySlot`,
    /// worked by hand there, with two sessions. Labs A and B; a T32 at A
    /// (citizens only, one slot, $100,000), poolA ($30,000, area b) and
    /// grantB ($50,000). t is continuing at A and costs $30,000, n is new,
    /// costs $50,000 and ranks A before B. Rule 8's relaxation places n at A
    /// (T32 $20,000 + poolA $30,000), which rule 8 cannot pay: the slot is
    /// t's. The exact model places n at B. n gives a work-in-progress talk,
    /// t a thesis talk.
    static func program() -> Scenario {
        var settings = ScenarioSettings(name: "Rule 8 made anew")
        settings.seminars.talks = [
            TalkRequirement(status: .new, kind: "wip"), TalkRequirement(status: .continuing, kind: "thesis")
        ]
        let labs = ["A", "B"].map { Lab(id: $0, areas: ["a"], capacity: 5) }
        let mentors = ["A", "B"].map { Mentor(id: "m\($0)", lab: $0, areas: [], capacity: 5) }
        let funding = [
            FundingSource(
                id: "t32", lab: "A", budget: 100_000, citizensOnly: true, areas: [], kind: .trainingGrant, slots: 1),
            FundingSource(id: "poolA", lab: "A", budget: 30_000, areas: ["b"], kind: .institutional),
            FundingSource(id: "grantB", lab: "B", budget: 50_000, kind: .institutional)
        ]
        let fellows = [
            Fellow(
                id: "t", track: "clinical", citizenship: .citizen, status: .continuing, lab: "A", mentor: "mA",
                interests: ["a"], cost: 30_000),
            Fellow(id: "n", track: "clinical", citizenship: .citizen, interests: ["a", "b"], cost: 50_000)
        ]
        let sessions = [10, 17].map { day in
            SeminarSession(
                id: "s\(day)", date: CalendarDate(year: 2026, month: 9, day: day),
                start: TimeOfDay(hour: 12, minute: 0), end: TimeOfDay(hour: 13, minute: 0), room: "Room 1")
        }
        return Scenario(
            settings: settings, fellows: fellows, labs: labs, mentors: mentors, funding: funding,
            preferences: [Preference(fellow: "n", lab: "A", rank: 1), Preference(fellow: "n", lab: "B", rank: 2)],
            sessions: sessions)
    }

    @Test func aFellowPlacedAnewGivesTheTalkFromTheLabTheRunEndsWith() throws {
        let folder = Scratch.path("rule8-sessions")
        try ScenarioWriter.write(Self.program(), to: folder)
        let office = Office()
        let clock = PhaseClock()
        var request = RunRequest()
        request.record = false
        request.output = Scratch.path("out").path
        request.clock = clock
        let result = try office.run(try office.open(folder.path, clock: clock), request)
        #expect(result.outcome.placements.first { $0.fellow == "n" }?.lab == "B")
        let talks = result.schedule?.talks ?? []
        #expect(talks.count == 2)
        #expect(talks.first { $0.talk.fellow == "n" }?.talk.lab == "B")
        #expect(talks.first { $0.talk.fellow == "t" }?.talk.lab == "A")
        // The schedule a run makes without working ahead: the same talks in the same sessions.
        let alone = try SeminarScheduler(solver: office.solver).schedule(
            try office.open(folder.path).scenario, placements: result.outcome.placements)
        #expect(alone.talks.map(\.talk) == talks.map(\.talk))
        #expect(alone.talks.map(\.session.id) == talks.map(\.session.id))
        #expect(clock.phases.map(\.name).contains("schedule ahead"))
    }
}
