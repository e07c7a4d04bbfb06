import Crypto
import Foundation

/// A SHA-256 digest as lowercase hexadecimal (64 characters), written from
/// a table of digits: a run hashes every file it writes and every e-mail
/// draft's Message-ID, so `String(format:)` per byte would cost seconds.
enum HexDigest {
    static let digits = Array("0123456789abcdef".utf8)

    static func sha256(_ data: Data) -> String {
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: data) { hex += [digits[Int(byte >> 4)], digits[Int(byte & 15)]] }
        return String(decoding: hex, as: UTF8.self)
    }
}
