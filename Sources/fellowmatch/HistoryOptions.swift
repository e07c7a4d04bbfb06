import ArgumentParser
import Domain
import Foundation
import RunHistory

/// Where the run history lives: `--history PATH`, else `FELLOWMATCH_HISTORY`,
/// else `fellowmatch-history.sqlite` in the folder that holds the scenario
/// folder (in the current folder when no scenario is named: run the history
/// commands from the folder that holds the scenarios).
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
        guard let scenario else { return HistoryStore.defaultFileName }
        let parent = (URL(fileURLWithPath: scenarioFolder(scenario)).standardizedFileURL.path as NSString)
            .deletingLastPathComponent
        return (parent as NSString).appendingPathComponent(HistoryStore.defaultFileName)
    }

    func scenarioFolder(_ scenario: String) -> String { scenarioFolderPath(scenario) }

    /// Opens the history for reading: says what to run when there is none yet.
    func openExisting(scenario: String?) throws -> HistoryStore {
        let path = path(scenario: scenario)
        guard HistoryStore.exists(at: path) else {
            printError(
                "There is no run history at \(path) yet: `fellowmatch run SCENARIO` records each run there (or give --history PATH)."
            )
            throw ExitCode(1)
        }
        do { return try HistoryStore(path: path) } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
    }
}

/// The scenario folder a scenario argument stands for: itself, or for a
/// what-if file the folder above the one holding it (its base, by convention `..`).
func scenarioFolderPath(_ scenario: String) -> String {
    isWhatIf(scenario)
        ? ((scenario as NSString).deletingLastPathComponent as NSString).appendingPathComponent("..") : scenario
}

/// The current time, UTC, ISO 8601 (for the history).
func nowStamp() -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    f.timeZone = TimeZone(identifier: "UTC")
    return f.string(from: Date())
}

/// A scenario folder's input files: scenario.toml and the CSV files.
func scenarioFiles(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
        $0 == "scenario.toml" || $0.hasSuffix(".csv")
    }.sorted()
        .map { (folder as NSString).appendingPathComponent($0) }
}

/// FNV-1a 64 of a scenario folder's input files (names and bytes), in hex:
/// two runs of the same inputs have the same hash.
func inputHash(folder: String) -> String { inputHash(files: scenarioFiles(folder)) }

/// FNV-1a 64 of files (names and bytes), in hex.
func inputHash(files: [String]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    func mix(_ bytes: some Sequence<UInt8>) { for b in bytes { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 } }
    for path in files {
        mix(Array((path as NSString).lastPathComponent.utf8) + [0])
        if let data = FileManager.default.contents(atPath: path) { mix(data) }
        mix([0])
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}
