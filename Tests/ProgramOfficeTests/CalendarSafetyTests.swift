import Foundation
import ProgramOffice
import TestSupport
import Testing

/// The demo intake's calendars through a withdrawal and several re-matches
/// (issue 27): nothing in the past is cancelled when no date is given, a
/// cancellation stays in every later calendar, and mentors see their own
/// fellows' talks.
@Suite struct CalendarSafetyTests {
    static let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios/demo")

    /// A copy of the demo and a history beside it.
    static func demoCopy() throws -> (scenario: String, history: String) {
        let folder = Scratch.path("intake")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let scenario = folder.appendingPathComponent("demo")
        try FileManager.default.copyItem(at: demo, to: scenario)
        try? FileManager.default.removeItem(at: scenario.appendingPathComponent("out"))
        return (scenario.path, folder.appendingPathComponent("history.sqlite").path)
    }

    /// An office whose clock says `time` (ISO 8601, UTC).
    static func office(at time: String) -> Office {
        var office = Office()
        office.now = { time }
        return office
    }

    static func request(_ history: String, _ name: String) -> RunRequest {
        var r = RunRequest()
        r.output = Scratch.path(name).path
        r.history = history
        return r
    }

    /// Marks fellows withdrawn in fellows.csv (adding `withdrawn_on`).
    static func withdraw(_ ids: [String], in scenario: String, on date: String) throws {
        let url = URL(fileURLWithPath: scenario + "/fellows.csv")
        var lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        let status = lines[0].split(separator: ",").map(String.init).firstIndex(of: "status")!
        lines[0] += ",withdrawn_on"
        for i in 1..<lines.count {
            var cells = lines[i].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if ids.contains(cells[0]) {
                cells[status] = "withdrawn"
                cells.append(date)
            } else {
                cells.append("")
            }
            lines[i] = cells.joined(separator: ",")
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
    }

    static func rows(_ path: String) throws -> [[String: String]] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst().map { line in
            Dictionary(
                uniqueKeysWithValues: zip(
                    header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }
    }

    /// A calendar's events, each as its unfolded content lines.
    static func events(_ path: String) throws -> [[String]] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\r\n ", with: "")
            .components(separatedBy: "\r\n")
        return lines.split(separator: "BEGIN:VEVENT").dropFirst().map { Array($0) }
    }

    static func value(_ event: [String], _ name: String) -> String? {
        event.first { $0.hasPrefix(name + ":") }.map { String($0.dropFirst(name.count + 1)) }
    }

    static func summary(_ output: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output + "/summary.json")))
            as? [String: Any] ?? [:]
    }

    /// Run 1 published in August; Mateo Alvarez (f010) and Samuel Adeyemi
    /// (f103) withdraw on 20 October. Returns the paths and run 1's output.
    static func publishedThenWithdrawn() throws -> (scenario: String, history: String, official: String) {
        let (scenario, history) = try demoCopy()
        let august = office(at: "2026-08-20T09:00:00Z")
        let first = try august.run(try august.open(scenario), request(history, "official"))
        #expect(first.verdict == .solved && first.recorded == 1)
        _ = try august.publish(1, note: "Approved by the committee", replace: false, history: history)
        try withdraw(["f010", "f103"], in: scenario, on: "2026-10-20")
        return (scenario, history, first.output)
    }

    @Test func aRematchWithoutTodayCancelsNothingBeforeTheLatestWithdrawal() throws {
        let (scenario, history, official) = try Self.publishedThenWithdrawn()
        // The history's dates (20 August) are earlier than the withdrawals: 20 October is the date used.
        let office = Self.office(at: "2026-08-25T09:00:00Z")
        let re = try office.run(try office.open(scenario), Self.request(history, "rematch"))
        #expect(re.verdict == .solved)
        #expect(re.replan?.date.map { "\($0)" } == "2026-10-20")
        let today = try #require(Self.summary(re.output)["today"] as? [String: Any])
        #expect(today["date"] as? String == "2026-10-20" && today["source"] as? String == "withdrawn_on")
        #expect((today["explanation"] as? String)?.contains("Mateo Alvarez (f010) withdrew") == true)

        let before = try Self.rows(official + "/schedule.csv")
        let after = try Self.rows(re.output + "/schedule.csv")
        let key = { (r: [String: String]) in "\(r["session"]!)|\(r["fellow"]!)|\(r["kind"]!)" }
        // Every talk before 20 October is still where it was, the withdrawn fellows' included.
        let past = before.filter { $0["date"]! < "2026-10-20" }
        #expect(!past.isEmpty && past.contains { ["f010", "f103"].contains($0["fellow"]!) })
        for talk in past { #expect(after.contains { key($0) == key(talk) }, "\(key(talk)) moved or was cancelled") }
        // What is cancelled lies on or after 20 October, and is exactly the withdrawn fellows' later talks.
        let all = try Self.events(re.output + "/calendar/program.ics").filter { $0.contains("STATUS:CANCELLED") }
        let cancelled = all.filter { !Self.value($0, "UID")!.contains("-defense@") }
        let gone = before.filter { ["f010", "f103"].contains($0["fellow"]!) && $0["date"]! >= "2026-10-20" }
        #expect(cancelled.count == gone.count && !gone.isEmpty)
        // f103, a continuing fellow with a thesis defense in June, withdrew: the defense is cancelled too.
        #expect(
            all.filter { Self.value($0, "UID")!.contains("-defense@") }.map { Self.value($0, "UID")!.prefix(12) } == [
                "f103-defense"
            ])
        for event in cancelled { #expect(Self.value(event, "DTSTART")! >= "20261020") }
    }

    @Test func theDateUsedIsTheHistorysWhenItIsLaterAndTheGivenOneWhenGiven() throws {
        let (scenario, history, _) = try Self.publishedThenWithdrawn()
        let office = Self.office(at: "2026-11-02T09:00:00Z")
        let re = try office.run(try office.open(scenario), Self.request(history, "rematch"))
        // Run 1 was recorded on 20 August and published the same day; the withdrawal is later.
        #expect(re.replan?.date.map { "\($0)" } == "2026-10-20")
        // Run 2, recorded on 2 November, now is the latest date.
        let again = try office.run(try office.open(scenario), Self.request(history, "again"))
        #expect(again.replan?.date.map { "\($0)" } == "2026-11-02")
        let againToday = try Self.summary(again.output)["today"] as? [String: Any]
        #expect(againToday?["source"] as? String == "recorded")
        var given = Self.request(history, "given")
        given.today = .init(year: 2026, month: 9, day: 1)
        let chosen = try office.run(try office.open(scenario), given)
        let chosenToday = try Self.summary(chosen.output)["today"] as? [String: Any]
        #expect(chosenToday?["source"] as? String == "given" && chosenToday?["date"] as? String == "2026-09-01")
        // A first run re-plans nothing and says no date.
        let fresh = try Self.demoCopy()
        let first = try office.run(try office.open(fresh.scenario), Self.request(fresh.history, "first"))
        let firstSummary = try Self.summary(first.output)
        #expect(first.replan == nil && firstSummary["today"] == nil)
    }

    @Test func aCancellationSurvivesTwoLaterRematches() throws {
        let (scenario, history, _) = try Self.publishedThenWithdrawn()
        let office = Self.office(at: "2026-08-25T09:00:00Z")
        let second = try office.run(try office.open(scenario), Self.request(history, "second"))
        let cancelled = try Self.events(second.output + "/calendar/program.ics").filter {
            $0.contains("STATUS:CANCELLED")
        }
        let uids = Set(cancelled.compactMap { Self.value($0, "UID") })
        #expect(!uids.isEmpty)
        // The re-match becomes the official match: its schedule no longer holds the cancelled talks.
        _ = try office.publish(2, note: "After two withdrawals", replace: true, history: history)
        // Two more re-matches, the second after Sofia Lindqvist (f007) withdraws too.
        let third = try office.run(try office.open(scenario), Self.request(history, "third"))
        try FileManager.default.removeItem(atPath: scenario + "/fellows.csv")
        try FileManager.default.copyItem(
            at: Self.demo.appendingPathComponent("fellows.csv"), to: URL(fileURLWithPath: scenario + "/fellows.csv"))
        try Self.withdraw(["f010", "f103", "f007"], in: scenario, on: "2026-10-20")
        let fourth = try office.run(try office.open(scenario), Self.request(history, "fourth"))
        #expect(third.verdict == .solved && fourth.verdict == .solved)
        for output in [third.output, fourth.output] {
            let events = try Self.events(output + "/calendar/program.ics")
            for uid in uids {
                let same = events.filter { Self.value($0, "UID") == uid }
                #expect(same.count == 1 && same[0].contains("STATUS:CANCELLED"), "\(uid) in \(output)")
                let was = try #require(cancelled.first { Self.value($0, "UID") == uid })
                #expect(Int(Self.value(same[0], "SEQUENCE")!)! >= Int(Self.value(was, "SEQUENCE")!)!)
            }
        }
        // The withdrawn presenters' own calendars keep them too.
        for uid in uids {
            let presenter = String(uid.prefix { $0 != "-" })
            let own = try Self.events(fourth.output + "/calendar/\(presenter).ics")
            #expect(own.contains { Self.value($0, "UID") == uid && $0.contains("STATUS:CANCELLED") }, "\(uid)")
        }
    }

    @Test func aMentorsCalendarHoldsTheirFellowsTalksMarked() throws {
        let (scenario, history) = try Self.demoCopy()
        let office = Self.office(at: "2026-08-20T09:00:00Z")
        let run = try office.run(try office.open(scenario), Self.request(history, "out"))
        let talks = try Self.rows(run.output + "/schedule.csv")
        // The demo's continuing fellows give a wip and a thesis talk (mentor present), new fellows a wip talk.
        for (mentor, theirs) in Dictionary(grouping: talks, by: { $0["mentor"]! }) {
            // Their thesis defenses (as a committee member) aside.
            let events = try Self.events(run.output + "/calendar/\(mentor).ics").filter {
                !Self.value($0, "UID")!.contains("-defense@")
            }
            #expect(events.count == theirs.count, "\(mentor)")
            for talk in theirs {
                let summary =
                    "\(talk["kind"] == "thesis" ? "Thesis presentation" : "Work in progress"): "
                    + "\(talk["fellow_name"]!) (\(talk["kind"] == "thesis" ? "you attend" : "your fellow"))"
                let event = events.first { Self.value($0, "SUMMARY") == summary }
                #expect(event != nil, "\(mentor): \(summary)")
                #expect(
                    event.flatMap { Self.value($0, "CATEGORIES") }
                        == (talk["kind"] == "thesis" ? "thesis,ATTEND" : "wip,YOUR FELLOW"))
            }
        }
        // program.ics and the fellows' own calendars are not marked.
        #expect(
            try !Self.events(run.output + "/calendar/program.ics").contains {
                Self.value($0, "SUMMARY")!.hasSuffix(")")
            })
    }
}
