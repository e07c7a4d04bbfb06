import ArgumentParser
import BenchmarkSupport
import Foundation
import Modeling
import ORLibrary

/// The OR-Library GAP suite through FellowMatch's full scenario path, with
/// glpsol on the same exported models in the same run.
@main
struct GAPSuite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gap-suite",
        abstract: "Solve OR-Library GAP instances through FellowMatch (and glpsol) and print a table.")

    @Option(help: "Folder with the GAP files and optima.tsv (default: the repository's Tests/Data/gap).")
    var folder: String?

    @Option(help: "Seconds per instance.")
    var timeLimit: Double = 60

    @Option(help: "Comma-separated file names from optima.tsv (default gap1.txt … gap12.txt).")
    var files: String = (1...12).map { "gap\($0).txt" }.joined(separator: ",")

    @Option(help: "Comma-separated instance names (instead of --files).")
    var instances: String?

    @Flag(help: "Also solve every model with glpsol (Debian glpk-utils) and show the ratio.")
    var glpsol = false

    @Option(help: "Extra glpsol arguments, e.g. \"--cuts --pcost\".")
    var glpsolArguments: String = ""

    @Option(
        help:
            "Force GLPK cut families: all, none, or a comma-separated list of gomory, mir, cover, clique (default: the engine's choice)."
    )
    var cuts: String?

    @Option(help: "Write the Markdown table to this file too.")
    var output: String?

    @Option(
        help:
            "Keep each instance's scenario folder (and glpsol's LP file) in this folder, e.g. to run `fellowmatch run` on one."
    )
    var keep: String?

    func run() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let dir = folder.map({ URL(fileURLWithPath: $0) }) ?? GAPLibrary.defaultFolder(repositoryRoot: repo)
        guard FileManager.default.fileExists(atPath: dir.appendingPathComponent("optima.tsv").path) else {
            throw ValidationError("\(dir.path) holds no optima.tsv: give --folder with the OR-Library GAP files")
        }
        var forced: Set<CutFamily>?
        if let cuts {
            guard let selection = CutSelection(cuts) else { throw ValidationError("--cuts takes \(CutSelection.help)") }
            forced = selection.families
        }
        let runner = GAPRunner(folder: dir, timeLimit: timeLimit, cuts: forced)
        var refs = try runner.references(files: Set(files.split(separator: ",").map(String.init)))
        if let instances {
            let wanted = Set(instances.split(separator: ",").map(String.init))
            refs = try runner.references().filter { wanted.contains($0.instance) }
        }
        let work =
            keep.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent(
                "fellowmatch-gap-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(at: work) } }
        var rows: [(GAPRunResult, GAPRunResult?)] = []
        for ref in refs {
            let f = try runner.runFellowMatch(ref, work: work)
            let g =
                glpsol
                ? try runner.runGlpsol(
                    ref, work: work, extraArguments: glpsolArguments.split(separator: " ").map(String.init)) : nil
            rows.append((f, g))
            FileHandle.standardError.write(
                Data(
                    "\(ref.instance): \(f.found.map { String($0) } ?? "-") \(f.provedOptimal ? "optimal" : "not proved") \(String(format: "%.2f", f.seconds)) s\(f.contradictsOptimum ? " WRONG" : "")\n"
                        .utf8))
        }
        let table = GAPReport.table(rows)
        print(table)
        if let output { try (table + "\n").write(toFile: output, atomically: true, encoding: .utf8) }
        if rows.contains(where: { $0.0.contradictsOptimum }) { throw ExitCode(3) }
    }
}
