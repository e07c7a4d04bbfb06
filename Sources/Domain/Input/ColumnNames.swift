/// How a header row's names are matched to the columns a file defines.
///
/// A header is compared by its *normal form*: trimmed, lower case, with every
/// run of spaces, hyphens and underscores written as one `_` (so `External
/// Funding`, `external-funding` and `EXTERNAL_FUNDING` are all
/// `external_funding`). A name whose normal form is a known column is that
/// column. Of the rest, a name within edit distance
/// d ≤ max(1, ⌊(n + 2) / 5⌋) of a known column (n its length: one edit for
/// names up to 7 letters, two up to 12, three beyond) is taken as a typo of it:
/// an error, since reading on would silently drop the column. Any other name
/// is a column FellowMatch does not read: one warning per file lists them.
enum ColumnNames {
    /// What the header row of one file says.
    struct Matched {
        /// The header with every recognised name replaced by its known column.
        var header: [String]
        /// (position, name, nearest known column) for names that look like a typo.
        var typos: [(index: Int, name: String, near: String)]
        /// Names neither known nor close to a known column, in header order.
        var ignored: [String]
    }

    /// `name` trimmed, lower case, with runs of spaces, hyphens and underscores as one `_`.
    static func normal(_ name: String) -> String {
        var out = ""
        var gap = false
        for c in name.trimmedSpaces().lowercased() {
            if c == " " || c == "-" || c == "_" {
                gap = true
                continue
            }
            if gap && !out.isEmpty { out.append("_") }
            gap = false
            out.append(c)
        }
        return out
    }

    /// The most edits at which `known` still counts as meant.
    static func tolerance(_ known: String) -> Int { max(1, (known.count + 2) / 5) }

    /// Matches `header` against `known` (the file's columns).
    static func match(_ header: [String], known: [String]) -> Matched {
        var result = Matched(header: header, typos: [], ignored: [])
        guard !known.isEmpty else { return result }
        for (i, name) in header.enumerated() {
            let n = normal(name)
            if known.contains(n) {
                result.header[i] = n
                continue
            }
            guard !n.isEmpty else { continue }
            let near = known.map { ($0, Identifier.distance(n, $0)) }.filter { $0.1 <= tolerance($0.0) }
                .min { ($0.1, $0.0) < ($1.1, $1.0) }
            if let near {
                result.typos.append((i, name, near.0))
            } else {
                result.ignored.append(name)
            }
        }
        return result
    }

    /// A warning for each column with an empty header but cells filled in
    /// (spreadsheets add empty columns after the last one; those are skipped).
    static func unnamed(_ table: CSVTable) -> [ScenarioIssue] {
        table.header.indices.filter { i in
            table.header[i].isEmpty
                && table.rows.contains { i < $0.fields.count && !$0.fields[i].trimmedSpaces().isEmpty }
        }.map { i in
            ScenarioIssue(
                file: table.file, line: 1, column: "-",
                message: "column \(i + 1) has no name in the header row, so its cells are not read",
                hint: "name it in the header row, or delete the column", severity: .warning)
        }
    }

    /// The problems of one file's header: an error per likely typo, one
    /// warning listing the ignored columns.
    static func issues(_ m: Matched, file: String, known: [String]) -> [ScenarioIssue] {
        var issues = m.typos.map {
            ScenarioIssue(
                file: file, line: 1, column: $0.name, message: "unknown column \"\($0.name)\"",
                hint: "did you mean \($0.near)? rename the header to \($0.near)")
        }
        if !m.ignored.isEmpty {
            let names = m.ignored.map { "\"\($0)\"" }
            let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names.last!
            issues.append(
                ScenarioIssue(
                    file: file, line: 1, column: "-",
                    message: "the column\(names.count == 1 ? "" : "s") \(list) \(names.count == 1 ? "is" : "are") "
                        + "not read (ignored)",
                    hint: "the columns read here are \(known.joined(separator: ", ")); rename a column that was meant "
                        + "as one of them",
                    severity: .warning))
        }
        return issues
    }
}
