import GRDB

/// What a new run of an intake needs from the history: when the intake was
/// last run, and every run since its first publication (newest first) —
/// calendars may have been sent from any of them, and the official match is
/// one of them.
///
/// Runs recorded before the first publication (what-if runs, often many, each
/// with thousands of rows at a consortium's scale) are not read: a run's
/// time then does not grow with how often the intake was tried before it
/// was published. The whole chain of seals is verified all the same (``HistorySeal``);
/// a run that then records itself through the same store verifies it again
/// only if another connection changed the file meanwhile.
public struct IntakeRuns: Sendable {
    /// The intake's newest run: its id and when it was recorded.
    public var latest: (id: Int64, recordedAt: String)?
    /// The runs from the intake's first published run on, newest first; empty before any publication.
    public var sinceFirstPublication: [RunRecord] = []

    /// The intake's official match (published, not replaced), if any.
    public var official: RunRecord? { sinceFirstPublication.first(where: \.isOfficial) }
}

extension HistoryStore {
    /// The runs of intake `intakeKey` a new run of it reads (``IntakeRuns``).
    public func intakeRuns(_ intakeKey: String) throws(HistoryError) -> IntakeRuns {
        do {
            return try database.read { db in
                try verifyUnlessUnchanged(db)
                var runs = IntakeRuns()
                if let row = try Row.fetchOne(
                    db, sql: "SELECT id, recorded_at FROM run WHERE intake_key = ? ORDER BY id DESC LIMIT 1",
                    arguments: [intakeKey])
                {
                    runs.latest = (row["id"], row["recorded_at"])
                }
                let since = try Int64.fetchAll(
                    db,
                    sql: """
                        SELECT id FROM run WHERE intake_key = ? AND id >= (
                            SELECT min(id) FROM run WHERE intake_key = ? AND published_at IS NOT NULL)
                        ORDER BY id DESC
                        """,
                    arguments: [intakeKey, intakeKey])
                runs.sinceFirstPublication = try since.compactMap { try Self.fetchRun(db, $0) }
                return runs
            }
        } catch let e as HistoryError {
            throw e
        } catch {
            throw HistoryError(code: .storage, message: "the run history \(path) cannot be read: \(Self.plain(error))")
        }
    }
}
