import ArgumentParser
import Foundation
import ProgramOffice

/// Where the run history lives: `--history PATH`, else `FELLOWMATCH_HISTORY`,
/// else the office's default beside the scenario folder (in the current
/// folder when no scenario is named: run the history commands from the
/// folder that holds the scenarios).
struct HistoryOptions: ParsableArguments {
    @Option(
        name: .long,
        help:
            "The run history (SQLite). Default: fellowmatch-history.sqlite beside the scenario folder, or FELLOWMATCH_HISTORY."
    )
    var history: String?

    func path(scenario: String?) -> String {
        if let history { return history }
        if let env = ProcessInfo.processInfo.environment["FELLOWMATCH_HISTORY"], !env.isEmpty { return env }
        return Office.defaultHistory(for: scenario.map(ProgramLocation.init(path:)))
    }

    /// The history of a command that names no scenario: `--history`, else
    /// `FELLOWMATCH_HISTORY`, else the one history found from the current
    /// folder (its own, the one above, or one just below). Several found: the
    /// command stops and names them.
    func located() throws -> String {
        if history != nil || !(ProcessInfo.processInfo.environment["FELLOWMATCH_HISTORY"] ?? "").isEmpty {
            return path(scenario: nil)
        }
        switch HistoryLocation.find(from: FileManager.default.currentDirectoryPath) {
        case .found(let path): return path
        case .none: return path(scenario: nil)
        case .ambiguous(let paths):
            printError(
                "There are \(paths.count) run histories here: \(paths.joined(separator: ", ")); "
                    + "give the one you mean with --history PATH.")
            throw ExitCode(2)
        }
    }
}
