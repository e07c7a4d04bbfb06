import Domain
import PlacementSolver
import SeminarSolver

/// A placement letter to one person: the words of `letters/` (the HTML page
/// and the e-mail's text are both rendered from it, so they say the same).
///
/// Who gets one, when the run has a placement:
/// - every placed fellow, new or continuing (not an unplaced or withdrawn
///   one: that news is for the office to give in person): their lab and
///   mentor, their funding (each source and amount, the months and first day
///   it pays for, their own external funding), their training-grant
///   appointment if they hold one (grant, slot n of N, start, months, what
///   the grant pays, the supplements), and their seminar talks (cancelled ones
///   marked);
/// - every mentor with a fellow placed with them: those fellows (name, lab,
///   new or continuing), the talks they are asked to attend, and their
///   fellows' other talks.
///
/// Privacy: a fellow's letter holds only their own placement, funding and
/// talks; a mentor's letter never holds a fellow's citizenship, funding,
/// external funding, ranks or availability.
public struct PlacementLetter: Sendable, Hashable {
    public enum Role: String, Sendable, Hashable { case fellow, mentor }

    /// A heading and its lines (a list in the page, indented lines in the e-mail).
    public struct Section: Sendable, Hashable {
        public var heading: String
        public var lines: [String]
    }

    public var role: Role
    public var id: String
    public var name: String
    public var email: String?
    /// The program and intake, e.g. "Biomedical Informatics Fellowship, 2026-27 intake".
    public var program: String
    public var subject: String
    /// The letter's date, e.g. "3 December 2026".
    public var date: String
    public var greeting: String
    public var opening: String
    public var sections: [Section]
    public var closing: [String]

    /// The letters of a run, fellows first (fellows.csv order) then mentors (mentors.csv order).
    public static func letters(
        _ o: PlacementOutcome, scenario s: Scenario, schedule: ScheduleOutcome?, date: CalendarDate
    ) -> [PlacementLetter] {
        guard o.hasPlacement else { return [] }
        let context = Context(o, s, schedule, date)
        let fellows = o.placements.filter { $0.lab != nil && $0.status != .unplaced }
        let mentors = s.mentors.filter { context.fellowsOf[$0.id] != nil }
        return fellows.compactMap { context.fellowLetter($0) } + mentors.map { context.mentorLetter($0) }
    }

    /// The text of the e-mail: greeting, opening, sections (headings
    /// underlined, lines indented), the calendar attached, closing.
    public func text(calendarFile: String?) -> String {
        var out = [greeting, "", opening]
        for section in sections {
            out += ["", section.heading, String(repeating: "-", count: section.heading.count)]
            out += section.lines.map { "  " + $0 }
        }
        if let calendarFile {
            out += ["", "The attached calendar file (\(calendarFile)) puts these talks in your calendar program."]
        }
        out += [""] + closing
        return out.joined(separator: "\n") + "\n"
    }

    /// What is needed to word the letters of one run.
    struct Context {
        let o: PlacementOutcome
        let s: Scenario
        let schedule: ScheduleOutcome?
        let names: Directory
        let program: String
        let intakePhrase: String
        let date: String
        let appointments: [TrainingGrantAppointments]
        let zone: String
        let fellowsByID: [String: Fellow]
        /// Placed fellows by mentor, in placement order.
        let fellowsOf: [String: [FellowPlacement]]
        /// Talks (in time order) by fellow and by mentor; cancelled ones likewise.
        let talksOf: [String: [ScheduledTalk]], talksOfMentor: [String: [ScheduledTalk]]
        let cancelledOf: [String: [CancelledTalk]], cancelledOfMentor: [String: [CancelledTalk]]

        init(_ o: PlacementOutcome, _ s: Scenario, _ schedule: ScheduleOutcome?, _ date: CalendarDate) {
            self.o = o
            self.s = s
            self.schedule = schedule
            names = Directory(s)
            program = s.settings.name + (s.settings.intake.map { ", \($0) intake" } ?? "")
            intakePhrase = s.settings.name + (s.settings.intake.map { " (\($0) intake)" } ?? "")
            self.date = PlacementLetter.longDate(date)
            appointments = TrainingGrantAppointments.of(o, scenario: s)
            zone = s.settings.seminars.timezone
            fellowsByID = Dictionary((s.fellows + s.withdrawn).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            fellowsOf = Dictionary(
                grouping: o.placements.filter { $0.lab != nil && $0.mentor != nil && $0.status != .unplaced },
                by: { $0.mentor ?? "" })
            talksOf = Dictionary(grouping: schedule?.talks ?? [], by: \.talk.fellow)
            talksOfMentor = Dictionary(grouping: schedule?.talks ?? [], by: \.talk.mentor)
            cancelledOf = Dictionary(grouping: schedule?.cancelled ?? [], by: \.talk.fellow)
            cancelledOfMentor = Dictionary(grouping: schedule?.cancelled ?? [], by: \.talk.mentor)
        }

        var closing: [String] {
            let office = s.settings.officeEmail.map { " at \($0)" } ?? ""
            return [
                "If anything here is not as you expected, please write to the program office\(office).",
                "With best wishes,", "The program office, \(s.settings.name)"
            ]
        }

        func fellowLetter(_ p: FellowPlacement) -> PlacementLetter? {
            guard let fellow = fellowsByID[p.fellow], let lab = p.lab else { return nil }
            let institution = names.institution(ofLab: lab)
            var place = ["Lab: \(names.labName(lab))" + (institution.isEmpty ? "" : ", \(institution)")]
            if let m = p.mentor { place.append("Mentor: \(names.mentorName(m))") }
            var sections = [Section(heading: "Your placement", lines: place)]
            sections.append(Section(heading: "Your funding", lines: funding(p, fellow)))
            if let appointment = appointment(of: p.fellow) { sections.append(appointment) }
            let talks =
                talkLines(talksOf[p.fellow] ?? [], forMentor: nil) + cancelledLines(cancelledOf[p.fellow] ?? [])
            if !talks.isEmpty {
                sections.append(Section(heading: "Your seminar talks", lines: talks + ["Times are \(zone) time."]))
            }
            let opening =
                p.status == .continuing
                ? "This letter confirms where you continue in \(intakePhrase) and how you are funded."
                : "We are pleased to confirm your placement in \(intakePhrase)."
            return PlacementLetter(
                role: .fellow, id: fellow.id, name: fellow.name, email: fellow.email, program: program,
                subject: "Your placement: \(program)", date: date, greeting: "Dear \(fellow.name),",
                opening: opening, sections: sections, closing: closing)
        }

        func funding(_ p: FellowPlacement, _ fellow: Fellow) -> [String] {
            var lines = p.funding.map { "\(names.sourceName($0.source)): \(MoneyText.cents($0.cents))" }
            let total = p.funding.reduce(0) { $0 + $1.cents }
            let from = p.startOn.map { ", from \(DateText.long($0))" } ?? ""
            if lines.isEmpty {
                lines.append("The program pays nothing toward your costs this year.")
            } else {
                lines.append(
                    "In all: \(MoneyText.cents(total)) for \(p.months) month\(p.months == 1 ? "" : "s")\(from).")
            }
            if fellow.externalFunding > 0 {
                lines.append(
                    "Your external funding, \(MoneyText.dollars(fellow.externalFunding)) a year, is not paid by the program."
                )
            }
            return lines
        }

        func appointment(of fellow: String) -> Section? {
            for grant in appointments {
                guard let a = grant.appointments.first(where: { $0.fellow == fellow }) else { continue }
                var lines = ["Training grant: \(names.sourceName(grant.source))"]
                lines.append("Slot \(a.slot)" + (grant.slots.map { " of \($0)" } ?? ""))
                let start = a.start.map { "from \(DateText.long($0)), " } ?? ""
                lines.append(
                    "Appointment: \(start)\(a.months) month\(a.months == 1 ? "" : "s"); "
                        + "the grant pays \(MoneyText.cents(a.cents)) of your stipend")
                for supplement in a.supplements {
                    lines.append(
                        "Supplement: \(names.sourceName(supplement.source)), \(MoneyText.cents(supplement.cents))")
                }
                return Section(heading: "Your training-grant appointment", lines: lines)
            }
            return nil
        }

        func mentorLetter(_ m: Mentor) -> PlacementLetter {
            let mine = fellowsOf[m.id] ?? []
            let fellowLines = mine.map { p in
                "\(names.fellowName(p.fellow)), \(p.lab.map(names.labName) ?? "")"
                    + (p.status == .continuing ? " (continuing)" : " (new this intake)")
            }
            var sections = [Section(heading: "Your fellows", lines: fellowLines)]
            if schedule != nil {
                let ids = Set(mine.map(\.fellow))
                let attend = (talksOfMentor[m.id] ?? []).filter(\.talk.mentorRequired)
                let cancelled = (cancelledOfMentor[m.id] ?? []).filter(\.talk.mentorRequired)
                let lines = talkLines(attend, forMentor: m.id) + cancelledLines(cancelled)
                sections.append(
                    Section(
                        heading: "Talks you are asked to attend",
                        lines: lines.isEmpty ? ["None."] : lines + ["Times are \(zone) time."]))
                let others = (talksOfMentor[m.id] ?? []).filter {
                    ids.contains($0.talk.fellow) && !$0.talk.mentorRequired
                }
                if !others.isEmpty {
                    sections.append(
                        Section(
                            heading: "Your fellows' other talks (welcome, not required)",
                            lines: talkLines(others, forMentor: m.id)))
                }
            }
            return PlacementLetter(
                role: .mentor, id: m.id, name: m.name, email: m.email, program: program,
                subject: "Your fellows: \(program)", date: date, greeting: "Dear \(m.name),",
                opening: "This letter tells you which fellows you mentor in \(intakePhrase)"
                    + (schedule == nil ? "." : " and the seminar talks you are asked to attend."),
                sections: sections, closing: closing)
        }

        /// "Thu 17 Sep 2026, 12:00–13:00, Room 101: Work in progress (your mentor attends)".
        func talkLines(_ talks: [ScheduledTalk], forMentor mentor: String?) -> [String] {
            talks.map { t in
                let title = Wording.talkTitle(t.talk.kind)
                let what =
                    mentor == nil
                    ? title + (t.talk.mentorRequired ? " (your mentor attends)" : "")
                    : "\(title) by \(t.talk.fellowName)"
                return "\(when(t.session)): \(what)"
            }
        }

        func cancelledLines(_ talks: [CancelledTalk]) -> [String] {
            talks.map { "Cancelled: \(when($0.session)): \(Wording.talkTitle($0.talk.kind)) by \($0.talk.fellowName)" }
        }

        func when(_ session: SeminarSession) -> String {
            "\(DateText.long(session.date)), \(session.start)–\(session.end)"
                + (session.room.isEmpty ? "" : ", \(session.room)")
        }
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December"
    ]

    /// "3 December 2026".
    static func longDate(_ d: CalendarDate) -> String { "\(d.day) \(monthNames[d.month - 1]) \(d.year)" }
}
