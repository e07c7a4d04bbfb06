import Foundation
import Testing

@testable import Reports

/// The `.eml` encoder, against encodings worked out by hand from RFC 5322,
/// RFC 2045 and RFC 2047.
@Suite struct MailDraftTests {
    func draft(to: MailDraft.Mailbox? = nil, subject: String = "Hello", body: String = "Hi\n") -> MailDraft {
        MailDraft(
            from: MailDraft.Mailbox(name: "Program office", address: "office@example.org"), to: to, subject: subject,
            date: Date(timeIntervalSince1970: 0), idDomain: "example.org", body: body)
    }

    /// "Subject:" (8) + " Your" … " intake," reaches 75 characters; " with"
    /// would make 80 > 78, so the fold (CRLF and a space) comes before it.
    @Test func aLongSubjectIsFoldedBetweenWordsWithinSeventyEightCharacters() {
        let field = MailDraft.unstructuredField(
            "Subject", "Your placement: Biomedical Informatics Fellowship, 2026-27 intake, with a longer tail")
        #expect(
            field == "Subject: Your placement: Biomedical Informatics Fellowship, 2026-27 intake,\r\n"
                + " with a longer tail")
    }

    /// "Tomasz Wójcik" in UTF-8 is 54 6F 6D 61 73 7A 20 57 C3 B3 6A 63 69 6B;
    /// in base64, by groups of three bytes: "Tom" VG9t, "asz" YXN6, " W\u{C3}"
    /// IFfD, "\u{B3}jc" s2pj, "ik" aWs=.
    @Test func anAccentedNameIsOneEncodedWord() {
        let field = MailDraft.addressField(
            "To", MailDraft.Mailbox(name: "Tomasz Wójcik", address: "tomasz@example.org"))
        #expect(field == "To: =?UTF-8?B?VG9tYXN6IFfDs2pjaWs=?= <tomasz@example.org>")
    }

    /// Twenty "é" (C3 A9, 40 bytes): 19 fit the 39 bytes of one word, the
    /// twentieth starts the next; no character is split.
    @Test func aLongAccentedSubjectIsSplitBetweenCharacters() {
        let words = MailDraft.encodedWords(String(repeating: "é", count: 20))
        #expect(words.count == 2)
        let decoded = words.map { w -> [UInt8] in
            let inner = w.dropFirst("=?UTF-8?B?".count).dropLast(2)
            return Array(Data(base64Encoded: String(inner)) ?? Data())
        }
        #expect(decoded[0] == Array(repeating: [0xC3, 0xA9], count: 19).flatMap { $0 })
        #expect(decoded[1] == [0xC3, 0xA9])
        #expect(words.allSatisfy { $0.count <= 75 })
        let field = MailDraft.unstructuredField("Subject", String(repeating: "é", count: 20))
        #expect(field.components(separatedBy: "\r\n").allSatisfy { $0.count <= 78 })
    }

    @Test func aDisplayNameWithAPeriodIsQuotedAndOneWithAQuoteEscaped() {
        #expect(
            MailDraft.addressField("To", MailDraft.Mailbox(name: "Dr. Ann Lee", address: "ann@example.org"))
                == "To: \"Dr. Ann Lee\" <ann@example.org>")
        #expect(
            MailDraft.addressField("To", MailDraft.Mailbox(name: "Ann \"Nan\" Lee", address: "ann@example.org"))
                == "To: \"Ann \\\"Nan\\\" Lee\" <ann@example.org>")
        #expect(
            MailDraft.addressField("To", MailDraft.Mailbox(name: "Ann Lee", address: "ann@example.org"))
                == "To: Ann Lee <ann@example.org>")
    }

    /// A line break in a name cannot start a header of its own.
    @Test func aNameCannotInjectAHeader() {
        let message = draft(to: MailDraft.Mailbox(name: "Eve\r\nBcc: spy@example.org", address: "eve@example.org"))
            .render()
        #expect(!message.components(separatedBy: "\r\n").contains { $0.hasPrefix("Bcc:") })
        #expect(message.contains("To: Eve Bcc: spy@example.org <eve@example.org>\r\n") == false)
        #expect(message.contains("To: \"Eve Bcc: spy@example.org\" <eve@example.org>\r\n"))
    }

    /// ü is C3 BC, ß is C3 9F, = is 3D; a space before a line end is =20; a
    /// line of 80 "a" breaks softly after 75 (76 with the "=").
    @Test func quotedPrintableEncodesByHand() {
        #expect(MailDraft.quotedPrintable("Grüße = 100%\n") == "Gr=C3=BC=C3=9Fe =3D 100%\r\n")
        #expect(MailDraft.quotedPrintable("a \nb\t\n") == "a=20\r\nb=09\r\n")
        #expect(
            MailDraft.quotedPrintable(String(repeating: "a", count: 80))
                == String(repeating: "a", count: 75) + "=\r\n" + "aaaaa\r\n")
        // Every line break (CRLF, LF, a lone CR) ends a line; nothing after a final one; empty text is empty.
        #expect(MailDraft.quotedPrintable("a\r\nb\rc\n\nd") == "a\r\nb\r\nc\r\n\r\nd\r\n")
        #expect(MailDraft.quotedPrintable("") == "")
        // A soft break never splits "=C3".
        let split = MailDraft.quotedPrintable(String(repeating: "a", count: 74) + "é")
        #expect(split == String(repeating: "a", count: 74) + "=\r\n=C3=A9\r\n")
    }

    /// "Hi\r\n" is 48 69 0D 0A: SGkNCg==; 60 bytes make 80 characters, 76 on the first line.
    @Test func base64BodyAndLines() {
        var d = draft(body: "Hi\n")
        d.bodyEncoding = .base64
        #expect(d.render().hasSuffix("Content-Transfer-Encoding: base64\r\n\r\nSGkNCg==\r\n"))
        let lines = MailDraft.base64Lines(Data(repeating: 0, count: 60)).components(separatedBy: "\r\n")
        #expect(lines.map(\.count) == [76, 4, 0])
    }

    @Test func dateIsRFC5322() {
        #expect(MailDraft.dateValue(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 +0000")
        #expect(MailDraft.dateValue(Date(timeIntervalSince1970: 1_796_207_464)) == "Wed, 02 Dec 2026 10:31:04 +0000")
    }

    @Test func aDraftWithAnAttachmentIsMultipartAndTheSameEveryTime() {
        var d = draft(to: MailDraft.Mailbox(name: "Ann Lee", address: "ann@example.org"))
        d.attachment = MailDraft.Attachment(
            fileName: "ann.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH",
            data: Data("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".utf8))
        let message = d.render()
        #expect(message == d.render())
        let lines = message.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.count <= 78 && !$0.contains("\n") && !$0.contains("\r") })
        #expect(message.contains("Content-Type: multipart/mixed;\r\n boundary=\"=_FellowMatch_"))
        #expect(message.contains("Content-Disposition: attachment; filename=ann.ics\r\n"))
        #expect(message.contains(Data("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".utf8).base64EncodedString()))
        let boundary = lines.first { $0.hasPrefix(" boundary=") }.map { String($0.dropFirst(11).dropLast()) } ?? "?"
        #expect(lines.filter { $0 == "--\(boundary)" }.count == 2 && lines.contains("--\(boundary)--"))
        #expect(!message.hasPrefix("To:") && message.contains("\r\nTo: Ann Lee <ann@example.org>\r\n"))
        var other = d
        other.body = "Hi again\n"
        #expect(other.render().contains("Message-ID") && other.render() != message)
    }
}
