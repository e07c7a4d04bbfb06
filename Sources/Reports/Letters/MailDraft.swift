import Domain
import Foundation

/// An e-mail ready to send, written as an `.eml` file (RFC 5322 with MIME,
/// RFC 2045–2047): never sent by FellowMatch.
///
/// The rules it keeps:
/// - Every line ends in CRLF and holds at most 78 characters (998 is the
///   hard limit; only an address longer than 76 characters goes past 78).
/// - Header fields: `From` (when known), `To` (when the person has an
///   address), `Subject`, `Date`, `Message-ID`, `MIME-Version: 1.0`,
///   `X-Unsent: 1` (mail programs open the file as a draft to send), then
///   the content fields. A header is folded (CRLF and a space) between
///   words; runs of spaces and every control character in a value become
///   one space, so no name can start a new header line.
/// - A value with a character outside printable ASCII (or a word longer than
///   66 characters, or a `=?` that would read as encoded) is written as RFC
///   2047 encoded-words, `=?UTF-8?B?…?=`, each of at most 39 bytes of UTF-8
///   (64 characters, under RFC 2047's 75, so that `Subject: ` and a word fit
///   a line), never split inside a character, one per folded line part. A display name of printable ASCII with a special character
///   (`Dr. Ann Lee` has `.`) is a quoted-string, `"Dr. Ann Lee"`.
/// - The text is `text/plain; charset=utf-8` in quoted-printable (RFC 2045
///   §6.7: `=`, bytes outside printable ASCII and a space or tab before a line
///   end as `=XX`; soft breaks so no line passes 76 characters), or base64.
/// - With an attachment, the message is `multipart/mixed`: the text, then
///   the file in base64 (76-character lines), `Content-Disposition:
///   attachment` with its file name.
/// - Deterministic: `Date` is given, not read from the clock; the
///   `Message-ID` and the boundary are made from the SHA-256 of the
///   message's content, so the same input gives the same bytes. The
///   boundary starts with `=_`, which neither base64 nor quoted-printable
///   can produce.
public struct MailDraft: Sendable, Hashable {
    /// A display name and an address (an addr-spec, as `EmailAddress` checks it).
    public struct Mailbox: Sendable, Hashable {
        public var name: String
        public var address: String
        public init(name: String, address: String) {
            self.name = name
            self.address = address
        }
    }

    /// A file sent with the text.
    public struct Attachment: Sendable, Hashable {
        public var fileName: String
        /// `text/calendar; charset=utf-8; method=PUBLISH` and the like (the `name` parameter is added).
        public var contentType: String
        public var data: Data
        public init(fileName: String, contentType: String, data: Data) {
            self.fileName = fileName
            self.contentType = contentType
            self.data = data
        }
    }

    public enum BodyEncoding: Sendable, Hashable { case quotedPrintable, base64 }

    public var from: Mailbox?
    public var to: Mailbox?
    public var subject: String
    /// The `Date` field (RFC 5322 §3.3), in UTC.
    public var date: Date
    /// The right side of the `Message-ID` (a dot-atom, e.g. the office's mail domain).
    public var idDomain: String
    public var body: String
    public var bodyEncoding: BodyEncoding = .quotedPrintable
    public var attachment: Attachment?

    public init(
        from: Mailbox?, to: Mailbox?, subject: String, date: Date, idDomain: String, body: String,
        attachment: Attachment? = nil
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.date = date
        self.idDomain = idDomain
        self.body = body
        self.attachment = attachment
    }

    /// The whole message.
    public func render() -> String {
        let text = Self.encodedBody(body, bodyEncoding)
        let dateText = Self.dateValue(date)
        let attached = attachment.map { $0.data.base64EncodedString() }
        let digest = Self.digest(
            [from?.name ?? "", from?.address ?? "", to?.name ?? "", to?.address ?? "", subject, dateText, text]
                + [attachment?.fileName ?? "", attached ?? ""])
        var headers: [String] = []
        if let from { headers.append(Self.addressField("From", from)) }
        if let to { headers.append(Self.addressField("To", to)) }
        headers.append(Self.unstructuredField("Subject", subject))
        headers.append("Date: " + dateText)
        headers.append("Message-ID: <\(digest.prefix(32))@\(idDomain)>")
        headers.append("MIME-Version: 1.0")
        headers.append("X-Unsent: 1")
        let textPart = [
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: " + (bodyEncoding == .base64 ? "base64" : "quoted-printable")
        ]
        guard let attachment else {
            return (headers + textPart).map { $0 + "\r\n" }.joined() + "\r\n" + text
        }
        let boundary = "=_FellowMatch_\(digest.dropFirst(32).prefix(24))"
        headers.append("Content-Type: multipart/mixed;\r\n boundary=\"\(boundary)\"")
        let name = Self.parameterValue(attachment.fileName)
        let filePart = [
            "Content-Type: \(attachment.contentType);\r\n name=\(name)",
            "Content-Disposition: attachment; filename=\(name)",
            "Content-Transfer-Encoding: base64"
        ]
        var out = headers.map { $0 + "\r\n" }.joined() + "\r\n"
        out += "This is a message in MIME format.\r\n"
        out += "--\(boundary)\r\n" + textPart.map { $0 + "\r\n" }.joined() + "\r\n" + text
        out += "--\(boundary)\r\n" + filePart.map { $0 + "\r\n" }.joined() + "\r\n"
        out += Self.base64Lines(encoded: attached ?? "")
        out += "--\(boundary)--\r\n"
        return out
    }

    // MARK: Headers

    /// Greatest length of a line, CRLF not counted.
    static let lineLimit = 78

    /// `Name: value` folded between words so no line passes 78 characters.
    static func folded(_ name: String, _ words: [String]) -> String {
        var lines: [String] = []
        var current = name + ":"
        for word in words {
            if current.count + 1 + word.count > lineLimit && current != name + ":" {
                lines.append(current)
                current = ""
            }
            current += " " + word
        }
        lines.append(current)
        return lines.joined(separator: "\r\n")
    }

    /// Control characters and runs of spaces as one space, trimmed.
    static func oneLine(_ text: String) -> String {
        // Printable ASCII with single spaces between words (most names and subjects) is already one line.
        var previous: UInt8 = 32
        let plain = text.utf8.allSatisfy { b in
            defer { previous = b }
            return (0x21...0x7E).contains(b) || (b == 32 && previous != 32)
        }
        if plain && previous != 32 { return text }
        let spaced = String(
            text.unicodeScalars.map { s -> Character in
                s.properties.generalCategory == .control || s.properties.isWhitespace ? " " : Character(s)
            })
        return spaced.split(separator: " ").joined(separator: " ")
    }

    /// Whether `text` may stand in a header as it is: printable ASCII words of at most 66 characters, no `=?`.
    static func isPlain(_ text: String) -> Bool {
        // In bytes: printable ASCII is one byte a character, and every other character's bytes are 0x80 or more.
        var word = 0, previous: UInt8 = 0
        for b in text.utf8 {
            guard (0x20...0x7E).contains(b), !(previous == 0x3D && b == 0x3F) else { return false }  // "=?"
            word = b == 0x20 ? 0 : word + 1
            if word > 66 { return false }
            previous = b
        }
        return true
    }

    /// RFC 2047 B encoded-words of at most 39 bytes each (64 characters), never splitting a character.
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        func flush() {
            guard !chunk.isEmpty else { return }
            words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
            chunk = []
        }
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > 39 { flush() }
            chunk += bytes
        }
        flush()
        return words
    }

    static func unstructuredField(_ name: String, _ value: String) -> String {
        let line = oneLine(value)
        let words = isPlain(line) ? line.split(separator: " ").map(String.init) : encodedWords(line)
        return folded(name, words)
    }

    /// RFC 5322 atext: what a display name may hold unquoted (with spaces between words).
    static let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~")

    static func addressField(_ field: String, _ box: Mailbox) -> String {
        let name = oneLine(box.name)
        let address = "<\(box.address)>"
        if name.isEmpty { return folded(field, [address]) }
        if !isPlain(name) { return folded(field, encodedWords(name) + [address]) }
        if name.allSatisfy({ $0 == " " || atext.contains($0) }) {
            return folded(field, name.split(separator: " ").map(String.init) + [address])
        }
        let quoted =
            "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            + "\""
        let parts = quoted.split(separator: " ").map(String.init)
        return folded(field, parts + [address])
    }

    /// A MIME parameter value: a token when it is one, else a quoted-string.
    static func parameterValue(_ value: String) -> String {
        let token = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-.^_`{|}~")
        if !value.isEmpty && value.allSatisfy({ token.contains($0) }) { return value }
        return "\"" + oneLine(value).filter { $0.isASCII && $0 != "\"" && $0 != "\\" } + "\""
    }

    /// `Thu, 03 Dec 2026 10:31:04 +0000` (RFC 5322 §3.3).
    static func dateValue(_ date: Date) -> String {
        let c = UTCTime(date)
        let day = CalendarDate(year: c.year, month: c.month, day: c.day)
        let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(weekdays[DateText.weekday(day)]), \(two(day.day)) \(months[day.month - 1]) \(day.year) "
            + "\(two(c.hour)):\(two(c.minute)):\(two(c.second)) +0000"
    }

    // MARK: Bodies

    static func encodedBody(_ text: String, _ encoding: BodyEncoding) -> String {
        switch encoding {
        case .quotedPrintable: return quotedPrintable(text)
        case .base64: return base64Lines(Data(crlf(text).utf8))
        }
    }

    /// Line breaks of any kind as CRLF.
    static func crlf(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\n", with: "\r\n")
    }

    /// Quoted-printable (RFC 2045 §6.7) of UTF-8 text, CRLF after every line (the last one too);
    /// soft line breaks keep every line within 76 characters. Built as bytes: a draft per person.
    static func quotedPrintable(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + text.utf8.count / 4)
        for bytes in lineBytes(text) {
            var width = 0
            for (i, b) in bytes.enumerated() {
                let last = i == bytes.count - 1
                let literal = (b >= 33 && b <= 126 && b != 61) || ((b == 32 || b == 9) && !last)
                let piece = literal ? 1 : 3
                if width + piece > 75 {
                    out += [61, 13, 10]
                    width = 0
                }
                if literal {
                    out.append(b)
                } else {
                    out += [61, upperHex[Int(b >> 4)], upperHex[Int(b & 15)]]
                }
                width += piece
            }
            out += [13, 10]
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The lines of `text` as bytes, each without its break (CRLF, LF or a
    /// lone CR, as ``crlf(_:)`` reads them); no line after a final break.
    static func lineBytes(_ text: String) -> [ArraySlice<UInt8>] {
        let bytes = Array(text.utf8)
        var lines: [ArraySlice<UInt8>] = []
        var start = 0, i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 10 || b == 13 {
                lines.append(bytes[start..<i])
                i += b == 13 && i + 1 < bytes.count && bytes[i + 1] == 10 ? 2 : 1
                start = i
            } else {
                i += 1
            }
        }
        if start < bytes.count { lines.append(bytes[start..<bytes.count]) }
        return lines
    }

    static let upperHex = Array("0123456789ABCDEF".utf8)

    /// Base64 in lines of 76 characters, each ending in CRLF.
    static func base64Lines(_ data: Data) -> String { base64Lines(encoded: data.base64EncodedString()) }

    /// Base64 text, already encoded, in lines of 76 characters.
    static func base64Lines(encoded text: String) -> String {
        let encoded = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(encoded.count + encoded.count / 38 + 2)
        var i = 0
        while i < encoded.count {
            out += encoded[i..<min(i + 76, encoded.count)]
            out += [13, 10]
            i += 76
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func digest(_ parts: [String]) -> String {
        HexDigest.sha256(Data(parts.joined(separator: "\u{0}").utf8))
    }
}
