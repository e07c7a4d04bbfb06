import Domain
import Foundation
import GRDB

/// A preference round of an intake: opened with a deadline, closed once.
/// Its people rank through personal links; the tokens are kept only as
/// their SHA-256 (``PreferenceRounds/tokenHash(_:)``).
public struct PreferenceRound: Sendable, Hashable {
    public enum State: String, Sendable { case open, closed }
    public var id: Int64
    public var intakeKey: String
    /// The scenario folder the round collects preferences for (absolute).
    public var programPath: String
    public var state: State
    /// The deadline, `YYYY-MM-DD` (the round is open to the end of that day, UTC).
    public var deadline: String
    public var openedAt: String
    public var openedBy: String
    public var closedAt: String?
    public var closedBy: String?
}

/// Someone who ranks in a round: a new fellow (ranks labs) or a mentor (ranks fellows).
public struct RoundPerson: Sendable, Hashable {
    public enum Kind: String, Sendable { case fellow, mentor }
    public var roundID: Int64
    public var person: String
    public var kind: Kind
    public var name: String
    public var email: String?
    /// Revoked: the person's link no longer opens anything (a re-issued one does).
    public var revoked: Bool

    public init(roundID: Int64, person: String, kind: Kind, name: String, email: String?, revoked: Bool) {
        self.roundID = roundID
        self.person = person
        self.kind = kind
        self.name = name
        self.email = email
        self.revoked = revoked
    }
}

/// One saved ranking: a draft or a certified list, by the person or by a
/// coordinator on their behalf. Rankings are a log: the latest is current.
public struct RoundRanking: Sendable, Hashable {
    public enum State: String, Sendable { case draft, certified }
    public var roundID: Int64
    public var person: String
    public var state: State
    /// Ids ranked, best first (labs for a fellow, fellows for a mentor).
    public var ranked: [String]
    public var savedAt: String
    /// `self`, or the coordinator's name who entered it on the person's behalf.
    public var savedBy: String

    public init(roundID: Int64, person: String, state: State, ranked: [String], savedAt: String, savedBy: String) {
        self.roundID = roundID
        self.person = person
        self.state = state
        self.ranked = ranked
        self.savedAt = savedAt
        self.savedBy = savedBy
    }
}

/// The preference rounds in the run history (one transaction per change).
public enum PreferenceRounds {
    static func createTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE preference_round (
                  id INTEGER PRIMARY KEY AUTOINCREMENT, intake_key TEXT NOT NULL, program_path TEXT NOT NULL,
                  state TEXT NOT NULL,
                  deadline TEXT NOT NULL, opened_at TEXT NOT NULL, opened_by TEXT NOT NULL,
                  closed_at TEXT, closed_by TEXT);
                CREATE TABLE round_person (
                  round_id INTEGER NOT NULL REFERENCES preference_round(id), person TEXT NOT NULL, kind TEXT NOT NULL,
                  name TEXT NOT NULL, email TEXT, token_hash TEXT NOT NULL UNIQUE, revoked INTEGER NOT NULL DEFAULT 0,
                  PRIMARY KEY (round_id, person));
                CREATE TABLE round_ranking (
                  id INTEGER PRIMARY KEY AUTOINCREMENT, round_id INTEGER NOT NULL REFERENCES preference_round(id),
                  person TEXT NOT NULL, state TEXT NOT NULL, ranked TEXT NOT NULL, saved_at TEXT NOT NULL,
                  saved_by TEXT NOT NULL);
                CREATE TABLE round_event (
                  id INTEGER PRIMARY KEY AUTOINCREMENT, round_id INTEGER NOT NULL, at TEXT NOT NULL, by TEXT NOT NULL,
                  what TEXT NOT NULL);
                """)
    }

    /// The stored form of a personal token.
    public static func tokenHash(_ token: String) -> String {
        HistorySeal.sha256(token)
    }
}

extension HistoryStore {
    /// Opens a round for an intake with its people and their tokens' hashes.
    ///
    /// - Throws: `HistoryError.Code.published` when the intake already has an open round.
    public func openRound(
        intakeKey: String, programPath: String, deadline: String, people: [(person: RoundPerson, tokenHash: String)],
        at: String,
        by: String
    ) throws(HistoryError) -> Int64 {
        try roundWrite { db in
            if try Int64.fetchOne(
                db, sql: "SELECT id FROM preference_round WHERE intake_key = ? AND state = 'open'",
                arguments: [intakeKey]) != nil
            {
                throw HistoryError(code: .published, message: "the intake \(intakeKey) already has an open round")
            }
            try db.execute(
                sql: """
                    INSERT INTO preference_round (intake_key, program_path, state, deadline, opened_at, opened_by)
                    VALUES (?, ?, 'open', ?, ?, ?)
                    """,
                arguments: [intakeKey, programPath, deadline, at, by])
            let id = db.lastInsertedRowID
            for (p, hash) in people {
                try db.execute(
                    sql: "INSERT INTO round_person VALUES (?, ?, ?, ?, ?, ?, 0)",
                    arguments: [id, p.person, p.kind.rawValue, p.name, p.email, hash])
            }
            try Self.event(db, id, at: at, by: by, "opened the round, deadline \(deadline)")
            return id
        }
    }

    /// The intake's rounds, newest first.
    public func rounds(intakeKey: String) throws(HistoryError) -> [PreferenceRound] {
        try roundRead { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM preference_round WHERE intake_key = ? ORDER BY id DESC", arguments: [intakeKey]
            ).map(Self.round)
        }
    }

    /// The round and person a personal token opens (revoked tokens open nothing).
    public func roundPerson(tokenHash: String) throws(HistoryError) -> (PreferenceRound, RoundPerson)? {
        try roundRead { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM round_person WHERE token_hash = ? AND revoked = 0", arguments: [tokenHash]),
                let round = try Row.fetchOne(
                    db, sql: "SELECT * FROM preference_round WHERE id = ?", arguments: [row["round_id"] as Int64])
            else { return nil }
            return (Self.round(round), Self.person(row))
        }
    }

    /// Everyone in a round, fellows first, by name.
    public func roundPeople(_ round: Int64) throws(HistoryError) -> [RoundPerson] {
        try roundRead { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM round_person WHERE round_id = ? ORDER BY kind DESC, name, person",
                arguments: [round]
            ).map(Self.person)
        }
    }

    /// Each person's latest ranking in a round.
    public func currentRankings(_ round: Int64) throws(HistoryError) -> [String: RoundRanking] {
        try roundRead { db in
            var latest: [String: RoundRanking] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT * FROM round_ranking WHERE round_id = ? ORDER BY id", arguments: [round])
            {
                let r = Self.ranking(row)
                latest[r.person] = r
            }
            return latest
        }
    }

    /// Every ranking saved in a round, oldest first (the record of who saved what, when).
    public func rankingLog(_ round: Int64) throws(HistoryError) -> [RoundRanking] {
        try roundRead { db in
            try Row.fetchAll(db, sql: "SELECT * FROM round_ranking WHERE round_id = ? ORDER BY id", arguments: [round])
                .map(Self.ranking)
        }
    }

    /// Saves a ranking while the round is open (one transaction). With
    /// `tokenHash` (saved through a personal link), only while that link is
    /// still the person's: a link replaced or revoked meanwhile saves nothing.
    public func saveRanking(_ r: RoundRanking, tokenHash: String? = nil) throws(HistoryError) {
        try roundWrite { db in
            try Self.requireOpen(db, r.roundID)
            if let tokenHash {
                let current =
                    try Bool.fetchOne(
                        db,
                        sql:
                            "SELECT 1 FROM round_person WHERE round_id = ? AND person = ? AND token_hash = ? AND revoked = 0",
                        arguments: [r.roundID, r.person, tokenHash]) ?? false
                guard current else {
                    throw HistoryError(
                        code: .published,
                        message: "this link no longer works (a new one was issued); ask the program coordinator")
                }
            }
            let ranked = String(decoding: try JSONEncoder().encode(r.ranked), as: UTF8.self)
            try db.execute(
                sql:
                    "INSERT INTO round_ranking (round_id, person, state, ranked, saved_at, saved_by) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [r.roundID, r.person, r.state.rawValue, ranked, r.savedAt, r.savedBy])
        }
    }

    /// Replaces a person's token (the old link stops working).
    public func reissue(_ round: Int64, person: String, tokenHash: String, at: String, by: String)
        throws(HistoryError)
    {
        try roundWrite { db in
            try Self.requireOpen(db, round)
            try db.execute(
                sql: "UPDATE round_person SET token_hash = ?, revoked = 0 WHERE round_id = ? AND person = ?",
                arguments: [tokenHash, round, person])
            try Self.event(db, round, at: at, by: by, "issued a new link to \(person)")
        }
    }

    /// Moves an open round's deadline.
    public func extendRound(_ round: Int64, deadline: String, at: String, by: String) throws(HistoryError) {
        try roundWrite { db in
            try Self.requireOpen(db, round)
            try db.execute(sql: "UPDATE preference_round SET deadline = ? WHERE id = ?", arguments: [deadline, round])
            try Self.event(db, round, at: at, by: by, "moved the deadline to \(deadline)")
        }
    }

    /// Closes an open round: its links stop working. `writing` receives the
    /// round's latest rankings and writes what the round produces; it runs
    /// inside the closing transaction, so no ranking can be saved between
    /// what it reads and the close, and when it throws the round stays open.
    public func closeRound(
        _ round: Int64, at: String, by: String, writing: ([String: RoundRanking]) throws -> Void = { _ in }
    ) throws(HistoryError) {
        try roundWrite { db in
            try Self.requireOpen(db, round)
            var latest: [String: RoundRanking] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT * FROM round_ranking WHERE round_id = ? ORDER BY id", arguments: [round])
            {
                let r = Self.ranking(row)
                latest[r.person] = r
            }
            try writing(latest)
            try db.execute(
                sql: "UPDATE preference_round SET state = 'closed', closed_at = ?, closed_by = ? WHERE id = ?",
                arguments: [at, by, round])
            try Self.event(db, round, at: at, by: by, "closed the round")
        }
    }

    private static func requireOpen(_ db: Database, _ round: Int64) throws {
        guard
            try String.fetchOne(db, sql: "SELECT state FROM preference_round WHERE id = ?", arguments: [round])
                == "open"
        else { throw HistoryError(code: .published, message: "the preference round is closed") }
    }

    private static func event(_ db: Database, _ round: Int64, at: String, by: String, _ what: String) throws {
        try db.execute(
            sql: "INSERT INTO round_event (round_id, at, by, what) VALUES (?, ?, ?, ?)",
            arguments: [round, at, by, what])
    }

    private static func round(_ row: Row) -> PreferenceRound {
        PreferenceRound(
            id: row["id"], intakeKey: row["intake_key"], programPath: row["program_path"],
            state: PreferenceRound.State(rawValue: row["state"]) ?? .closed,
            deadline: row["deadline"], openedAt: row["opened_at"], openedBy: row["opened_by"],
            closedAt: row["closed_at"], closedBy: row["closed_by"])
    }

    private static func person(_ row: Row) -> RoundPerson {
        RoundPerson(
            roundID: row["round_id"], person: row["person"], kind: RoundPerson.Kind(rawValue: row["kind"]) ?? .fellow,
            name: row["name"], email: row["email"], revoked: (row["revoked"] as Int64) != 0)
    }

    private static func ranking(_ row: Row) -> RoundRanking {
        let text: String = row["ranked"]
        return RoundRanking(
            roundID: row["round_id"], person: row["person"],
            state: RoundRanking.State(rawValue: row["state"]) ?? .draft,
            ranked: (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? [], savedAt: row["saved_at"],
            savedBy: row["saved_by"])
    }

    private func roundRead<T>(_ work: (Database) throws -> T) throws(HistoryError) -> T {
        do { return try database.read(work) } catch let e as HistoryError { throw e } catch {
            throw HistoryError(code: .storage, message: "the preference rounds in \(path) cannot be read: \(error)")
        }
    }

    private func roundWrite<T>(_ work: (Database) throws -> T) throws(HistoryError) -> T {
        do { return try database.write(work) } catch let e as HistoryError { throw e } catch {
            throw HistoryError(
                code: .storage, message: "the preference round in \(path) could not be saved: \(error); nothing changed"
            )
        }
    }
}
