import Domain
import Reports
import Testing

@testable import SeminarSolver

/// Thesis defenses in the calendars (issue 31): each person of a defense
/// holds it, and a re-plan moves it with a higher revision or cancels it,
/// as ``IssuedCalendars`` does for talks. Answers worked out by hand.
@Suite struct DefenseCalendarTests {
    static let r1Chair = CommitteeOutcome.Seat(member: "r1", role: .reader, chair: true)
    static let seats = [
        CommitteeOutcome.Seat(member: "m1", role: .mentor, chair: false), r1Chair,
        CommitteeOutcome.Seat(member: "x1", role: .external, chair: false)
    ]

    static func slot(_ day: Int, _ start: String = "09:00", _ end: String = "10:30", room: String = "Room 4")
        -> DefenseSlot
    {
        DefenseSlot(
            date: CalendarDate("2027-06-0\(day)")!, start: TimeOfDay(start)!, end: TimeOfDay(end)!, room: room)
    }

    static func committees(_ seats: [CommitteeOutcome.Seat] = seats) -> CommitteeOutcome {
        CommitteeOutcome(
            committees: [CommitteeOutcome.Committee(fellow: "f1", seats: seats, expertise: 1)], unformed: [],
            loads: [:], proved: true)
    }

    static func outcome(_ slots: [DefenseSlot]) -> DefenseOutcome {
        DefenseOutcome(
            defenses: slots.map { DefenseOutcome.Defense(fellow: "f1", slot: $0) }, unscheduled: [], proved: true)
    }

    static func issued(_ slot: DefenseSlot, sequence: Int = 0, seats: [CommitteeOutcome.Seat] = seats)
        -> PreviousDefense
    {
        PreviousDefense(fellow: "f1", slot: slot, sequence: sequence, seats: seats)
    }

    /// Issued on June 1 with revision 0: kept there, revision 0; moved to
    /// June 2, revision 1 (one above the highest issued), the same UID.
    @Test func aMovedDefenseRisesAboveEveryRevisionIssued() {
        let calendars = IssuedCalendars(schedules: [], defenses: [[Self.issued(Self.slot(1))]])
        let same = calendars.settle(Self.outcome([Self.slot(1)]), committees: Self.committees(), today: nil)
        #expect(same.defenses.map(\.sequence) == [0] && same.cancelled.isEmpty)
        let moved = calendars.settle(Self.outcome([Self.slot(2)]), committees: Self.committees(), today: nil)
        #expect(moved.defenses.map(\.sequence) == [1] && moved.cancelled.isEmpty)
        // Issued at 0, then moved at 1 in a later run, then back to June 1: 2, above both.
        let twice = IssuedCalendars(
            schedules: [], defenses: [[Self.issued(Self.slot(1))], [Self.issued(Self.slot(2), sequence: 1)]])
        #expect(
            twice.settle(Self.outcome([Self.slot(1)]), committees: Self.committees(), today: nil).defenses.map(
                \.sequence) == [2])
    }

    /// Issued at revision 0 and dropped: cancelled at 1, and the cancellation
    /// is carried (still 1) by a later run that again has no defense; a
    /// defense held before `today` is left as it was.
    @Test func aDroppedDefenseIsCancelledAndStaysCancelled() {
        let issued = IssuedCalendars(schedules: [], defenses: [[Self.issued(Self.slot(1))]])
        let dropped = issued.settle(Self.outcome([]), committees: Self.committees(), today: nil)
        #expect(dropped.cancelled == [Self.issued(Self.slot(1), sequence: 1)])
        let later = IssuedCalendars(schedules: [], defenses: [[Self.issued(Self.slot(1))], []])
        #expect(
            later.settle(Self.outcome([]), committees: Self.committees(), today: nil).cancelled == [
                Self.issued(Self.slot(1), sequence: 1)
            ])
        let past = issued.settle(Self.outcome([]), committees: Self.committees(), today: CalendarDate("2027-06-05"))
        #expect(past.cancelled.isEmpty)
    }

    /// The same slot with r2 reading instead of r1: the defense rises to 1
    /// for everyone, and r1 alone gets it cancelled at 1.
    @Test func aMemberWhoLeftTheCommitteeGetsItCancelled() {
        let issued = IssuedCalendars(schedules: [], defenses: [[Self.issued(Self.slot(1))]])
        var seats = Self.seats
        seats[1].member = "r2"
        let o = issued.settle(Self.outcome([Self.slot(1)]), committees: Self.committees(seats), today: nil)
        #expect(o.defenses.map(\.sequence) == [1])
        #expect(
            o.cancelled == [
                PreviousDefense(fellow: "f1", slot: Self.slot(1), sequence: 1, seats: [Self.r1Chair], membersOnly: true)
            ])
    }

    static func scenario() -> Scenario {
        var s = Scenario(
            settings: ScenarioSettings(name: "Defense Program"),
            fellows: [
                Fellow(
                    id: "f1", name: "Ana Ruiz", track: "t", citizenship: .citizen, status: .continuing, lab: "L1",
                    mentor: "m1", interests: [], cost: 0)
            ],
            labs: [Lab(id: "L1", areas: [], capacity: 2)],
            mentors: [Mentor(id: "m1", name: "Dr. Mo", lab: "L1", capacity: 2)],
            funding: [], preferences: [])
        s.faculty = [
            FacultyMember(id: "r1", name: "Dr. Reyes", areas: [], chair: true),
            FacultyMember(id: "x1", name: "Dr. Xu", areas: [], external: true)
        ]
        s.availability = [Unavailability(person: "r1", date: CalendarDate("2027-06-03")!, reason: "surgery leave")]
        s.settings.seminars.timezone = "UTC"
        return s
    }

    static func events(_ text: String) -> [[String]] {
        let lines = text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
        return lines.split(separator: "BEGIN:VEVENT").dropFirst().map { Array($0) }
    }

    /// Without any seminar: program.ics, the fellow's, the mentor's and
    /// each faculty member's calendar hold the defense, worded for each,
    /// in Room 4 at 09:00 UTC; no absence's reason anywhere.
    @Test func everyPersonOfADefenseHoldsItInTheirCalendar() throws {
        let files = ScheduleFiles.calendars(
            nil, scenario: Self.scenario(), committees: Self.committees(), defenses: Self.outcome([Self.slot(1)]))
        #expect(
            Set(files.keys) == [
                "calendar/program.ics", "calendar/f1.ics", "calendar/m1.ics", "calendar/r1.ics", "calendar/x1.ics"
            ])
        let summaries = [
            "program.ics": "Thesis defense: Ana Ruiz", "f1.ics": "Thesis defense: Ana Ruiz (yours)",
            "m1.ics": "Thesis defense: Ana Ruiz (you sit as mentor)",
            "r1.ics": "Thesis defense: Ana Ruiz (you sit as reader\\, chair)",
            "x1.ics": "Thesis defense: Ana Ruiz (you sit as external member)"
        ]
        for (file, summary) in summaries {
            let text = try #require(files["calendar/" + file])
            let e = try #require(Self.events(text).first)
            #expect(e.contains("UID:f1-defense@defense-program.fellowmatch"), "\(file)")
            #expect(e.contains("SUMMARY:" + summary), "\(file)")
            #expect(e.contains("DTSTART:20270601T090000Z") && e.contains("DTEND:20270601T103000Z"), "\(file)")
            #expect(e.contains("LOCATION:Room 4") && e.contains("SEQUENCE:0"), "\(file)")
            #expect(!text.contains("surgery"), "\(file) shows an absence's reason")
        }
        #expect(files["calendar/r1.ics"]!.contains("X-WR-CALNAME:Defense Program thesis defenses: Dr. Reyes"))
        #expect(
            files["calendar/f1.ics"]!.replacingOccurrences(of: "\r\n ", with: "").contains(
                "Your thesis defense\\, before your committee: Dr. Mo (mentor)\\; Dr. Reyes (reader\\, chair)\\; Dr. Xu"
            ))
    }

    /// A dropped defense is a cancelled event (same UID, its revision,
    /// STATUS:CANCELLED) in every calendar it was in; a member who left gets
    /// it cancelled in theirs only, and the others keep it held.
    @Test func cancellationsReachTheCalendarsTheDefenseWasIn() throws {
        var dropped = Self.outcome([])
        dropped.cancelled = [Self.issued(Self.slot(1), sequence: 1)]
        let files = ScheduleFiles.calendars(
            nil, scenario: Self.scenario(), committees: Self.committees(), defenses: dropped)
        for file in ["program", "f1", "m1", "r1", "x1"] {
            let text = try #require(files["calendar/\(file).ics"], "\(file)")
            let e = try #require(Self.events(text).first, "\(file)")
            #expect(e.contains("STATUS:CANCELLED") && e.contains("SEQUENCE:1"), "\(file)")
            #expect(e.contains("UID:f1-defense@defense-program.fellowmatch"), "\(file)")
        }
        var changed = Self.outcome([Self.slot(1)])
        changed.defenses[0].sequence = 1
        changed.cancelled = [
            PreviousDefense(fellow: "f1", slot: Self.slot(1), sequence: 1, seats: [Self.r1Chair], membersOnly: true)
        ]
        var seats = Self.seats
        seats[1].member = "x2"
        var s = Self.scenario()
        s.faculty.append(FacultyMember(id: "x2", areas: [], chair: true))
        let after = ScheduleFiles.calendars(nil, scenario: s, committees: Self.committees(seats), defenses: changed)
        #expect(Self.events(after["calendar/r1.ics"]!).map { $0.contains("STATUS:CANCELLED") } == [true])
        #expect(Self.events(after["calendar/program.ics"]!).map { $0.contains("STATUS:CANCELLED") } == [false])
        #expect(Self.events(after["calendar/x2.ics"]!).first?.contains("SEQUENCE:1") == true)
    }
}
