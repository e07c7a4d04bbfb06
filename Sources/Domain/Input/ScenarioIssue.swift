/// One problem in a scenario's input, located as `file:line: column: message`.
public struct ScenarioIssue: Sendable, Hashable, CustomStringConvertible, Comparable {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    public var file: String
    /// 1-based line; the header is line 1.
    public var line: Int
    /// The CSV column or TOML key concerned ("-" for the whole line or file).
    public var column: String
    public var message: String
    /// What to do about it.
    public var hint: String?
    public var severity: Severity
    /// Where the problem is when it is not a line of a file: a workbook's
    /// cell (`book.xlsx: fellows!C14`). Shown instead of `file:line`.
    public var place: String?

    public init(
        file: String, line: Int, column: String, message: String, hint: String? = nil, severity: Severity = .error
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
        self.severity = severity
    }

    /// `file:line: column: message (hint)`, with any control character shown
    /// as `\u{1B}` so a message never drives the terminal it is printed on.
    public var description: String {
        let prefix = severity == .warning ? "warning: " : ""
        let tail = hint.map { " (\($0))" } ?? ""
        return Self.visible("\(place ?? "\(file):\(line)"): \(column): \(prefix)\(message)\(tail)")
    }

    /// `text` with control characters (but those in `keeping`) and BiDi
    /// controls written out as `\u{…}`.
    public static func visible(_ text: String, keeping: Set<Unicode.Scalar> = []) -> String {
        func shown(_ s: Unicode.Scalar) -> Bool {
            // Printable ASCII first, without looking up the scalar's properties.
            if s.value >= 0x20 && s.value < 0x7F { return false }
            return (s.properties.generalCategory == .control || InvisibleText.isBidiControl(s)) && !keeping.contains(s)
        }
        // Printable ASCII (most messages) holds no control: Cc is U+0000–U+001F and U+007F–U+009F,
        // and every BiDi control lies above U+007F.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        guard text.unicodeScalars.contains(where: shown) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if shown(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// At most ``InputLimits/problemsPerColumn`` issues per file, column and
    /// severity, in order; the rest are counted in one closing issue each.
    public static func capped(_ issues: [ScenarioIssue]) -> [ScenarioIssue] {
        let sorted = issues.sorted()
        var shown: [String: Int] = [:]
        var more: [String: (first: ScenarioIssue, count: Int)] = [:]
        var result: [ScenarioIssue] = []
        for issue in sorted {
            let key = "\(issue.file)\u{1}\(issue.column)\u{1}\(issue.severity.rawValue)"
            let n = shown[key, default: 0]
            if n < InputLimits.problemsPerColumn {
                shown[key] = n + 1
                result.append(issue)
            } else {
                more[key] = (more[key]?.first ?? issue, (more[key]?.count ?? 0) + 1)
            }
        }
        for (_, m) in more.sorted(by: { $0.value.first < $1.value.first }) {
            let what = m.first.severity == .warning ? "warning" : "problem"
            result.append(
                ScenarioIssue(
                    file: m.first.file, line: m.first.line, column: m.first.column,
                    message: "and \(m.count) more \(what)\(m.count == 1 ? "" : "s") in this column from here on",
                    hint: "fix the ones above first; they are often the same mistake", severity: m.first.severity))
        }
        return result.sorted()
    }

    public static func < (a: Self, b: Self) -> Bool {
        (ScenarioIssue.fileOrder(a.file), a.file, a.line, a.column, a.message)
            < (ScenarioIssue.fileOrder(b.file), b.file, b.line, b.column, b.message)
    }

    static let order = [
        "scenario.toml", "fellows.csv", "labs.csv", "mentors.csv", "funding.csv", "preferences.csv",
        "mentor_preferences.csv", "costs.csv", "rules.csv", "sessions.csv", "availability.csv",
        "faculty.csv", "conflicts.csv", "committee_rules.csv", "defense_slots.csv"
    ]
    static func fileOrder(_ f: String) -> Int { order.firstIndex(of: f) ?? order.count }
}

/// Why a scenario could not be read: every error found (warnings ride along).
///
/// ``issues`` holds at most ``InputLimits/problemsPerColumn`` per file and
/// column (see ``ScenarioIssue/capped(_:)``); ``errorCount`` counts them all.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    public var issues: [ScenarioIssue]
    /// Every error found, including those not kept in ``issues``.
    public var errorCount: Int

    public init(issues: [ScenarioIssue]) {
        errorCount = issues.filter { $0.severity == .error }.count
        self.issues = ScenarioIssue.capped(issues)
    }

    public var errors: [ScenarioIssue] { issues.filter { $0.severity == .error } }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
