import Foundation
import GRDB
import HummingbirdBcrypt
import RunHistory

/// The coordinators who may use the program office in a browser, and their
/// sessions, in `fellowmatch-office.sqlite` beside the programs served.
///
/// Passwords are kept as bcrypt hashes (cost ``passwordCost``); a session is
/// kept as the SHA-256 of its cookie's token with its CSRF token and expiry,
/// so sessions survive a restart of the server and a stolen copy of the
/// database opens none.
public struct OfficeAccounts: Sendable {
    public static let fileName = "fellowmatch-office.sqlite"
    /// How long a session lasts after logging in.
    public static let sessionSeconds: Double = 12 * 3600

    let database: DatabaseQueue
    /// bcrypt's cost: 12 (about a quarter of a second per check) unless a test says less.
    let passwordCost: UInt8

    /// Opens (creating when missing) the accounts database at `path`.
    public init(path: String, passwordCost: UInt8 = 12) throws(WebError) {
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            database = try DatabaseQueue(path: path, configuration: configuration)
            // `serve` and `user add` may create the file at once.
            try Self.migrator.migrateBesideOthers(database)
        } catch {
            throw WebError(.accountsUnavailable, "the accounts database \(path) cannot be opened: \(error)")
        }
        self.passwordCost = passwordCost
    }

    /// The database's place in a served folder.
    public static func path(in folder: String) -> String {
        (folder as NSString).appendingPathComponent(fileName)
    }

    private static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE coordinator (
                      name TEXT PRIMARY KEY NOT NULL, password_hash TEXT NOT NULL, created_at TEXT NOT NULL);
                    CREATE TABLE session (
                      token_hash TEXT PRIMARY KEY NOT NULL,
                      coordinator TEXT NOT NULL REFERENCES coordinator(name) ON DELETE CASCADE,
                      csrf TEXT NOT NULL, expires_at REAL NOT NULL);
                    """)
        }
        return m
    }

    /// Adds a coordinator, or with `replace` sets a new password for one.
    ///
    /// - Throws: ``WebError/Code/badAccount`` for an empty name or a
    ///   password under 10 characters, or an existing name without `replace`.
    public func add(_ name: String, password: String, replace: Bool = false) throws(WebError) {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 64, !name.contains(where: \.isNewline) else {
            throw WebError(.badAccount, "a coordinator's name is 1 to 64 characters on one line")
        }
        // "self" marks a ranking a person saved themselves in a preference round.
        guard name.lowercased() != "self" else {
            throw WebError(.badAccount, "\"self\" cannot be a coordinator's name")
        }
        guard password.count >= 10 else {
            throw WebError(.badAccount, "a password has at least 10 characters")
        }
        let hash = Bcrypt.hash(password, cost: passwordCost)
        let taken = WebError(
            .badAccount, "there is already a coordinator named \(name); add --replace to set a new password")
        // Looked up in the same transaction as the write: two adds of one name cannot both pass.
        try write { db in
            let exists =
                try Bool.fetchOne(db, sql: "SELECT 1 FROM coordinator WHERE name = ?", arguments: [name]) ?? false
            if exists && !replace { throw taken }
            try db.execute(
                sql:
                    "INSERT INTO coordinator VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET password_hash = excluded.password_hash",
                arguments: [name, hash, ISO8601DateFormatter().string(from: Date())])
            // A new password ends every session opened with the old one.
            try db.execute(sql: "DELETE FROM session WHERE coordinator = ?", arguments: [name])
        }
    }

    /// The coordinators' names, sorted.
    public func names() throws(WebError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT name FROM coordinator ORDER BY name") }
    }

    /// Whether `password` is the coordinator's (false for an unknown name,
    /// after the same work as for a known one).
    func verify(_ name: String, password: String) throws(WebError) -> Bool {
        let hash = try read { db in
            try String.fetchOne(db, sql: "SELECT password_hash FROM coordinator WHERE name = ?", arguments: [name])
        }
        guard let hash else {
            _ = Bcrypt.verify(password, hash: Self.decoy)
            return false
        }
        return Bcrypt.verify(password, hash: hash)
    }

    /// A bcrypt hash no password matches in practice, checked for unknown names.
    private static let decoy = Bcrypt.hash("no coordinator has this password", cost: 12)

    /// Opens a session for a coordinator whose password was verified.
    func openSession(for name: String, now: Date = Date()) throws(WebError) -> (
        token: SecretToken, session: OfficeSession
    ) {
        let token = SecretToken.random()
        let session = OfficeSession(coordinator: name, csrf: SecretToken.random().value)
        let expires = now.timeIntervalSince1970 + Self.sessionSeconds
        try write { db in
            try db.execute(sql: "DELETE FROM session WHERE expires_at < ?", arguments: [now.timeIntervalSince1970])
            try db.execute(
                sql: "INSERT INTO session VALUES (?, ?, ?, ?)",
                arguments: [token.hashed, name, session.csrf, expires])
        }
        return (token, session)
    }

    /// The session a cookie's token opens, if it is known and not expired.
    func session(token: String, now: Date = Date()) throws(WebError) -> OfficeSession? {
        let row = try read { db in
            try Row.fetchOne(
                db, sql: "SELECT coordinator, csrf FROM session WHERE token_hash = ? AND expires_at >= ?",
                arguments: [SecretToken.sha256(token), now.timeIntervalSince1970])
        }
        return row.map { OfficeSession(coordinator: $0["coordinator"], csrf: $0["csrf"]) }
    }

    /// Ends the session of a cookie's token.
    func closeSession(token: String) throws(WebError) {
        try write { db in
            try db.execute(sql: "DELETE FROM session WHERE token_hash = ?", arguments: [SecretToken.sha256(token)])
        }
    }

    private func read<T>(_ work: (Database) throws -> T) throws(WebError) -> T {
        do { return try database.read(work) } catch {
            throw WebError(.accountsUnavailable, "the accounts database cannot be read: \(error)")
        }
    }

    private func write(_ work: (Database) throws -> Void) throws(WebError) {
        do { try database.write(work) } catch let e as WebError { throw e } catch {
            throw WebError(.accountsUnavailable, "the accounts database cannot be written: \(error)")
        }
    }
}

/// A coordinator's open session: who, and the token every form they post must carry.
public struct OfficeSession: Sendable, Hashable {
    public var coordinator: String
    public var csrf: String
}
