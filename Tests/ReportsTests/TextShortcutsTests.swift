import Foundation
import Testing

@testable import Reports

/// The calendars' and e-mail drafts' shortcuts (a value returned as it is
/// when nothing in it needs work, bytes instead of characters, dates by
/// arithmetic) against plain versions written out here, character by
/// character and through Foundation's calendar, on random text and
/// instants; and by hand.
@Suite struct TextShortcutsTests {
    /// A small deterministic generator (SplitMix64), so a failure can be replayed.
    struct Draw {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    /// Text of `length` characters drawn from ASCII letters, spaces, the
    /// characters iCalendar and headers treat apart, controls, and letters
    /// of two, three and four bytes in UTF-8.
    static func text(_ draw: inout Draw, length: Int) -> String {
        let pieces: [String] = [
            "a", "Z", "7", " ", " ", "\\", ";", ",", "\n", "\r", "\r\n", "\t", "=", "?", "\"", ".", "\u{7F}", "\u{1}",
            "é", "ß", "中", "文", "😀", "🧬", "\u{85}", "\u{A0}", "\u{2028}", "\u{37E}", "\u{301}"
        ]
        return (0..<length).map { _ in pieces[draw.below(pieces.count)] }.joined()
    }

    // MARK: Plain versions

    static func plainFold(_ line: String) -> String {
        var lines: [String] = [], current = "", octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > (lines.isEmpty ? 75 : 74) {
                lines.append(current)
                current = ""
                octets = 0
            }
            current.unicodeScalars.append(scalar)
            octets += size
        }
        lines.append(current)
        return lines.enumerated().map { $0.offset == 0 ? $0.element : " " + $0.element }.joined(separator: "\r\n")
    }

    static func plainEscape(_ text: String) -> String {
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

    static func plainOneLine(_ text: String) -> String {
        let spaced = String(
            text.unicodeScalars.map { s -> Character in
                s.properties.generalCategory == .control || s.properties.isWhitespace ? " " : Character(s)
            })
        return spaced.split(separator: " ").joined(separator: " ")
    }

    static func plainIsPlain(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) } && !text.contains("=?")
            && text.split(separator: " ").allSatisfy { $0.count <= 66 }
    }

    // MARK: Tests

    @Test func foldingAndEscapingAgreeWithCharacterByCharacter() {
        var draw = Draw(state: 2026)
        for round in 0..<3000 {
            let line = Self.text(&draw, length: draw.below(round < 1500 ? 90 : 300))
            #expect(ICalendar.fold(line) == Self.plainFold(line), "fold of \(line.debugDescription)")
            #expect(ICalendar.escape(line) == Self.plainEscape(line), "escape of \(line.debugDescription)")
        }
    }

    @Test func aFoldedLineKeepsSeventyFiveOctetsAndUnfoldsToItself() {
        let line = "DESCRIPTION:" + String(repeating: "Ünïcödé 🧬 ", count: 20)
        let folded = ICalendar.fold(line)
        let physical = folded.components(separatedBy: "\r\n")
        #expect(physical.count > 3)
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        #expect(physical.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(physical.first! + physical.dropFirst().map { String($0.dropFirst()) }.joined() == line)
        #expect(ICalendar.fold("SUMMARY:short") == "SUMMARY:short")
    }

    /// U+037E GREEK QUESTION MARK is canonically a semicolon: Swift's characters
    /// compare it equal to one, so it is escaped as one (a reviewer's case).
    @Test func aGreekQuestionMarkIsEscapedAsTheSemicolonItIs() {
        #expect(ICalendar.escape("Αίθουσα\u{37E}") == Self.plainEscape("Αίθουσα\u{37E}"))
        #expect(ICalendar.escape("Αίθουσα\u{37E}") == "Αίθουσα\\;")
    }

    @Test func headerWordsAgreeWithCharacterByCharacter() {
        var draw = Draw(state: 5322)
        for _ in 0..<3000 {
            let value = Self.text(&draw, length: draw.below(40))
            #expect(MailDraft.oneLine(value) == Self.plainOneLine(value), "one line of \(value.debugDescription)")
            #expect(MailDraft.isPlain(value) == Self.plainIsPlain(value), "plain: \(value.debugDescription)")
        }
        // Long words and "=?" among plain ASCII, where the shortcut decides alone.
        let long = String(repeating: "x", count: 66)
        for value in [long, long + "y", "a " + long + "y b", "a =? b", "a=b?c", "=", "?=", "", "  a  b  "] {
            #expect(MailDraft.isPlain(value) == Self.plainIsPlain(value), "plain: \(value.debugDescription)")
            #expect(MailDraft.oneLine(value) == Self.plainOneLine(value), "one line of \(value.debugDescription)")
        }
    }

    @Test func utcTimeAgreesWithFoundationsCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var draw = Draw(state: 5545)
        // 1583 to 9999, a few fractions of a second, and instants the arithmetic leaves to Foundation.
        var instants: [Double] = (0..<4000).map { _ in
            -12_212_553_600 + Double(draw.below(265_614_854_400)) + (draw.below(4) == 0 ? 0.75 : 0)
        }
        instants += [-12_212_553_600, -1, -0.5, 0, 0.5, 951_782_400, 4_107_542_400, 253_402_300_799]
        instants += [-12_212_553_601, -62_135_596_800, 253_402_300_800, 1e15]
        for t in instants {
            let date = Date(timeIntervalSince1970: t)
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let u = UTCTime(date)
            let expected = [c.year, c.month, c.day, c.hour, c.minute, c.second].map { $0 ?? -1 }
            #expect([u.year, u.month, u.day, u.hour, u.minute, u.second] == expected, "instant \(t)")
        }
    }

    @Test func stampsByHand() {
        // 2000-02-29 00:00:00 UTC is 951,782,400 s; 2100-03-01 00:00:00 is 4,107,542,400 s.
        #expect(ICalendar.utcStamp(Date(timeIntervalSince1970: 951_782_400)) == "20000229T000000Z")
        #expect(ICalendar.utcStamp(Date(timeIntervalSince1970: 4_107_542_400 - 1)) == "21000228T235959Z")
        #expect(ICalendar.utcStamp(Date(timeIntervalSince1970: -1)) == "19691231T235959Z")
        #expect(MailDraft.dateValue(Date(timeIntervalSince1970: 951_782_400)) == "Tue, 29 Feb 2000 00:00:00 +0000")
    }
}
