import Foundation
import ProgramOffice
import RunHistory

/// The runs and the latest preference round of each intake as the history
/// holds them, kept while the history's files do not change: a program's
/// page shows them without reading every run's placements again for every
/// visitor. The history file and its journal's size and modification time
/// stand for its contents.
actor RecordedRuns {
    struct Entry: Sendable {
        var stamp: [String]
        var runs: [RunRecord]
        var round: RoundStatus?
    }

    private var entries: [String: Entry] = [:]

    /// The intake's runs (newest first) and latest round; none when there is no history yet.
    func entry(history: String, intakeKey: String, office: Office) -> Entry {
        let key = history + "\u{0}" + intakeKey
        let stamp = OpenedPrograms.stamps([history, history + "-wal", history + "-journal"])
        if let entry = entries[key], entry.stamp == stamp { return entry }
        let entry = Entry(
            stamp: stamp, runs: (try? office.runs(history: history, intakeKey: intakeKey)) ?? [],
            round: (try? office.roundStatus(intakeKey: intakeKey, history: history)) ?? nil)
        entries[key] = entry
        return entry
    }

    func runs(history: String, intakeKey: String, office: Office) -> [RunRecord] {
        entry(history: history, intakeKey: intakeKey, office: office).runs
    }
}
