import Foundation
import Testing

/// An intake's life through the real binary (issue 14): run, publish, a
/// withdrawal, re-match, re-schedule, next intake.
@Suite struct OfficialMatchTests {
    let fm = FileManager.default

    /// Marks fellows withdrawn in a scenario's fellows.csv (adding `withdrawn_on`), editing nothing else.
    func withdraw(_ ids: [String], in scenario: URL, on date: String) throws {
        let url = scenario.appendingPathComponent("fellows.csv")
        var lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        let status = header.firstIndex(of: "status")!
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

    func rows(_ url: URL) throws -> [[String: String]] {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst().map { line in
            Dictionary(
                uniqueKeysWithValues: zip(
                    header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }
    }

    /// Calendar content lines, unfolded (RFC 5545 3.1).
    func unfolded(_ url: URL) throws -> [String] {
        try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "\r\n ", with: "").components(
            separatedBy: "\r\n")
    }

    @Test func aWithdrawnFellowFreesTheirPlaceWithoutAnyOtherFileEdited() throws {
        let s = try CLI.demoCopy()
        // Lucas Ferreira (f004) holds a place in the full Imaging Informatics Lab, which Elena Petrova (f015) ranked first.
        try withdraw(["f004"], in: s, on: "2026-10-20")
        let r = try CLI.run(["run", s.path, "--no-history"])
        #expect(r.status == 0, "\(r.stderr)")
        let placed = Dictionary(
            uniqueKeysWithValues: try rows(s.appendingPathComponent("out/placements.csv")).map { ($0["fellow"]!, $0) })
        #expect(placed["f004"]?["status"] == "withdrawn" && placed["f004"]?["lab"] == "")
        #expect(placed["f015"]?["lab"] == "lab04" && placed["f015"]?["rank"] == "1")
        #expect(
            !(try String(contentsOf: s.appendingPathComponent("out/funding.csv"), encoding: .utf8)).contains("f004,"))
    }

    @Test func withdrawRematchAndRescheduleKeepsHistoryAndCancelsWhatIsGone() throws {
        let s = try CLI.demoCopy()
        let history = s.appendingPathComponent("history.sqlite").path
        let first = try CLI.run([
            "run", s.path, "--out", s.appendingPathComponent("official").path, "--history", history
        ])
        #expect(first.status == 0 && first.stdout.contains("Recorded as run 1"))
        #expect(
            try CLI.run(["publish", "1", "--note", "Approved by the program committee", "--history", history]).status
                == 0)
        let before = try rows(s.appendingPathComponent("official/schedule.csv"))
        let placedBefore = try rows(s.appendingPathComponent("official/placements.csv"))

        // Mateo Alvarez (f010, new) and Samuel Adeyemi (f103, second year) withdraw; today is 1 November.
        try withdraw(["f010", "f103"], in: s, on: "2026-10-20")
        let today = "2026-11-01"
        let re = try CLI.run([
            "run", s.path, "--today", today, "--out", s.appendingPathComponent("rematch").path, "--history", history
        ])
        #expect(re.status == 0, "\(re.stderr)")
        #expect(re.stdout.contains("Re-matching against the official match"))
        #expect(re.stdout.contains("Since run 1:") && re.stdout.contains("funding"))
        #expect(re.stdout.contains("Opportunities"))
        // Everyone else stays where the official match placed them.
        let placedAfter = Dictionary(
            uniqueKeysWithValues: try rows(s.appendingPathComponent("rematch/placements.csv")).map {
                ($0["fellow"]!, $0)
            })
        for p in placedBefore where !["f010", "f103"].contains(p["fellow"]!) {
            #expect(
                placedAfter[p["fellow"]!]?["lab"] == p["lab"] && placedAfter[p["fellow"]!]?["mentor"] == p["mentor"],
                "\(p["fellow"]!)")
        }
        // Every talk before today stays (also the withdrawn fellow's), every other talk where it was.
        let after = try rows(s.appendingPathComponent("rematch/schedule.csv"))
        let key = { (r: [String: String]) in "\(r["session"]!)|\(r["fellow"]!)|\(r["kind"]!)" }
        let afterKeys = Set(after.map(key))
        for talk in before where talk["date"]! < today {
            #expect(afterKeys.contains(key(talk)), "held talk \(key(talk)) disappeared")
        }
        for talk in before where talk["date"]! >= today && !["f010", "f103"].contains(talk["fellow"]!) {
            #expect(afterKeys.contains(key(talk)), "talk \(key(talk)) moved")
        }
        #expect(after.contains { $0["fellow"] == "f103" && $0["date"]! < today })
        #expect(!after.contains { ["f010", "f103"].contains($0["fellow"]!) && $0["date"]! >= today })
        // Their later talks stay in the calendars as cancelled events with the same UID and a higher SEQUENCE.
        let program = try unfolded(s.appendingPathComponent("rematch/calendar/program.ics"))
        let events = program.split(separator: "BEGIN:VEVENT").dropFirst().map { Array($0) }
        // (f103's thesis defense is cancelled too: see the thesis defenses' own tests.)
        let cancelled = events.filter {
            $0.contains("STATUS:CANCELLED") && !$0.contains { $0.hasPrefix("UID:") && $0.contains("-defense@") }
        }
        let gone = before.filter { ["f010", "f103"].contains($0["fellow"]!) && $0["date"]! >= today }
        #expect(cancelled.count == gone.count && !gone.isEmpty)
        let official = try unfolded(s.appendingPathComponent("official/calendar/program.ics"))
        let officialEvents = official.split(separator: "BEGIN:VEVENT").dropFirst().map { Array($0) }
        func sequence(_ event: [String]) -> Int? {
            event.first { $0.hasPrefix("SEQUENCE:") }.flatMap { Int($0.dropFirst(9)) }
        }
        for event in cancelled {
            let uid = event.first { $0.hasPrefix("UID:") }!
            let published = try #require(officialEvents.first { $0.contains(uid) })
            #expect(sequence(event)! > sequence(published)! && event.contains { $0.hasPrefix("DTSTART:") })
            #expect(event.contains("END:VEVENT"))
        }
        #expect(fm.fileExists(atPath: s.appendingPathComponent("rematch/calendar/f010.ics").path))

        // Re-scheduling with the re-match published keeps it all again.
        #expect(
            try CLI.run(["publish", "2", "--note", "After two withdrawals", "--replace", "--history", history]).status
                == 0)
        let again = try CLI.run([
            "schedule", s.path, "--today", today, "--out", s.appendingPathComponent("again").path, "--history", history
        ])
        #expect(again.status == 0)
        #expect(Set(try rows(s.appendingPathComponent("again/schedule.csv")).map(key)) == afterKeys)
        let listed = try CLI.run(["history", "--history", history])
        #expect(listed.stdout.contains("replaced") && listed.stdout.contains("yes"))
    }

    @Test func nextIntakeCarriesThePublishedPlacementsAndPassesCheckWithOneNewFellow() throws {
        let s = try CLI.demoCopy()
        let history = s.appendingPathComponent("history.sqlite").path
        #expect(try CLI.run(["run", s.path, "--history", history]).status == 0)
        #expect(
            try CLI.run(["next-intake", s.path, "--to", s.appendingPathComponent("next").path, "--history", history])
                .status == 1)
        #expect(try CLI.run(["publish", "1", "--note", "official", "--history", history]).status == 0)
        let next = s.appendingPathComponent("next")
        let r = try CLI.run(["next-intake", s.path, "--to", next.path, "--history", history])
        #expect(r.status == 0, "\(r.stderr)")
        let published = try rows(s.appendingPathComponent("out/placements.csv")).filter { $0["status"] == "new" }
        let carried = try rows(next.appendingPathComponent("fellows.csv"))
        #expect(carried.count == published.count)
        for p in published {
            let c = carried.first { $0["id"] == p["fellow"] }
            #expect(
                c?["status"] == "continuing" && c?["lab"] == p["lab"] && c?["mentor"] == p["mentor"], "\(p["fellow"]!)")
        }
        #expect(!carried.contains { $0["id"]!.hasPrefix("f1") })  // second-years graduated
        #expect(
            try String(contentsOf: next.appendingPathComponent("scenario.toml"), encoding: .utf8).contains(
                "intake = \"2027-28\""))
        // One new applicant, and check accepts the folder.
        let fellows = next.appendingPathComponent("fellows.csv"), prefs = next.appendingPathComponent("preferences.csv")
        try Data(
            (try String(contentsOf: fellows, encoding: .utf8)
                + "n001,Ines Duarte,clinical,citizen,new,,,clinical-nlp,73000,0\n").utf8
        ).write(to: fellows)
        try Data((try String(contentsOf: prefs, encoding: .utf8) + "n001,lab01,1\n").utf8).write(to: prefs)
        let check = try CLI.run(["check", next.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }
}

/// Planners' what-ifs (issue 17): a what-if is a scenario, and compare explains every variant.
@Suite struct WhatIfCLITests {
    @Test func aWhatIfRunDirectlyGivesTheSameFilesAsItsAppliedFolder() throws {
        let s = try CLI.demoCopy()
        let whatIf = s.appendingPathComponent("what-if/three-more.toml")
        #expect(
            try CLI.run(["run", whatIf.path, "--out", s.appendingPathComponent("direct").path, "--no-history"]).status
                == 0)
        #expect(try CLI.run(["apply", whatIf.path, "--to", s.appendingPathComponent("applied").path]).status == 0)
        #expect(
            try CLI.run([
                "run", s.appendingPathComponent("applied").path, "--out", s.appendingPathComponent("via").path,
                "--no-history"
            ]
            ).status == 0)
        let fm = FileManager.default
        let files = (fm.enumerator(atPath: s.appendingPathComponent("direct").path)?.allObjects as? [String] ?? [])
            .filter { $0.contains(".") }.sorted()
        #expect(
            files.contains("placements.csv") && files.contains("report.html") && files.contains("calendar/program.ics"))
        #expect(
            files
                == (fm.enumerator(atPath: s.appendingPathComponent("via").path)?.allObjects as? [String] ?? []).filter {
                    $0.contains(".")
                }.sorted())
        // manifest.json holds summary.json's hash, so it varies with it.
        for file in files where file != "manifest.json" {
            if file.hasSuffix(".xlsx") {  // binary, and written with a fixed creation time
                #expect(
                    try Data(contentsOf: s.appendingPathComponent("direct/\(file)"))
                        == Data(contentsOf: s.appendingPathComponent("via/\(file)")), "\(file)")
                continue
            }
            var a = try String(contentsOf: s.appendingPathComponent("direct/\(file)"), encoding: .utf8)
            var b = try String(contentsOf: s.appendingPathComponent("via/\(file)"), encoding: .utf8)
            if file == "summary.json" {  // the one field that varies between identical runs
                let time = try Regex(#""solve_seconds" : [0-9.]+"#)
                a = a.replacing(time, with: "")
                b = b.replacing(time, with: "")
            }
            #expect(a == b, "\(file) differs")
        }
        for command in [
            ["check"], ["explain", "--all"], ["binds"],
            ["export", "--format", "lp", "--output", s.appendingPathComponent("m.lp").path]
        ] {
            let r = try CLI.run([command[0], whatIf.path] + command.dropFirst())
            #expect(r.status == 0, "\(command): \(r.stderr)")
        }
    }

    @Test func aChangeThatBreaksABaseRowIsReportedAtTheChangeAllAtOnce() throws {
        let s = try CLI.demoCopy()
        let whatIf = s.appendingPathComponent("what-if/leave.toml")
        // m05 supervises a second-year fellow (fellows.csv:19); lab12 hosts one (fellows.csv:29).
        try Data(
            "description = \"Two leave\"\nbase = \"..\"\n[[change]]\naction = \"remove\"\nfile = \"mentors\"\nid = \"m05\"\n[[change]]\naction = \"remove\"\nfile = \"labs\"\nid = \"lab12\"\n"
                .utf8
        )
        .write(to: whatIf)
        let r = try CLI.run(["check", whatIf.path])
        #expect(r.status == 2)
        #expect(
            r.stderr.contains("leave.toml:3: change[1]:")
                && r.stderr.contains(
                    "fellows.csv:19 (a row of the base) breaks after this change: mentor: unknown mentor \"m05\"")
        )
        #expect(
            r.stderr.contains("leave.toml:7: change[2]:")
                && r.stderr.contains(
                    "fellows.csv:29 (a row of the base) breaks after this change: lab: unknown lab \"lab12\"")
        )
        #expect(r.stderr.contains("2 problems in"))
    }

    @Test func compareExplainsAnInfeasibleWhatIfAndReportsABadOneWhileComparingTheRest() throws {
        let s = try CLI.demoCopy()
        let folder = s.appendingPathComponent("what-if")
        try Data(
            "description = \"No training grant\"\nbase = \"..\"\n[[change]]\naction = \"modify\"\nfile = \"funding\"\nid = \"nlm-t15\"\nset = { budget = 100000 }\n"
                .utf8
        )
        .write(to: folder.appendingPathComponent("no-grant.toml"))
        try Data(
            "description = \"A typo\"\nbase = \"..\"\n[[change]]\naction = \"add\"\nfile = \"preferences\"\nrow = { fellow = \"f001\", lab = \"lab99\", rank = 9 }\n"
                .utf8
        )
        .write(to: folder.appendingPathComponent("typo.toml"))
        let r = try CLI.run([
            "compare", s.path, folder.appendingPathComponent("no-grant.toml").path,
            folder.appendingPathComponent("typo.toml").path,
            folder.appendingPathComponent("sabbatical.toml").path
        ])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(
            r.stderr.contains("typo.toml:") && r.stderr.contains("lab99")
                && r.stderr.contains("left out of the comparison"))
        #expect(r.stdout.contains("sabbatical") && r.stdout.contains("no-grant: No placement exists"))
        let md = try String(contentsOf: folder.appendingPathComponent("out/comparison.md"), encoding: .utf8)
        #expect(md.contains("## Why some variants have no placement") && md.contains("NLM T15 training grant"))
        let json =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: folder.appendingPathComponent("out/comparison.json"))) as? [[String: Any]]
        #expect(
            (json?.first { $0["label"] as? String == "no-grant" }?["why_no_placement"] as? [String])?.isEmpty == false)
        #expect(
            try String(contentsOf: folder.appendingPathComponent("out/comparison.csv"), encoding: .utf8).contains(
                "no-grant,why no placement,"))
    }
}
