import ArgumentParser
import Domain
import Foundation
import GLPKBackend
import Modeling
import PlacementSolver
import Reports

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Solve a base scenario and what-if variants side by side.",
        discussion: """
            Each WHATIF is a .toml file naming its base folder and the changes to it (see Scenarios/demo/what-if/). \
            All scenarios are solved at once, each on a thread of its own. Prints a table of measures and who moves, \
            and writes comparison.md, comparison.csv and comparison.json.
            """)

    @Argument(help: "The base scenario folder.")
    var base: String

    @Argument(help: "What-if files (.toml).")
    var whatIfs: [String] = []

    @OptionGroup var options: SolveOptions

    func run() throws {
        let baseScenario = try loadScenario(base)
        var entries: [(String, String, Scenario)] = [("base", baseScenario.settings.name, baseScenario)]
        var unreadable: [String] = []
        for path in whatIfs {
            do {
                let w = try WhatIfReader.read(path: path)
                for warning in w.warnings { printProblem(warning.description) }
                for note in w.notes { printError("note: \(note)") }
                entries.append((w.label, w.description, w.scenario))
            } catch {
                for issue in error.issues { printProblem(issue.description) }
                printError(
                    "\(path) is left out of the comparison: \(error.errorCount) problem\(error.errorCount == 1 ? "" : "s")."
                )
                unreadable.append(path)
            }
        }
        if !whatIfs.isEmpty && unreadable.count == whatIfs.count {
            printError("No what-if could be read; nothing was solved or written.")
            throw ExitCode(2)
        }
        let outURL = URL(
            fileURLWithPath: options.out ?? whatIfs.first.map {
                (($0 as NSString).deletingLastPathComponent as NSString).appendingPathComponent("out")
            }
                ?? (base as NSString).appendingPathComponent("out-compare"))
        let folder = try outputFolder(outURL)
        let engine = PlacementEngine(solver: GLPKSolver(), options: options.solverOptions())
        let scenarios = entries.map(\.2)
        let results = SolveThreads.map(scenarios) { s in
            Result { () throws(SolverError) -> PlacementOutcome in try engine.run(s) }
        }
        var columns: [ComparedScenario] = []
        for (entry, result) in zip(entries, results) {
            switch result {
            case .success(let o):
                columns.append(ComparedScenario(label: entry.0, description: entry.1, scenario: entry.2, outcome: o))
            case .failure(let e):
                printError("error: \(entry.0): \(e)")
                throw ExitCode(2)
            }
        }
        let comparison = Comparison(columns)
        print(comparison.descriptions().joined(separator: "\n"))
        print("")
        print(comparison.table())
        print(comparison.diffLines().joined(separator: "\n"))
        let notes = comparison.noteLines()
        if !notes.isEmpty { print("\n" + notes.joined(separator: "\n")) }
        let json: String
        do { json = try comparison.json() } catch {
            printError("error: comparison.json could not be encoded (\(error)); nothing was written")
            throw ExitCode(2)
        }
        try write(
            [
                "comparison.md": Data(comparison.markdown().utf8), "comparison.csv": Data(comparison.csv().utf8),
                "comparison.json": Data(json.utf8), "comparison.html": Data(HTMLPages.comparison(comparison).utf8)
            ], to: folder)
        print(
            "\n"
                + ConsoleReport.wrote(
                    outURL.path, files: ["comparison.md", "comparison.csv", "comparison.json", "comparison.html"]))
        if !unreadable.isEmpty {
            printError(
                "\(unreadable.count) of \(whatIfs.count) what-ifs could not be read (see above) and are not in the comparison."
            )
            throw ExitCode(1)
        }
    }
}
