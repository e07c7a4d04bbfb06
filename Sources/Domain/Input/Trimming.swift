import Foundation

extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)`, without Foundation's bridging
    /// cost when there is nothing to trim (almost every cell of a scenario).
    func trimmedSpaces() -> String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return "" }
        // Printable ASCII other than a space is never whitespace: no CharacterSet needed.
        func plain(_ c: Unicode.Scalar) -> Bool { c.value > 0x20 && c.value < 0x7F }
        if plain(first) && plain(last) { return String(self) }
        let spaces = CharacterSet.whitespaces
        if !spaces.contains(first) && !spaces.contains(last) { return String(self) }
        return trimmingCharacters(in: spaces)
    }
}

extension String {
    /// The text's lines, split at every line feed (a CRLF ends a line too:
    /// Swift treats `\r\n` as one `Character`, so splitting on `"\n"` as a
    /// Character would miss it). A trailing `\r` is dropped from each line.
    func physicalLines() -> [Substring] {
        var lines: [Substring] = []
        var start = startIndex
        var i = startIndex
        while i < endIndex {
            let c = self[i]
            let next = index(after: i)
            if c == "\n" || c == "\r\n" {
                lines.append(self[start..<i])
                start = next
            }
            i = next
        }
        lines.append(self[start..<endIndex])
        return lines
    }
}
