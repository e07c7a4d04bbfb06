import Domain
import GRDB
import SeminarSolver

/// What a new run of an intake needs from the history: when the intake was
/// last run, its official match, and what every run since its first
/// publication may have sent in calendars (``SentCalendars``, newest first).
///
/// Runs recorded before the first publication (what-if runs, often many, each
/// with thousands of rows at a consortium's scale) are not read, and of the
/// runs since, only the official match is read whole: a run's time then
/// does not grow with how often the intake was tried before or re-matched
/// since. The whole chain of seals is verified all the same (``HistorySeal``);
/// a run that then records itself through the same store verifies it again
/// only if another connection changed the file meanwhile.
public struct IntakeRuns: Sendable {
    /// The intake's newest run: its id and when it was recorded.
    public var latest: (id: Int64, recordedAt: String)?
    /// The intake's official match (published, not replaced), if any.
    public var official: RunRecord?
    /// The calendars of the runs from the intake's first published run on, newest first; empty before any publication.
    public var sent: [SentCalendars] = []
}

/// The talks and defenses one run put in calendars (calendars may have been
/// sent from any run of an intake since its first publication).
public struct SentCalendars: Sendable {
    /// The run's id.
    public var run: Int64
    /// Its talks, in their recorded order.
    public var talks: [PreviousTalk]
    /// Its defenses, each with the committee it was sent to.
    public var defenses: [PreviousDefense]

    public init(run: Int64, talks: [PreviousTalk], defenses: [PreviousDefense]) {
        self.run = run
        self.talks = talks
        self.defenses = defenses
    }

    /// What a run read whole sent (the official match, already read).
    public init(_ record: RunRecord) {
        self.init(run: record.id, talks: record.talks.map(\.asPrevious), defenses: record.issuedDefenses)
    }
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
                runs.official = try Self.official(db, intakeKey: intakeKey)
                let since = try Int64.fetchAll(
                    db,
                    sql: """
                        SELECT id FROM run WHERE intake_key = ? AND id >= (
                            SELECT min(id) FROM run WHERE intake_key = ? AND published_at IS NOT NULL)
                        ORDER BY id DESC
                        """,
                    arguments: [intakeKey, intakeKey])
                runs.sent = try since.map { id in
                    if let official = runs.official, official.id == id { return SentCalendars(official) }
                    let (seats, defenses) = try Self.fetchCommitteesAndDefenses(db, id)
                    return SentCalendars(
                        run: id, talks: try Self.fetchTalks(db, id).map(\.asPrevious),
                        defenses: RunRecord.issuedDefenses(defenses, committees: seats))
                }
                return runs
            }
        } catch let e as HistoryError {
            throw e
        } catch {
            throw HistoryError(code: .storage, message: "the run history \(path) cannot be read: \(Self.plain(error))")
        }
    }
}
