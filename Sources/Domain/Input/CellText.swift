/// What a cell may contain, checked once as a file is read.
///
/// - Invisible characters that copy-paste brings along (zero-width spaces and
///   joiners, byte-order marks, soft hyphens: Unicode's "format" category)
///   are removed, with a warning naming the cell, so `m01` followed by a
///   zero-width space reads as `m01`, never as an invalid or empty cell.
/// - Line breaks and tabs are kept only in a `reason`; elsewhere each becomes
///   a space, with a warning (a name never spans lines on a terminal).
/// - Any other control character (escape, bell, NUL, delete, C1) is an error:
///   it would reach terminals, CSV and calendar files (RFC 5545 forbids them).
enum CellText {
    static func clean(_ text: String, file: String, line: Int, column: String, issues: inout [ScenarioIssue]) -> String
    {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var out = String.UnicodeScalarView()
        var removed: [Unicode.Scalar] = []
        var spaced = false
        var controls: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" {
                if column == "reason" {
                    out.append(scalar)
                } else {
                    if !(scalar == "\n" && out.last == " " && spaced) { out.append(" ") }
                    spaced = true
                }
            } else if scalar.properties.generalCategory == .control {
                controls.append(scalar)
            } else if scalar.properties.generalCategory == .format {
                removed.append(scalar)
            } else {
                out.append(scalar)
            }
        }
        if !controls.isEmpty {
            issues.append(
                ScenarioIssue(
                    file: file, line: line, column: column,
                    message: "contains a control character (\(codes(controls)))",
                    hint: "remove it; cells hold plain text"))
        }
        if !removed.isEmpty {
            issues.append(
                ScenarioIssue(
                    file: file, line: line, column: column,
                    message: "an invisible character (\(codes(removed))) was removed",
                    hint: "it usually comes from copy-paste; delete it in the file to silence this", severity: .warning)
            )
        }
        if spaced {
            issues.append(
                ScenarioIssue(
                    file: file, line: line, column: column,
                    message: "a line break or tab was read as a space",
                    hint: "only a reason may span lines", severity: .warning))
        }
        return String(out)
    }

    /// `U+200B` for each distinct scalar, in order.
    static func codes(_ scalars: [Unicode.Scalar]) -> String {
        var seen: [UInt32] = []
        for s in scalars where !seen.contains(s.value) { seen.append(s.value) }
        return seen.prefix(3).map { value in
            let hex = String(value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }.joined(separator: ", ")
    }
}
