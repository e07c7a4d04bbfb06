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
}
