import Crypto
import Foundation
import ProgramOffice

/// A secret handed to a browser (a session cookie, a form's CSRF token): 256
/// bits from the system's secure random source, in base64url; the server
/// keeps only its SHA-256 (``hashed``), so a copy of the database opens no
/// session.
struct SecretToken: Sendable, Hashable {
    let value: String

    /// A new token (`Office.token()`: 32 bytes from the system's secure source).
    static func random() -> SecretToken { SecretToken(value: Office.token()) }

    /// The stored form: SHA-256, hex.
    var hashed: String { Self.sha256(value) }

    static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Compares two secrets in time that does not depend on where they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }

}
