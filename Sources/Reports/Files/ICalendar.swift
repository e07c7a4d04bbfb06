import Foundation

/// Minimal RFC 5545 writing: content lines with CRLF ends, folded at 75
/// octets (never inside a UTF-8 sequence), TEXT values escaped.
public enum ICalendar {
    /// Escapes a TEXT value: backslash, semicolon, comma and line breaks.
    public static func escape(_ text: String) -> String {
        // Most values (names, rooms) hold none of them: returned as they are. U+037E GREEK
        // QUESTION MARK (bytes CD BE) is canonically a semicolon, so Swift's characters match it too.
        guard
            text.utf8.contains(where: {
                $0 == 0x5C || $0 == 0x3B || $0 == 0x2C || $0 == 0x0A || $0 == 0x0D || $0 == 0xCD
            })
        else { return text }
        var out = ""
        for c in text {
            switch c {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n", "\r": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }

    /// One content line, folded: no physical line exceeds 75 octets; each
    /// continuation starts with a space. Counted in UTF-8 bytes: a break
    /// falls only before a character's first byte (never before a
    /// continuation byte, `10xxxxxx`).
    public static func fold(_ line: String) -> String {
        let bytes = line.utf8
        guard bytes.count > 75 else { return line }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 24 + 3)
        var octets = 0, limit = 75  // continuation lines carry a leading space: 74 after the first
        var i = bytes.startIndex
        while i != bytes.endIndex {
            var end = bytes.index(after: i)
            while end != bytes.endIndex && bytes[end] & 0xC0 == 0x80 { end = bytes.index(after: end) }
            let size = bytes.distance(from: i, to: end)
            if octets + size > limit {
                out += [13, 10, 32]
                octets = 0
                limit = 74
            }
            out += bytes[i..<end]
            octets += size
            i = end
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A calendar from content lines (each unfolded), folded and CRLF-terminated.
    public static func render(_ lines: [String]) -> String {
        var out = ""
        out.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 4 })
        for line in lines {
            out += fold(line)
            out += "\r\n"
        }
        return out
    }

    /// `YYYYMMDDTHHMMSSZ` for an instant.
    public static func utcStamp(_ date: Date) -> String {
        let t = UTCTime(date)
        func p(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(p(t.year, 4))\(p(t.month, 2))\(p(t.day, 2))T\(p(t.hour, 2))\(p(t.minute, 2))\(p(t.second, 2))Z"
    }
}
