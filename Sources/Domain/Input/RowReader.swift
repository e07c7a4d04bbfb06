import Foundation

/// Reads typed values from one CSV row, recording every problem with its
/// file, line and column.
struct RowReader {
    let table: CSVTable
    let row: CSVTable.Row
    let columns: [String: Int]

    /// The trimmed text of a column, `nil` when the column is absent or the cell empty.
    func text(_ column: String) -> String? {
        guard let i = columns[column], i < row.fields.count else { return nil }
        let v = row.fields[i].trimmedSpaces()
        return v.isEmpty ? nil : v
    }

    /// Free text (a name, a room, a reason) of at most `InputLimits.textLength`
    /// characters (`reasonLength` for reasons).
    func freeText(_ column: String, _ issues: inout [ScenarioIssue]) -> String? {
        guard let v = text(column) else { return nil }
        let limit = column == "reason" ? InputLimits.reasonLength : InputLimits.textLength
        if v.count > limit {
            issues.append(
                issue(column, "is \(v.count) characters long; at most \(limit) are allowed", hint: "shorten it"))
            return nil
        }
        return v
    }

    func issue(_ column: String, _ message: String, hint: String? = nil) -> ScenarioIssue {
        ScenarioIssue(file: table.file, line: row.line, column: column, message: message, hint: hint)
    }

    /// The text of a required column. A column missing from the header is
    /// reported once, at the header, not again on every row.
    func required(_ column: String, _ issues: inout [ScenarioIssue], hint: String? = nil) -> String? {
        guard let v = text(column) else {
            guard columns[column] != nil else { return nil }
            issues.append(issue(column, "is empty but required", hint: hint ?? "fill in \(column)"))
            return nil
        }
        return v
    }

    /// An id: letters, digits, `.`, `_`, `-`, at most `InputLimits.idLength` characters.
    ///
    /// `named` maps names (``Identifier/nameKey(_:)``) to ids: a reference
    /// that gives a lab's or mentor's name instead of its id is told the id.
    func id(
        _ column: String, _ issues: inout [ScenarioIssue], required isRequired: Bool = true,
        named: [String: String] = [:]
    ) -> String? {
        guard let v = isRequired ? required(column, &issues) : text(column) else { return nil }
        if !Identifier.isValid(v) {
            let meant = named[Identifier.nameKey(v)]
            issues.append(
                issue(
                    column, "\"\(v)\" is not a valid id",
                    hint: meant.map { "did you mean \($0)? \"\(v)\" is the name of \($0); give its id" }
                        ?? "use only letters, digits, '.', '_' and '-'"))
            return nil
        }
        if v.count > InputLimits.idLength {
            issues.append(
                issue(
                    column, "the id is \(v.count) characters long; at most \(InputLimits.idLength) are allowed",
                    hint: "use a shorter id; the name column can hold the full name"))
            return nil
        }
        return v
    }

    /// A whole number in `range`; `nil` when empty (and not required) or invalid.
    func integer(
        _ column: String, _ issues: inout [ScenarioIssue], required isRequired: Bool, range: ClosedRange<Int>,
        what: String = "a whole number"
    ) -> Int? {
        guard let v = isRequired ? required(column, &issues) : text(column) else { return nil }
        guard let n = Int(v) else {
            if v.allSatisfy({ $0.isASCII && $0.isNumber })
                || (v.first == "-" && v.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }))
            {
                issues.append(outOfRange(column, v, range))
            } else {
                issues.append(
                    issue(column, "\"\(v)\" is not \(what)", hint: "write digits only, e.g. \(range.lowerBound + 1)"))
            }
            return nil
        }
        guard range.contains(n) else {
            issues.append(outOfRange(column, v, range))
            return nil
        }
        return n
    }

    func outOfRange(_ column: String, _ value: String, _ range: ClosedRange<Int>) -> ScenarioIssue {
        issue(
            column, "\(value) is outside the allowed range",
            hint: "use a whole number from \(range.lowerBound) to \(range.upperBound)")
    }

    /// Whole dollars per year, from 0 to `InputLimits.money`, in the forms
    /// ``MoneyCell`` reads (`$82,000`, `82 000`, `82000.00`).
    func money(_ column: String, _ issues: inout [ScenarioIssue], required isRequired: Bool) -> Int? {
        guard let v = isRequired ? required(column, &issues) : text(column) else { return nil }
        switch MoneyCell.read(v, limit: InputLimits.money) {
        case .dollars(let n) where n < 0:
            issues.append(issue(column, "\(v) is negative", hint: "amounts are dollars a year, 0 or more"))
        case .dollars(let n) where n > InputLimits.money:
            issues.append(tooLarge(column, v))
        case .tooLarge:
            issues.append(tooLarge(column, v))
        case .dollars(let n):
            return n
        case .ambiguous(let n):
            issues.append(
                issue(
                    column, "\"\(v)\" is ambiguous: the dot may group thousands or mark cents",
                    hint: "write whole dollars without a dot, e.g. \(n) if that is meant"))
        case .fraction(let n):
            issues.append(
                issue(column, "\"\(v)\" is not a whole number of dollars", hint: "round to whole dollars, e.g. \(n)"))
        case .notMoney:
            issues.append(
                issue(column, "\"\(v)\" is not an amount of money", hint: "write whole dollars, e.g. 65000 or $65,000"))
        }
        return nil
    }

    func tooLarge(_ column: String, _ v: String) -> ScenarioIssue {
        issue(
            column, "\(v) is more than the largest amount allowed (\(InputLimits.money) dollars a year)",
            hint: "check for extra digits; amounts are whole dollars a year")
    }

    /// A decimal number whose magnitude is at most `limit`.
    func number(_ column: String, _ issues: inout [ScenarioIssue], limit: Double) -> Double? {
        guard let v = text(column) else { return nil }
        guard let d = Double(v), d.isFinite else {
            issues.append(issue(column, "\"\(v)\" is not a number", hint: "write a decimal number, e.g. 4.5"))
            return nil
        }
        guard abs(d) <= limit else {
            issues.append(
                issue(
                    column, "\(v) is outside the allowed range",
                    hint: "use a number from -\(Int(limit)) to \(Int(limit))"))
            return nil
        }
        return d
    }

    func boolean(_ column: String, _ issues: inout [ScenarioIssue]) -> Bool? {
        guard let v = text(column) else { return nil }
        switch v.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            issues.append(issue(column, "\"\(v)\" is not a boolean", hint: "write true or false (or yes or no)"))
            return nil
        }
    }

    /// A `;`-separated list (a `,` in a quoted cell separates too); spaces
    /// around items are ignored, empty items dropped.
    func list(_ column: String) -> [String] {
        guard let v = text(column) else { return [] }
        return v.split(whereSeparator: { $0 == ";" || $0 == "," }).map { $0.trimmedSpaces() }.filter { !$0.isEmpty }
    }

    func choice<T: RawRepresentable & CaseIterable>(
        _ column: String, _ issues: inout [ScenarioIssue], as: T.Type,
        required isRequired: Bool
    ) -> T? where T.RawValue == String {
        guard let v = isRequired ? required(column, &issues) : text(column) else { return nil }
        if let t = T(rawValue: v) { return t }
        // `New`, `Permanent Resident`: the value in any case and spelling of word gaps.
        if let t = T.allCases.first(where: { ColumnNames.normal($0.rawValue) == ColumnNames.normal(v) }) { return t }
        let allowed = T.allCases.map(\.rawValue)
        let near = Identifier.nearest(to: v, in: allowed)
        issues.append(
            issue(
                column, "\"\(v)\" is not one of \(allowed.joined(separator: ", "))",
                hint: near.map { "did you mean \($0)?" } ?? "use one of \(allowed.joined(separator: ", "))"))
        return nil
    }
}

/// Ids as the format allows them, and the nearest of several names (for "did you mean").
public enum Identifier {
    static func isValid(_ s: String) -> Bool {
        !s.isEmpty
            && s.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "."
                    || $0 == "_" || $0 == "-"
            }
    }

    /// A name as looked up for "did you mean": trimmed, lower case, single spaces.
    static func nameKey(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { $0 == " " }).joined(separator: " ")
    }

    /// Ids by ``nameKey(_:)`` of their names, for names that belong to one id only.
    static func byName(_ pairs: [(name: String?, id: String)]) -> [String: String] {
        var map: [String: String?] = [:]
        for (name, id) in pairs {
            guard let name else { continue }
            let key = nameKey(name)
            map[key] = map[key] == nil ? id : .some(nil)
        }
        return map.compactMapValues { $0 }
    }

    /// The candidate closest to `s` by edit distance (ignoring case; the
    /// first by name on a tie, so the candidates' order does not matter),
    /// if within `max(2, s.count / 3)` edits.
    ///
    /// A reader may ask this for every row of a long file whose ids are all
    /// wrong, over thousands of ids, so each candidate's distance stops as
    /// soon as it is certain to pass that limit (``alignment(_:_:limit:rows:)``),
    /// ASCII text is compared as bytes, and one set of rows serves them all.
    public static func nearest(to s: String, in candidates: some Sequence<String>) -> String? {
        let limit = max(2, s.count / 3)
        let lowered = s.lowercased()
        let bytes = asciiLowered(lowered)
        var rows = AlignmentRows()
        var best: (distance: Int, name: String)?
        for c in candidates {
            let d =
                if let bytes, let other = asciiLowered(c) {
                    alignment(bytes, other, limit: limit, rows: &rows)
                } else {
                    alignment(Array(lowered), Array(c.lowercased()), limit: limit, rows: &rows)
                }
            guard d <= limit else { continue }
            if best.map({ (d, c) < ($0.distance, $0.name) }) ?? true { best = (d, c) }
        }
        return best?.name
    }

    /// `s`'s bytes with A–Z in lower case, or `nil` when `s` is not ASCII.
    private static func asciiLowered(_ s: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        for byte in s.utf8 {
            guard byte < 0x80 else { return nil }
            bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
        }
        return bytes
    }

    /// Edits (insert, delete, replace, swap two neighbours) from `a` to `b`:
    /// the optimal-string-alignment distance, so `cots` is one edit from `cost`.
    static func distance(_ a: String, _ b: String) -> Int {
        var rows = AlignmentRows()
        return alignment(Array(a), Array(b), limit: .max - 1, rows: &rows)
    }

    /// The three rows of ``alignment(_:_:limit:rows:)``'s table it keeps,
    /// kept in turn by one search over many candidates.
    struct AlignmentRows {
        var before: [Int] = [], previous: [Int] = [], current: [Int] = []
    }

    /// The optimal-string-alignment distance from `a` to `b` when it is at
    /// most `limit`, else `limit + 1`, returned as soon as that is certain:
    /// when the lengths alone differ by more, or when a whole row of the
    /// table exceeds `limit + 1` (a row's least entry is at most one above
    /// the row before's, so every later row stays above `limit` too).
    static func alignment<T: Equatable>(_ a: [T], _ b: [T], limit: Int, rows: inout AlignmentRows) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return min(max(a.count, b.count), limit + 1) }
        if rows.previous.count <= b.count {
            rows.before = [Int](repeating: 0, count: b.count + 1)
            (rows.previous, rows.current) = (rows.before, rows.before)
        }
        for j in 0...b.count { rows.previous[j] = j }
        for i in 1...a.count {
            rows.current[0] = i
            var least = i
            for j in 1...b.count {
                var d = min(
                    rows.previous[j] + 1, rows.current[j - 1] + 1,
                    rows.previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d = min(d, rows.before[j - 2] + 1)
                }
                rows.current[j] = d
                least = min(least, d)
            }
            if least > limit + 1 { return limit + 1 }
            (rows.before, rows.previous, rows.current) = (rows.previous, rows.current, rows.before)
        }
        return min(rows.previous[b.count], limit + 1)
    }
}

extension RowReader {
    /// A required time of day in the forms ``TimeOfDay/init(spreadsheet:)`` reads.
    func time(_ column: String, _ issues: inout [ScenarioIssue], example: String) -> TimeOfDay? {
        guard let v = required(column, &issues, hint: "write HH:MM, e.g. \(example)") else { return nil }
        guard let t = TimeOfDay(spreadsheet: v) else {
            issues.append(issue(column, "\"\(v)\" is not a time", hint: "write HH:MM, e.g. \(example) (or 1:00 PM)"))
            return nil
        }
        return t
    }
}
