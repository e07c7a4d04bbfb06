import Domain
import Foundation
import RunHistory

extension Office {
    /// The history's default place: `fellowmatch-history.sqlite` in the folder
    /// that holds the program's scenario folder (in the current folder when
    /// no program is named), so the runs of every intake kept side by side
    /// share one history.
    public static func defaultHistory(for program: ProgramLocation?) -> String {
        guard let program else { return HistoryStore.defaultFileName }
        let folder = URL(fileURLWithPath: program.scenarioFolder).standardizedFileURL.path
        return ((folder as NSString).deletingLastPathComponent as NSString)
            .appendingPathComponent(HistoryStore.defaultFileName)
    }

    /// Opens an existing history.
    ///
    /// - Throws: ``OfficeError/Code/noHistory`` when there is none yet.
    public func openHistory(_ path: String) throws(OfficeError) -> HistoryStore {
        guard HistoryStore.exists(at: path) else {
            throw OfficeError(.noHistory, "There is no run history at \(path) yet", path: path)
        }
        do { return try HistoryStore(path: path) } catch { throw Self.historyError(error, path) }
    }

    /// The recorded runs, newest first; of one intake when given.
    public func runs(history: String, intakeKey: String? = nil) throws(OfficeError) -> [RunRecord] {
        let store = try openHistory(history)
        do { return try store.runs(intakeKey: intakeKey) } catch { throw Self.historyError(error, history) }
    }

    /// One recorded run.
    public func recordedRun(_ id: Int64, history: String) throws(OfficeError) -> RunRecord {
        let store = try openHistory(history)
        do { return try store.run(id) } catch { throw Self.historyError(error, history) }
    }

    /// Makes run `id` the official match of its intake; another published run
    /// of the intake needs `replace` and stays recorded as replaced.
    ///
    /// - Returns: the run published, the run it replaced, if any, and the
    ///   history's latest seal after publishing (to keep elsewhere).
    public func publish(_ id: Int64, note: String, replace: Bool, history: String) throws(OfficeError)
        -> (published: RunRecord, replaced: RunRecord?, seal: String)
    {
        let store = try openHistory(history)
        do {
            let record = try store.run(id)
            let replaced = try store.publish(id, note: note, replace: replace, at: now())
            return (record, replaced, try store.head())
        } catch {
            throw Self.historyError(error, history)
        }
    }

    static func historyError(_ error: HistoryError, _ path: String) -> OfficeError {
        let code: OfficeError.Code
        switch error.code {
        case .noSuchRun: code = .noSuchRun
        case .alreadyPublished: code = .officialMatchExists
        case .published: code = .alreadyPublished
        case .unavailable, .storage: code = .historyFailed
        case .tampered: code = .historyTampered
        case .damaged: code = .historyDamaged
        case .newer: code = .historyNewer
        case .notAHistory: code = .notAHistory
        }
        return OfficeError(code, error.message, path: path)
    }
}
