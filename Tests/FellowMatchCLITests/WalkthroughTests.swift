import Foundation
import Testing

/// The README's intake walkthrough, run literally from a repository's root
/// (a copy holding `Scenarios/demo`), with the history found as a user's
/// would be: no `--history`, no environment.
@Suite struct WalkthroughTests {
    @Test func theReadmeWalkthroughRunsFromTheRepositoryRoot() throws {
        // In a folder of its own: nothing above the repository holds a history.
        let root = CLI.temporary("box").appendingPathComponent("repository")
        let scenarios = root.appendingPathComponent("Scenarios")
        try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: CLI.root.appendingPathComponent("Scenarios/demo"), to: scenarios.appendingPathComponent("demo"))
        func run(_ arguments: [String], in folder: URL? = nil) throws -> CLI.Output {
            let out = try CLI.run(arguments, in: folder ?? root, ownHistory: false)
            #expect(out.status == 0, "fellowmatch \(arguments.joined(separator: " ")): \(out.stdout)\(out.stderr)")
            return out
        }
        _ = try run(["run", "Scenarios/demo"])
        #expect(try run(["history", "Scenarios/demo"]).stdout.contains("2026-27"))
        _ = try run(["publish", "1", "--note", "Approved by the program committee, 1 Dec 2026"])
        // In October a fellow withdraws.
        let fellows = scenarios.appendingPathComponent("demo/fellows.csv")
        var lines = try String(contentsOf: fellows, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        var row = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        row[header.firstIndex(of: "status")!] = "withdrawn"
        lines[1] = row.joined(separator: ",")
        try (lines.joined(separator: "\n") + "\n").write(to: fellows, atomically: true, encoding: .utf8)
        #expect(try run(["run", "Scenarios/demo", "--today", "2026-11-01"]).stdout.contains("official match"))
        _ = try run(["publish", "2", "--note", "After a withdrawal", "--replace"])
        _ = try run(["history", "diff", "1", "2"])
        // The same history from inside the scenario folder and from Scenarios/.
        #expect(
            try run(["history", "show", "2"], in: scenarios.appendingPathComponent("demo")).stdout.contains("Run 2"))
        #expect(try run(["history", "show", "1"], in: scenarios).stdout.contains("Run 1"))
        _ = try run(["next-intake", "Scenarios/demo", "--to", "Scenarios/2027-28"])
        #expect(
            FileManager.default.fileExists(atPath: scenarios.appendingPathComponent("fellowmatch-history.sqlite").path))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("fellowmatch-history.sqlite").path))
    }
}
