import ArgumentParser
import Domain
import Foundation
import Reports

/// Whether a command's scenario argument is a what-if file rather than a folder.
func isWhatIf(_ path: String) -> Bool {
    path.hasSuffix(".toml")
        && !FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("scenario.toml"))
}

/// Refuses a folder to create that exists already (generate, apply, next-intake).
func requireNewFolder(_ path: String) throws {
    if FileManager.default.fileExists(atPath: path) {
        throw ValidationError("\(path) exists already; choose a new folder")
    }
}

/// Reads a scenario folder, or a what-if file (the scenario its changes
/// describe), for a command; on bad input prints every problem and exits
/// with status 2.
func loadScenario(_ path: String) throws -> Scenario {
    if isWhatIf(path) {
        do {
            let w = try WhatIfReader.read(path: path)
            for warning in w.warnings { printProblem(warning.description) }
            for note in w.notes { printError("note: \(note)") }
            return w.scenario
        } catch {
            for issue in error.issues { printProblem(issue.description) }
            let count = error.errorCount
            printError("\(count) problem\(count == 1 ? "" : "s") in \(path); nothing was solved or written.")
            throw ExitCode(2)
        }
    }
    let url = URL(fileURLWithPath: path)
    do {
        let result = try ScenarioReader().read(folder: url)
        for w in result.warnings { printProblem(display(path, w)) }
        return result.scenario
    } catch {
        for issue in error.issues { printProblem(display(path, issue)) }
        let count = error.errorCount
        printError("\(count) problem\(count == 1 ? "" : "s") in \(path); nothing was solved or written.")
        throw ExitCode(2)
    }
}

/// An issue with the file shown relative to the scenario folder as given.
func display(_ folder: String, _ issue: ScenarioIssue) -> String {
    var shown = issue
    if !issue.file.hasPrefix("/") {
        shown.file = (folder as NSString).appendingPathComponent(issue.file)
    }
    return shown.description
}

/// The output folder of a command, checked before any solve: a file, a
/// symbolic link, or a folder that holds anything a run did not write is
/// refused (exit 2) rather than replaced.
func outputFolder(_ url: URL) throws -> OutputFolder {
    let folder = OutputFolder(url)
    do { try folder.checkReplaceable() } catch {
        printError("error: \(error)")
        throw ExitCode(2)
    }
    return folder
}

/// Writes a command's files into its output folder (checked again under the
/// folder's lock); prints what was cleaned up, and exits 2 when nothing could
/// be written.
func write(_ files: [String: Data], to folder: OutputFolder) throws {
    do {
        let report = try folder.write(files)
        for note in report.notes { printError("note: \(note)") }
    } catch {
        printError("error: \(error)")
        throw ExitCode(2)
    }
}
