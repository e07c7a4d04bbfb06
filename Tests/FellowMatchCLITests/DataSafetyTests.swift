import Foundation
import Testing

/// No command deletes or overwrites what it did not write (issue 15, "Data loss").
@Suite struct DataSafetyTests {
    let fm = FileManager.default

    func demo() throws -> URL { try CLI.demoCopy() }

    @Test func outPointingAtAUsersFileIsRefusedAndTheFileKept() throws {
        let dir = CLI.temporary("file")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        let thesis = dir.appendingPathComponent("thesis.txt")
        try Data("my thesis".utf8).write(to: thesis)
        let r = try CLI.run(["run", try demo().path, "--out", thesis.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("is a file, not a folder"))
        #expect(try String(contentsOf: thesis, encoding: .utf8) == "my thesis")
    }

    @Test func outPointingAtASymlinkIsRefusedAndItsTargetKept() throws {
        let dir = CLI.temporary("link")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        let thesis = dir.appendingPathComponent("thesis.txt")
        try Data("my thesis".utf8).write(to: thesis)
        let link = dir.appendingPathComponent("out")
        try fm.createSymbolicLink(at: link, withDestinationURL: thesis)
        let r = try CLI.run(["run", try demo().path, "--out", link.path])
        #expect(r.status == 2 && r.stderr.contains("symbolic link"))
        #expect(try String(contentsOf: thesis, encoding: .utf8) == "my thesis")
        #expect((try? fm.destinationOfSymbolicLink(atPath: link.path)) != nil)
    }

    @Test(arguments: ["calendar/my-personal.ics.txt", "placements.csv/data.xlsx", "calendar/notes/a.ics"])
    func aUsersFileAtAnyDepthStopsTheReplacement(_ stranger: String) throws {
        let s = try demo()
        let out = s.appendingPathComponent("out")
        #expect(try CLI.run(["run", s.path]).status == 0)
        let target = out.appendingPathComponent(stranger)
        if stranger.hasPrefix("placements.csv/") { try fm.removeItem(at: out.appendingPathComponent("placements.csv")) }
        try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: target)
        let r = try CLI.run(["run", s.path])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("did not write"))
        #expect(try String(contentsOf: target, encoding: .utf8) == "keep me")
    }

    @Test func leftoversOfAKilledRunAreCleanedUpAndAMovedAsideVersionPutBack() throws {
        let s = try demo()
        #expect(try CLI.run(["run", s.path]).status == 0)
        // A run killed between moving the old version aside and renaming the new one in.
        let writing = s.appendingPathComponent(".out.writing-99999-1"),
            old = s.appendingPathComponent(".out.old-99999-2")
        try fm.moveItem(at: s.appendingPathComponent("out"), to: old)
        try fm.createDirectory(at: writing, withIntermediateDirectories: true)
        // A run writes its manifest first, then the files: this one was killed in placements.csv.
        try Data(#"{"files":{"placements.csv":"sha256:0"},"format":1,"written_by":"FellowMatch"}"#.utf8).write(
            to: writing.appendingPathComponent("manifest.json"))
        try Data("partial".utf8).write(to: writing.appendingPathComponent("placements.csv"))
        let r = try CLI.run(["run", s.path])
        #expect(r.status == 0)
        #expect(r.stderr.contains("put back") && r.stderr.contains("removed .out.writing-99999-1"))
        let names = try fm.contentsOfDirectory(atPath: s.path)
        #expect(!names.contains { $0.hasPrefix(".out.") })
        #expect(fm.fileExists(atPath: s.appendingPathComponent("out/placements.csv").path))
    }

    @Test func aLeftoverHoldingSomeoneElsesFileIsLeftAlone() throws {
        let s = try demo()
        let writing = s.appendingPathComponent(".out.writing-99999-1")
        try fm.createDirectory(at: writing, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: writing.appendingPathComponent("notes.txt"))
        let r = try CLI.run(["run", s.path])
        #expect(r.status == 0 && r.stderr.contains("left"))
        #expect(fm.fileExists(atPath: writing.appendingPathComponent("notes.txt").path))
    }

    @Test func runsWritingTheSameFolderAtOnceAllSucceed() throws {
        let s = try demo()
        let results = try (0..<4).map { _ in
            try CLI.start(["run", s.path, "--out", s.appendingPathComponent("same").path])
        }
        for p in results { p.waitUntilExit() }
        #expect(results.allSatisfy { $0.terminationStatus == 0 })
        let names = try fm.contentsOfDirectory(atPath: s.path)
        #expect(!names.contains { $0.hasPrefix(".same.") })
        #expect(fm.fileExists(atPath: s.appendingPathComponent("same/summary.json").path))
    }

    @Test func explainAndExportNeverReplaceAFileTheyDidNotWrite() throws {
        let s = try demo()
        let mine = s.appendingPathComponent("notes.md")
        try Data("my notes".utf8).write(to: mine)
        let e = try CLI.run(["explain", s.path, "--all", "--output", mine.path])
        #expect(e.status == 2 && e.stderr.contains("was not written by this command"))
        let x = try CLI.run(["export", s.path, "--format", "lp", "--output", mine.path])
        #expect(x.status == 2)
        #expect(try String(contentsOf: mine, encoding: .utf8) == "my notes")
        // Their own files are replaced.
        let lp = s.appendingPathComponent("model.lp"), md = s.appendingPathComponent("why.md")
        for _ in 0..<2 {
            #expect(try CLI.run(["export", s.path, "--format", "lp", "--output", lp.path]).status == 0)
            #expect(try CLI.run(["explain", s.path, "--all", "--output", md.path]).status == 0)
        }
    }
}

/// The run history through the real binary (issue 14).
@Suite struct HistoryCLITests {
    @Test func twoProcessesRecordingAtOnceBothLand() throws {
        let s = try CLI.demoCopy()
        let history = s.deletingLastPathComponent().appendingPathComponent("h-\(UUID().uuidString).sqlite")
        let processes = try (0..<3).map { k in
            try CLI.start(["run", s.path, "--out", s.appendingPathComponent("out\(k)").path, "--history", history.path])
        }
        for p in processes { p.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        let list = try CLI.run(["history", "--history", history.path, "--json"])
        let runs = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]
        #expect(runs?.count == 3)
        #expect(Set(runs?.compactMap { $0["id"] as? Int } ?? []) == [1, 2, 3])
    }

    /// Three runs of one folder at once: each is recorded, and the folder
    /// holds the run recorded last (recording and writing take one turn).
    @Test func runsOfOneFolderAtOnceLeaveTheRunRecordedLast() throws {
        let s = try CLI.demoCopy()
        let history = s.deletingLastPathComponent().appendingPathComponent("h-\(UUID().uuidString).sqlite")
        let out = s.appendingPathComponent("out")
        let processes = try (0..<3).map { _ in
            try CLI.start(["run", s.path, "--out", out.path, "--history", history.path])
        }
        for p in processes { p.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        let report = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(report.contains("Draft: run 3,"))
    }

    @Test func commandsThatReadTheHistorySayWhenThereIsNone() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("none-\(UUID().uuidString).sqlite")
            .path
        for args in [
            ["history"], ["history", "show", "1"], ["history", "diff", "1", "2"], ["publish", "1", "--note", "x"]
        ] {
            let r = try CLI.run(args + ["--history", missing])
            #expect(
                r.status == 1 && r.stderr.contains("There is no run history") && r.stderr.contains("fellowmatch run"),
                "\(args)")
        }
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test func historyDiffEqualsCompare() throws {
        let s = try CLI.demoCopy()
        let history = s.appendingPathComponent("h.sqlite").path
        let whatIf = s.appendingPathComponent("what-if/grant-cut.toml")
        let compare = try CLI.run(["compare", s.path, whatIf.path, "--out", s.appendingPathComponent("cmp").path])
        #expect(compare.status == 0)
        // The same two scenarios as runs: the base, and the what-if applied as a folder.
        #expect(
            try CLI.run(["run", s.path, "--out", s.appendingPathComponent("o1").path, "--history", history]).status == 0
        )
        #expect(try CLI.run(["apply", whatIf.path, "--to", s.appendingPathComponent("cut").path]).status == 0)
        #expect(
            try CLI.run([
                "run", s.appendingPathComponent("cut").path, "--out", s.appendingPathComponent("o2").path, "--history",
                history
            ]).status == 0)
        let diff = try CLI.run(["history", "diff", "1", "2", "--history", history])
        #expect(diff.status == 0)
        let all = compare.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let start = all.lastIndex { $0.hasPrefix("grant-cut: ") } ?? all.endIndex
        let compareLines = all[start...].prefix { !$0.hasPrefix("Wrote") && !$0.isEmpty }
        // The per-fellow lines are compare's; the talks that moved or were cancelled follow them.
        let diffLines = diff.stdout.split(separator: "\n").prefix { !$0.hasPrefix("Talks:") }
        #expect(diff.stdout.contains("\nTalks: "))
        #expect(Array(compareLines.dropFirst()) == Array(diffLines.dropFirst()), "\(compareLines)\n\(diffLines)")
        #expect(compareLines.first?.dropFirst("grant-cut: ".count) == diffLines.first?.dropFirst("run 2: ".count))
    }
}
