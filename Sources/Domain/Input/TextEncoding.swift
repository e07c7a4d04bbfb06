import Foundation

/// Reading a file that is not UTF-8 as Windows-1252.
///
/// Excel's default "CSV (Comma delimited)" on Windows saves Windows-1252
/// (`é` is the byte E9, not UTF-8's C3 A9). A file whose bytes are not valid
/// UTF-8 and that decodes as Windows-1252 is read so, with a warning at the
/// first line that is not UTF-8 quoting that line as it was read, so the
/// coordinator can see whether the letters came out right. Bytes Windows-1252
/// leaves undefined (81, 8D, 8F, 90, 9D) make the file an error at that line.
enum TextEncoding {
    /// The 1-based line of the first byte sequence that is not UTF-8, `nil` when all is UTF-8.
    static func firstNonUTF8Line(_ data: Data) -> Int? {
        var line = 1
        var i = data.startIndex
        while i < data.endIndex {
            let b = data[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return line
            }
            guard data.endIndex - i >= length,
                (1..<length).allSatisfy({ (0x80...0xBF).contains(data[i + $0]) })
            else { return line }
            if b == 0x0A { line += 1 }
            i += length
        }
        return nil
    }

    /// `data` as Windows-1252 text, with the warning naming the first line that
    /// is not UTF-8; or the problem when it is not Windows-1252 either.
    static func windows1252(_ data: Data, file: String) -> (String?, ScenarioIssue) {
        let line = firstNonUTF8Line(data) ?? 1
        guard let text = String(data: data, encoding: .windowsCP1252), !containsUndefined(data) else {
            return (
                nil,
                ScenarioIssue(
                    file: file, line: line, column: "-", message: "is not UTF-8 text (first on this line)",
                    hint: "save it as CSV UTF-8 from your spreadsheet program")
            )
        }
        let shown = text.physicalLines().dropFirst(line - 1).first.map { String($0) } ?? ""
        let cut = excerpt(shown)
        return (
            text,
            ScenarioIssue(
                file: file, line: line, column: "-",
                message: "is not UTF-8; read as Windows-1252"
                    + (file.hasSuffix(".csv") ? " (Excel's \"CSV (Comma delimited)\")" : "")
                    + ", so this line reads \"\(ScenarioIssue.visible(cut))\"",
                hint: "if the letters are wrong, save the file as CSV UTF-8; saving it so also silences this",
                severity: .warning)
        )
    }

    /// At most 60 characters of `line` around its first letter that is not ASCII.
    static func excerpt(_ line: String) -> String {
        let chars = Array(line)
        guard chars.count > 60 else { return line }
        let first = chars.firstIndex { !$0.isASCII } ?? 0
        let start = max(0, min(first - 30, chars.count - 60))
        return (start > 0 ? "…" : "") + String(chars[start..<min(chars.count, start + 60)])
            + (start + 60 < chars.count ? "…" : "")
    }

    static func containsUndefined(_ data: Data) -> Bool {
        data.contains { [0x81, 0x8D, 0x8F, 0x90, 0x9D].contains($0) }
    }
}
