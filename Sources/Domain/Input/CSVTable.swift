import CSV
import Foundation

/// A CSV file read into rows with the line each record starts on.
///
/// Parsing is CSV.swift's (RFC 4180 quoting, CRLF or LF). CSV.swift accepts
/// malformed quoting silently (a stray quote swallows the rest of the file),
/// so ``quotingProblems(in:separator:)`` first checks quoting and reports where it breaks.
struct CSVTable {
    struct Row {
        /// Line of the file on which the record starts (the header is line 1).
        var line: Int
        var fields: [String]
    }

    var file: String
    var header: [String]
    var rows: [Row]

    /// Column positions by (trimmed) header name.
    var columns: [String: Int] {
        var map: [String: Int] = [:]
        for (i, name) in header.enumerated() where map[name] == nil { map[name] = i }
        return map
    }

    /// Reads `text`; problems with its structure are appended to `issues`.
    static func parse(_ text: String, file: String, issues: inout [ScenarioIssue]) -> CSVTable? {
        var body = text
        if body.hasPrefix("\u{FEFF}") { body.removeFirst() }
        let separator = FieldSeparator.of(body)
        let quoting = quotingProblems(in: body, separator: separator)
        if !quoting.isEmpty {
            issues += quoting.map {
                ScenarioIssue(
                    file: file, line: $0.line, column: "-", message: $0.message,
                    hint: "enclose the whole field in double quotes and double any quote inside it")
            }
            return nil
        }
        // Stops at the first visible character (no copy of the whole file).
        guard body.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
            issues.append(
                ScenarioIssue(
                    file: file, line: 1, column: "-", message: "the file is empty",
                    hint: "add a header row naming the columns"))
            return nil
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: body, hasHeaderRow: false, delimiter: separator)
        } catch {
            issues.append(ScenarioIssue(file: file, line: 1, column: "-", message: "cannot be read as CSV: \(error)"))
            return nil
        }
        var line = 1
        var header: [String]?
        var rows: [Row] = []
        while let record = reader.next() {
            let span = record.reduce(0) { $0 + newlines(in: $1) }
            let blank = record.allSatisfy { $0.trimmedSpaces().isEmpty }
            if !blank {
                if header == nil {
                    header = record.map { $0.trimmedSpaces() }
                } else {
                    rows.append(Row(line: line, fields: record))
                }
            }
            line += 1 + span
        }
        if let error = reader.error {
            issues.append(
                ScenarioIssue(file: file, line: line, column: "-", message: "cannot be read as CSV: \(error)"))
            return nil
        }
        guard var header else { return nil }
        if header.count > InputLimits.columns {
            issues.append(
                ScenarioIssue(
                    file: file, line: 1, column: "-",
                    message: "the header has \(header.count) columns; at most \(InputLimits.columns) are read",
                    hint: "check that this is the right file"))
            return nil
        }
        if rows.count > InputLimits.rows {
            issues.append(
                ScenarioIssue(
                    file: file, line: rows[InputLimits.rows].line, column: "-",
                    message: "the file has \(rows.count) rows; at most \(InputLimits.rows) are read",
                    hint: "split the program into several scenarios, or check that this is the right file"))
            return nil
        }
        header = header.map { CellText.clean($0, file: file, line: 1, column: "-", issues: &issues) }
        for i in rows.indices {
            for j in rows[i].fields.indices {
                let column = j < header.count ? header[j] : "-"
                rows[i].fields[j] = CellText.clean(
                    rows[i].fields[j], file: file, line: rows[i].line, column: column, issues: &issues)
            }
        }
        var table = CSVTable(file: file, header: header, rows: [])
        for row in rows {
            if row.fields.count != header.count {
                issues.append(
                    ScenarioIssue(
                        file: file, line: row.line, column: "-",
                        message:
                            "has \(row.fields.count) field\(row.fields.count == 1 ? "" : "s") but the header has \(header.count)",
                        hint:
                            "check for a missing or extra \(FieldSeparator.name(separator)); quote fields that contain one"
                    ))
                // Keep the row, cut or padded to the header, so its id still
                // resolves and one broken line does not cascade into others.
                var fitted = row
                fitted.fields = Array((row.fields + Array(repeating: "", count: header.count)).prefix(header.count))
                table.rows.append(fitted)
            } else {
                table.rows.append(row)
            }
        }
        return table
    }

    /// Line breaks in a field (CRLF counts once).
    static func newlines(in field: String) -> Int {
        guard field.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return 0 }
        var count = 0
        for scalar in field.unicodeScalars where scalar == "\n" || scalar == "\r" { count += 1 }
        // "\r\n" is a single grapheme in Swift but two scalars: count it once.
        return count - field.components(separatedBy: "\r\n").count + 1
    }

    struct QuotingProblem {
        var line: Int
        var message: String
    }

    /// Finds RFC 4180 quoting errors: a quote inside an unquoted field, text
    /// after a closing quote, and a quoted field never closed.
    static func quotingProblems(in text: String, separator: Unicode.Scalar = ",") -> [QuotingProblem] {
        enum State { case fieldStart, unquoted, quoted, quoteInQuoted }
        var problems: [QuotingProblem] = []
        var state = State.fieldStart
        var line = 1
        var openedOn = 1
        var skipToEndOfLine = false
        var previousCR = false
        for scalar in text.unicodeScalars {
            let isNewline = scalar == "\n" || scalar == "\r"
            let newLine = isNewline && !(scalar == "\n" && previousCR)
            previousCR = scalar == "\r"
            if skipToEndOfLine {
                if isNewline {
                    skipToEndOfLine = false
                    state = .fieldStart
                    if newLine { line += 1 }
                }
                continue
            }
            switch state {
            case .fieldStart:
                if scalar == "\"" {
                    state = .quoted
                    openedOn = line
                } else if scalar == separator || isNewline {
                    state = .fieldStart
                } else {
                    state = .unquoted
                }
            case .unquoted:
                if scalar == "\"" {
                    problems.append(QuotingProblem(line: line, message: "a double quote inside an unquoted field"))
                    skipToEndOfLine = true
                } else if scalar == separator || isNewline {
                    state = .fieldStart
                }
            case .quoted:
                if scalar == "\"" { state = .quoteInQuoted }
            case .quoteInQuoted:
                if scalar == "\"" {
                    state = .quoted
                } else if scalar == separator || isNewline {
                    state = .fieldStart
                } else {
                    problems.append(QuotingProblem(line: line, message: "text after the closing quote of a field"))
                    skipToEndOfLine = true
                }
            }
            if newLine { line += 1 }
        }
        if state == .quoted {
            problems.append(QuotingProblem(line: openedOn, message: "a quoted field is never closed"))
        }
        return problems
    }
}
