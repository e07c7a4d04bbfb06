import ArgumentParser
import Domain
import Foundation

struct ApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Write the scenario a what-if file describes as a folder of its own.",
        discussion: "The folder must not exist yet. Running the folder gives the same results as comparing the what-if."
    )

    @Argument(help: "The what-if file (.toml).")
    var whatIf: String

    @Option(name: .long, help: "The folder to write (created; must not exist).")
    var to: String

    func validate() throws {
        try requireNewFolder(to)
    }

    func run() throws {
        let w: WhatIf
        do { w = try WhatIfReader.read(path: whatIf) } catch {
            for issue in error.issues { printProblem(issue.description) }
            printError(
                "\(error.errorCount) problem\(error.errorCount == 1 ? "" : "s") in \(whatIf); nothing was written.")
            throw ExitCode(2)
        }
        for warning in w.warnings { printProblem(warning.description) }
        for note in w.notes { printError("note: \(note)") }
        do { try ScenarioWriter.write(w.scenario, to: URL(fileURLWithPath: to)) } catch {
            printError("error: \(to) could not be written: \(error)")
            throw ExitCode(2)
        }
        print("Wrote \(to): \(w.description)")
    }
}
