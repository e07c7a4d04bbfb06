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

    public init(file: String, line: Int, column: String, message: String, hint: String? = nil, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
        self.severity = severity
    }

    public var description: String {
        let prefix = severity == .warning ? "warning: " : ""
        let tail = hint.map { " (\($0))" } ?? ""
        return "\(file):\(line): \(column): \(prefix)\(message)\(tail)"
    }

    public static func < (a: Self, b: Self) -> Bool {
        (ScenarioIssue.fileOrder(a.file), a.file, a.line, a.column, a.message)
            < (ScenarioIssue.fileOrder(b.file), b.file, b.line, b.column, b.message)
    }

    static let order = ["scenario.toml", "fellows.csv", "labs.csv", "mentors.csv", "funding.csv", "preferences.csv",
                        "mentor_preferences.csv", "costs.csv", "rules.csv", "sessions.csv", "availability.csv"]
    static func fileOrder(_ f: String) -> Int { order.firstIndex(of: f) ?? order.count }
}

/// Why a scenario could not be read: every error found (warnings ride along).
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    public var issues: [ScenarioIssue]

    public init(issues: [ScenarioIssue]) { self.issues = issues.sorted() }

    public var errors: [ScenarioIssue] { issues.filter { $0.severity == .error } }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
