import Domain
import Foundation
import GLPKBackend
import PlacementSolver
import SeminarSolver
import Testing

@testable import Reports

/// The letters of `letters/` on a small program worked by hand.
@Suite struct LettersTests {
    /// One lab, one mentor (Dr. Mira Lee) and two new fellows: Zoë Ângelo, a
    /// citizen costing $80,000, and Noor Haddad, not a citizen, costing
    /// $60,000 with $20,000 of her own. An NLM T15 (citizens only, one slot,
    /// $80,000) and a bridge fund ($100,000). By hand: training grants are
    /// spent first, so Zoë holds the T15's slot 1 of 1 and it pays all her
    /// $80,000; Noor's need of $60,000 − $20,000 = $40,000 comes from the
    /// bridge. Two Thursday sessions, one work-in-progress talk each, with
    /// the mentor asked to attend: one talk for each fellow, two for Dr. Lee.
    func program(sessions: Bool = true) -> Scenario {
        var settings = ScenarioSettings(name: "Fellowship")
        settings.intake = "2026-27"
        settings.officeEmail = "office@example.org"
        settings.seminars.talks = [TalkRequirement(status: .new, kind: "wip")]
        settings.seminars.mentorRequired = ["wip"]
        var zoe = Fellow(
            id: "zoe", name: "Zoë Ângelo", track: "x", citizenship: .citizen, interests: ["a"], cost: 80_000)
        zoe.email = "zoe@example.org"
        let noor = Fellow(
            id: "noor", name: "Noor Haddad", track: "x", citizenship: .other, interests: ["a"], cost: 60_000,
            externalFunding: 20_000)
        var mentor = Mentor(id: "m", name: "Dr. Mira Lee", lab: "A", capacity: 2)
        mentor.email = "mira@example.org"
        let funding = [
            FundingSource(
                id: "t15", name: "NLM T15", budget: 80_000, citizensOnly: true, kind: .trainingGrant, slots: 1),
            FundingSource(id: "bridge", name: "Bridge fund", budget: 100_000, kind: .institutional)
        ]
        let talkSessions = [10, 17].map { day in
            SeminarSession(
                id: "s\(day)", date: CalendarDate(year: 2026, month: 9, day: day),
                start: TimeOfDay(hour: 12, minute: 0), end: TimeOfDay(hour: 13, minute: 0), room: "Room 1")
        }
        return Scenario(
            settings: settings, fellows: [zoe, noor],
            labs: [Lab(id: "A", name: "Lab A", institution: "General Hospital", areas: ["a"], capacity: 2)],
            mentors: [mentor], funding: funding,
            preferences: [Preference(fellow: "zoe", lab: "A", rank: 1), Preference(fellow: "noor", lab: "A", rank: 1)],
            sessions: sessions ? talkSessions : nil)
    }

    func files(_ s: Scenario, stamp: ReportStamp? = nil) throws -> [String: String] {
        let o = try PlacementEngine(solver: GLPKSolver()).run(s)
        let schedule =
            s.sessions == nil
            ? nil : try SeminarScheduler(solver: GLPKSolver()).schedule(s, placements: o.placements)
        return try RunFiles.files(for: o, scenario: s, schedule: schedule, stamp: stamp).mapValues {
            String(decoding: $0, as: UTF8.self)
        }
    }

    func letters(_ s: Scenario) throws -> [PlacementLetter] {
        let o = try PlacementEngine(solver: GLPKSolver()).run(s)
        let schedule = try SeminarScheduler(solver: GLPKSolver()).schedule(s, placements: o.placements)
        return PlacementLetter.letters(
            o, scenario: s, schedule: schedule, date: CalendarDate(year: 2026, month: 7, day: 1))
    }

    @Test func theFellowsLetterHoldsHerPlacementFundingAppointmentAndTalk() throws {
        let zoe = try #require(try letters(program()).first { $0.id == "zoe" })
        #expect(zoe.subject == "Your placement: Fellowship, 2026-27 intake")
        #expect(zoe.greeting == "Dear Zoë Ângelo,")
        let lines = Dictionary(uniqueKeysWithValues: zoe.sections.map { ($0.heading, $0.lines) })
        #expect(lines["Your placement"] == ["Lab: Lab A, General Hospital", "Mentor: Dr. Mira Lee"])
        #expect(lines["Your funding"] == ["NLM T15: $80,000", "In all: $80,000 for 12 months."])
        #expect(
            lines["Your training-grant appointment"] == [
                "Training grant: NLM T15", "Slot 1 of 1",
                "Appointment: from Wed 1 Jul 2026, 12 months; the grant pays $80,000 of your stipend"
            ])
        let talks = try #require(lines["Your seminar talks"])
        #expect(talks.count == 2 && talks[1] == "Times are America/New_York time.")
        #expect(talks[0].hasSuffix(", 12:00–13:00, Room 1: Work in progress (your mentor attends)"))
        #expect(talks[0].hasPrefix("Thu 10 Sep 2026") || talks[0].hasPrefix("Thu 17 Sep 2026"))
    }

    @Test func theOtherFellowsLetterShowsHerExternalFundingAndNothingOfZoe() throws {
        let noor = try #require(try letters(program()).first { $0.id == "noor" })
        let text = noor.text(calendarFile: "noor.ics")
        #expect(text.contains("  Bridge fund: $40,000\n"))
        #expect(text.contains("Your external funding, $20,000 a year, is not paid by the program."))
        #expect(!text.contains("Zoë") && !text.contains("T15") && !text.contains("80,000"))
        #expect(!noor.sections.contains { $0.heading == "Your training-grant appointment" })
    }

    /// Never in a mentor's letter: citizenship, money, sources, external funding.
    @Test func theMentorsLetterNamesHerFellowsAndTalksAndNoPersonalData() throws {
        let s = program()
        let mira = try #require(try letters(s).first { $0.role == .mentor })
        let lines = Dictionary(uniqueKeysWithValues: mira.sections.map { ($0.heading, $0.lines) })
        #expect(
            lines["Your fellows"] == ["Zoë Ângelo, Lab A (new this intake)", "Noor Haddad, Lab A (new this intake)"])
        let attend = try #require(lines["Talks you are asked to attend"])
        #expect(attend.count == 3)
        #expect(
            attend.contains("Thu 10 Sep 2026, 12:00–13:00, Room 1: Work in progress by Zoë Ângelo")
                || attend.contains("Thu 10 Sep 2026, 12:00–13:00, Room 1: Work in progress by Noor Haddad"))
        let all = try files(s)
        let page = try #require(all["letters/m.html"]), draft = try #require(all["letters/m.eml"])
        // The draft's text with its soft line breaks undone (the calendar after it is base64).
        let draftText = (draft.components(separatedBy: "Content-Type: text/calendar").first ?? "")
            .replacingOccurrences(of: "=\r\n", with: "")
        for text in [mira.text(calendarFile: "m.ics"), page, draftText] {
            for word in ["$", "citizen", "T15", "Bridge", "20,000", "40,000", "external", "rank"] {
                #expect(!text.lowercased().contains(word.lowercased()), "\(word) in the mentor's letter")
            }
        }
    }

    /// A fellow without an address gets a letter and a draft without `To:`;
    /// the mail merge leaves the address empty. Paths are the run folder's.
    @Test func theMailMergeListsEveryLetterAndADraftWithoutAnAddressHasNoTo() throws {
        let all = try files(program())
        #expect(
            all["letters/mail-merge.csv"] == """
                id,name,email,role,letter,eml,calendar
                zoe,Zoë Ângelo,zoe@example.org,fellow,letters/zoe.html,letters/zoe.eml,calendar/zoe.ics
                noor,Noor Haddad,,fellow,letters/noor.html,letters/noor.eml,calendar/noor.ics
                m,Dr. Mira Lee,mira@example.org,mentor,letters/m.html,letters/m.eml,calendar/m.ics

                """)
        let noor = try #require(all["letters/noor.eml"])
        #expect(!noor.contains("\r\nTo:") && noor.hasPrefix("From: Fellowship <office@example.org>\r\n"))
        let zoe = try #require(all["letters/zoe.eml"])
        #expect(zoe.contains("\r\nTo: =?UTF-8?B?"))
        // The attachment is the calendar written beside it, byte for byte.
        let calendar = try #require(all["calendar/zoe.ics"])
        #expect(zoe.contains(MailDraft.base64Lines(Data(calendar.utf8))))
    }

    /// Recorded: the run's time; not recorded: the budget year's first day.
    @Test func theDateIsTheRunsRecordedTimeElseTheBudgetYearsStart() throws {
        let s = program(sessions: false)
        let recorded = try files(s, stamp: ReportStamp(run: 3, recordedAt: "2026-12-02T10:31:04Z", rematchOf: nil))
        #expect(recorded["letters/zoe.eml"]?.contains("\r\nDate: Wed, 02 Dec 2026 10:31:04 +0000\r\n") == true)
        #expect(recorded["letters/zoe.html"]?.contains("Fellowship, 2026-27 intake<br>2 December 2026") == true)
        #expect(recorded["letters/zoe.html"]?.contains("from run 3 of the run history.") == true)
        let unrecorded = try files(s)
        #expect(unrecorded["letters/zoe.eml"]?.contains("\r\nDate: Wed, 01 Jul 2026 00:00:00 +0000\r\n") == true)
        // Identical runs give identical files, but for summary.json's solve_seconds (documented as varying).
        let again = try files(s)
        func steady(_ f: [String: String]) -> [String: String] {
            f.mapValues {
                $0.split(separator: "\n").filter { !$0.contains("\"solve_seconds\"") }.joined(separator: "\n")
            }
        }
        #expect(steady(unrecorded) == steady(again))
        // Without sessions: no talks, no calendar, nothing attached.
        #expect(unrecorded["letters/zoe.eml"]?.contains("multipart") == false)
        #expect(unrecorded["letters/mail-merge.csv"]?.contains("letters/zoe.eml,\n") == true)
    }

    @Test func namesAreEscapedInThePage() throws {
        var s = program(sessions: false)
        s.fellows[0].name = "<b>Zoë</b> & co"
        let page = try #require(try files(s)["letters/zoe.html"])
        #expect(page.contains("&lt;b&gt;Zoë&lt;/b&gt; &amp; co") && !page.contains("<b>Zoë"))
    }

    @Test func noPlacementNoLetters() throws {
        var s = program(sessions: false)
        s.labs[0].capacity = 1
        let all = try files(s)
        #expect(!all.keys.contains { $0.hasPrefix("letters/") })
    }
}
