import Foundation
import ProgramOffice
import RunHistory

/// The runs of each intake as the history holds them, kept while the
/// history's files do not change: a program's page lists its runs without
/// reading every run's placements again for every visitor. The history file
/// and its journal's size and modification time stand for its contents.
actor RecordedRuns {
    private var entries: [String: (stamp: [String], runs: [RunRecord])] = [:]

    /// The intake's runs, newest first; none when there is no history yet.
    func runs(history: String, intakeKey: String, office: Office) -> [RunRecord] {
        let key = history + "\u{0}" + intakeKey
        let stamp = OpenedPrograms.stamps([history, history + "-wal", history + "-journal"])
        if let entry = entries[key], entry.stamp == stamp { return entry.runs }
        let runs = (try? office.runs(history: history, intakeKey: intakeKey)) ?? []
        entries[key] = (stamp, runs)
        return runs
    }
}
