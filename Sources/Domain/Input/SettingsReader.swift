import Foundation
import TOMLKit

/// Reads scenario.toml into ``ScenarioSettings``, reporting every problem.
struct SettingsReader {
    static let file = "scenario.toml"

    /// Keys the engine knows, by table ("" is the top level). Anything else is
    /// a warning naming the nearest known key.
    static let known: [String: [String]] = [
        "": [
            "name", "intake", "objective", "placement", "tracks", "solver", "seminars", "input", "funding", "stipends",
            "program", "committee"
        ],
        "input": ["date_order"],
        "objective": ["kind", "mentor_weight"],
        "placement": ["allow_unplaced", "unplaced_penalty", "tie_break", "seed", "stability"],
        "track": ["min_new", "max_new"],
        "solver": ["time_limit", "mip_gap"],
        "funding": ["max_sources", "min_payment", "order"],
        "stipends": ["levels", "other_costs"],
        "program": ["year_start", "office_email"],
        "seminars": ["timezone", "talks", "mentor_required"],
        "talk": ["status", "kind", "count"],
        "committee": ["readers", "externals", "mentor_may_chair", "cover_interests"]
    ]

    let text: String
    let lines: [Substring]
    let keyLines: KeyLines
    let file: String
    /// Further top-level keys allowed (a what-if file's `base`, `description`, `change`).
    let extraRootKeys: [String]
    var issues: [ScenarioIssue] = []

    init(text: String, file: String = SettingsReader.file, extraRootKeys: [String] = []) {
        self.text = text
        self.file = file
        self.extraRootKeys = extraRootKeys
        lines = text.physicalLines()
        keyLines = KeyLines(lines)
    }

    /// The line on which `key` of table `section` ("a.b" or "") is set, found
    /// by scanning the text (TOMLKit keeps no positions for values): the first
    /// line `key = …` in the section (or `section.key = …` at the top), else
    /// the section's header line, else 1. The text is scanned once
    /// (``KeyLines``), so a file with many keys is located in linear time.
    func line(of key: String?, in section: String) -> Int {
        let index = keyLines
        guard let key else { return index.sections[section] ?? 1 }
        let dotted = section.isEmpty ? key : "\(section).\(key)"
        let found = [index.keys[KeyLines.slot(section, key)], index.keys[KeyLines.slot("", dotted)]].compactMap { $0 }
        return found.min() ?? index.sections[section] ?? 1
    }

    /// Every key's first line and every table header's last line, by section.
    struct KeyLines {
        var keys: [String: Int] = [:]
        var sections: [String: Int] = [:]

        static func slot(_ section: String, _ key: String) -> String { section + "\u{1}" + key }

        init(_ lines: [Substring]) {
            var current = ""
            for (i, raw) in lines.enumerated() {
                let l = raw.trimmingCharacters(in: .whitespaces)
                if l.hasPrefix("[") && !l.hasPrefix("[[") {
                    current = l.trimmingCharacters(in: CharacterSet(charactersIn: "[] \t"))
                        .split(separator: ".").map { $0.trimmingCharacters(in: .whitespaces) }
                        .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }.joined(separator: ".")
                    sections[current] = i + 1
                    continue
                }
                guard let equals = l.firstIndex(of: "=") else { continue }
                let name = l[..<equals].trimmingCharacters(in: .whitespaces)
                if keys[Self.slot(current, name)] == nil { keys[Self.slot(current, name)] = i + 1 }
            }
        }
    }

    mutating func issue(
        _ key: String, in section: String, _ message: String, hint: String? = nil,
        severity: ScenarioIssue.Severity = .error
    ) {
        let column = section.isEmpty ? key : "\(section).\(key)"
        issues.append(
            ScenarioIssue(
                file: file, line: line(of: key, in: section), column: column,
                message: message, hint: hint, severity: severity))
    }

    mutating func warnUnknownKeys(_ table: TOMLTable, section: String, kind: String) {
        let allowed = (Self.known[kind] ?? []) + (kind.isEmpty ? extraRootKeys : [])
        for key in table.keys where !allowed.contains(key) {
            let near = Identifier.nearest(to: key, in: allowed)
            issue(
                key, in: section, "unknown key \"\(key)\" is ignored",
                hint: near.map { "did you mean \($0)?" } ?? "known keys here: \(allowed.joined(separator: ", "))",
                severity: .warning)
        }
    }

    func number(_ v: TOMLValueConvertible) -> Double? {
        if let d = v.double { return d }
        if let i = v.int { return Double(i) }
        return nil
    }

    mutating func read(defaultName: String) -> ScenarioSettings {
        read(over: ScenarioSettings(name: defaultName))
    }

    /// Parses the text as TOML, reporting a syntax error at its line.
    mutating func parseTable() -> TOMLTable? {
        let scanned = TOMLPreScan.problems(in: text)
        if !scanned.isEmpty {
            issues += scanned.map {
                ScenarioIssue(
                    file: file, line: $0.line, column: "-",
                    message: "is not valid TOML: \($0.message) (column \($0.column))",
                    hint: "write a table header as [name] on a line of its own, e.g. [objective]")
            }
            return nil
        }
        do {
            return try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            issues.append(
                ScenarioIssue(
                    file: file, line: e.source.begin.line, column: "-",
                    message: "is not valid TOML: \(e.description) (column \(e.source.begin.column))",
                    hint: "see https://toml.io for the syntax"))
        } catch {
            issues.append(ScenarioIssue(file: file, line: 1, column: "-", message: "is not valid TOML: \(error)"))
        }
        return nil
    }

    /// Reads the settings the text sets, on top of `base` (keys it does not set keep their value).
    mutating func read(over base: ScenarioSettings) -> ScenarioSettings {
        var settings = base
        guard let root = parseTable() else { return settings }
        warnUnknownKeys(root, section: "", kind: "")

        if let v = root["name"] {
            if let s = v.string.map({ visibleText($0, key: "name") }), !s.trimmingCharacters(in: .whitespaces).isEmpty {
                if let problem = Self.textProblem(s) {
                    issue("name", in: "", problem, hint: "e.g. name = \"2026-27 intake\"")
                } else {
                    settings.name = s
                }
            } else {
                issue("name", in: "", "must be a non-empty string", hint: "e.g. name = \"2026-27 intake\"")
            }
        }
        if let v = root["intake"] {
            let text = (v.string ?? v.int.map(String.init)).map { visibleText($0, key: "intake") }
            if let text {
                if let problem = Self.textProblem(text) {
                    issue("intake", in: "", problem, hint: "e.g. intake = \"2026-27\"")
                } else {
                    settings.intake = text
                }
            } else {
                issue("intake", in: "", "must be a string", hint: "e.g. intake = \"2026-27\"")
            }
        }
        if let t = table("objective", in: root) {
            warnUnknownKeys(t, section: "objective", kind: "objective")
            if let v = t["kind"] {
                if let s = v.string, let kind = ObjectiveKind(rawValue: s) {
                    settings.objective = kind
                } else {
                    let given = v.string ?? "\(v)"
                    let all = ObjectiveKind.allCases.map(\.rawValue)
                    issue(
                        "kind", in: "objective", "unknown objective kind \"\(given)\"",
                        hint: (Identifier.nearest(to: given, in: all).map { "did you mean \($0)? " } ?? "")
                            + "use one of \(all.joined(separator: ", "))")
                }
            }
            if let v = t["mentor_weight"] {
                if let d = number(v), InputLimits.mentorWeight.contains(d) {
                    settings.mentorWeight = d
                } else {
                    issue(
                        "mentor_weight", in: "objective",
                        "must be a number from 0 to \(Int(InputLimits.mentorWeight.upperBound))",
                        hint: "e.g. mentor_weight = 0.5")
                }
            }
        }
        if let t = table("placement", in: root) {
            warnUnknownKeys(t, section: "placement", kind: "placement")
            if let v = t["allow_unplaced"] {
                if let b = v.bool {
                    settings.allowUnplaced = b
                } else {
                    issue("allow_unplaced", in: "placement", "must be true or false")
                }
            }
            if let v = t["unplaced_penalty"] {
                if let d = number(v), InputLimits.unplacedPenalty.contains(d) {
                    settings.unplacedPenalty = d
                } else {
                    issue(
                        "unplaced_penalty", in: "placement",
                        "must be a number from 0 to \(Int(InputLimits.unplacedPenalty.upperBound))",
                        hint: "e.g. unplaced_penalty = 1000")
                }
            }
            readTieBreak(t, into: &settings)
        }
        if let t = table("tracks", in: root), t.keys.count > InputLimits.tracks {
            issue(
                "tracks", in: "", "\(t.keys.count) [tracks.NAME] tables; at most \(InputLimits.tracks) are allowed",
                hint: "a program has a handful of tracks: keep one table per track that needs limits")
        } else if let t = table("tracks", in: root) {
            for name in t.keys {
                guard let limits = t[name]?.table else {
                    issue(
                        name, in: "tracks", "must be a table", hint: "write [tracks.\(name)] with min_new and max_new")
                    continue
                }
                let section = "tracks.\(name)"
                warnUnknownKeys(limits, section: section, kind: "track")
                var limit = settings.tracks[name] ?? TrackLimit()
                limit.line = line(of: nil, in: section)
                for key in ["min_new", "max_new"] {
                    guard let v = limits[key] else { continue }
                    if let i = v.int, InputLimits.trackLimit.contains(i) {
                        if key == "min_new" { limit.minNew = i } else { limit.maxNew = i }
                    } else {
                        issue(key, in: section, "must be a whole number from 0 to \(InputLimits.trackLimit.upperBound)")
                    }
                }
                if let lo = limit.minNew, let hi = limit.maxNew, lo > hi {
                    issue(
                        "min_new", in: section, "min_new \(lo) is above max_new \(hi)",
                        hint: "lower min_new or raise max_new")
                }
                settings.tracks[name] = limit
            }
        }
        if let t = table("solver", in: root) {
            warnUnknownKeys(t, section: "solver", kind: "solver")
            if let v = t["time_limit"] {
                if let d = number(v), d > 0, d <= InputLimits.timeLimit {
                    settings.timeLimit = d
                } else {
                    issue(
                        "time_limit", in: "solver",
                        "must be more than 0 and at most \(Int(InputLimits.timeLimit)) seconds",
                        hint: "e.g. time_limit = 60, or remove it for no limit")
                }
            }
            if let v = t["mip_gap"] {
                if let d = number(v), d >= 0, d < 1 {
                    settings.mipGap = d
                } else {
                    issue(
                        "mip_gap", in: "solver", "must be a number from 0 up to (not including) 1",
                        hint: "e.g. mip_gap = 0.01 for 1 %")
                }
            }
        }
        readInput(root, into: &settings)
        if let t = table("funding", in: root) { readFunding(t, into: &settings.funding) }
        if let t = table("stipends", in: root) { readStipends(t, into: &settings.stipends) }
        if let t = table("program", in: root) { readProgram(t, into: &settings) }
        if let t = table("committee", in: root) {
            var committee = settings.committee ?? CommitteeSettings()
            readCommittee(t, into: &committee)
            settings.committee = committee
        }
        if let t = table("seminars", in: root) {
            warnUnknownKeys(t, section: "seminars", kind: "seminars")
            if let v = t["timezone"] {
                if let s = v.string, TimeZone(identifier: s) != nil {
                    settings.seminars.timezone = s
                } else {
                    issue(
                        "timezone", in: "seminars", "\"\(v.string ?? "\(v)")\" is not a known time zone",
                        hint: "use an IANA name such as America/New_York")
                }
            }
            if let v = t["talks"] {
                if let array = v.array, array.count > InputLimits.talkEntries {
                    issue(
                        "talks", in: "seminars",
                        "has \(array.count) entries; at most \(InputLimits.talkEntries) are allowed",
                        hint: "give one entry per status and kind, with a count")
                } else if let array = v.array {
                    var talks: [TalkRequirement] = []
                    for element in array {
                        guard let entry = element.table else {
                            issue(
                                "talks", in: "seminars", "each entry must be a table",
                                hint: "e.g. { status = \"new\", kind = \"wip\", count = 1 }")
                            continue
                        }
                        warnUnknownKeys(entry, section: "seminars", kind: "talk")
                        var talk = TalkRequirement(kind: "")
                        if let s = entry["status"] {
                            if let str = s.string, let st = FellowStatus(rawValue: str), st != .withdrawn {
                                talk.status = st
                            } else {
                                issue(
                                    "talks", in: "seminars",
                                    "status must be \"new\" or \"continuing\" (or left out for every fellow)")
                            }
                        }
                        if let k = entry["kind"]?.string, Identifier.isValid(k) {
                            talk.kind = k
                        } else {
                            issue("talks", in: "seminars", "each talk needs a kind, e.g. kind = \"wip\"")
                        }
                        if let c = entry["count"] {
                            if let n = c.int, InputLimits.talkCount.contains(n) {
                                talk.count = n
                            } else {
                                issue(
                                    "talks", in: "seminars",
                                    "count must be a whole number from \(InputLimits.talkCount.lowerBound) to \(InputLimits.talkCount.upperBound)"
                                )
                            }
                        }
                        if !talk.kind.isEmpty { talks.append(talk) }
                    }
                    for status in [FellowStatus.new, .continuing] {
                        let total = talks.filter { $0.status == nil || $0.status == status }.reduce(0) { $0 + $1.count }
                        if total > InputLimits.talksPerFellow {
                            issue(
                                "talks", in: "seminars",
                                "each \(status.rawValue) fellow would give \(total) talks; at most \(InputLimits.talksPerFellow) are allowed",
                                hint: "lower the counts")
                        }
                    }
                    settings.seminars.talks = talks
                } else {
                    issue(
                        "talks", in: "seminars", "must be an array of tables",
                        hint: "e.g. talks = [{ status = \"new\", kind = \"wip\" }]")
                }
            }
            if let v = t["mentor_required"] {
                if let array = v.array, array.count <= InputLimits.talkEntries,
                    array.allSatisfy({ $0.string.map(Identifier.isValid) == true })
                {
                    settings.seminars.mentorRequired = array.compactMap(\.string)
                } else {
                    issue(
                        "mentor_required", in: "seminars", "must be an array of talk kinds",
                        hint: "e.g. mentor_required = [\"thesis\"]")
                }
            }
        }
        return settings
    }

    /// Why a name or intake label cannot be used, if it cannot: too long, or
    /// holding a control character.
    /// `text` without invisible characters (``InvisibleText``), with a warning at `key` when any was removed.
    mutating func visibleText(_ text: String, key: String) -> String {
        let (kept, removed) = InvisibleText.removing(from: text)
        if !removed.isEmpty {
            issue(
                key, in: "", "an invisible character (\(CellText.codes(removed))) was removed",
                hint: "it usually comes from copy-paste; delete it in the file to silence this", severity: .warning)
        }
        return kept
    }

    static func textProblem(_ s: String) -> String? {
        if s.count > InputLimits.textLength {
            return "is \(s.count) characters long; at most \(InputLimits.textLength) are allowed"
        }
        if s.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "contains a control character (a line break, tab or escape); write it on one line as plain text"
        }
        return nil
    }

    mutating func table(_ key: String, in root: TOMLTable) -> TOMLTable? {
        guard let v = root[key] else { return nil }
        if let t = v.table { return t }
        issue(key, in: "", "must be a table", hint: "write [\(key)] on a line of its own")
        return nil
    }
}

extension SettingsReader {
    /// `[placement] tie_break` and `seed` (see "Ties and how they are decided").
    mutating func readTieBreak(_ t: TOMLTable, into settings: inout ScenarioSettings) {
        if let v = t["tie_break"] {
            if let s = v.string, let policy = TieBreak(rawValue: s) {
                settings.tieBreak = policy
            } else {
                let given = v.string ?? "\(v)"
                let all = TieBreak.allCases.map(\.rawValue)
                issue(
                    "tie_break", in: "placement", "unknown tie-break policy \"\(given)\"",
                    hint: (Identifier.nearest(to: given, in: all).map { "did you mean \($0)? " } ?? "")
                        + "use one of \(all.joined(separator: ", "))")
            }
        }
        if let v = t["stability"] {
            if let s = v.string, let requirement = StabilityRequirement(rawValue: s) {
                settings.stability = requirement
            } else {
                let given = v.string ?? "\(v)"
                let all = StabilityRequirement.allCases.map(\.rawValue)
                issue(
                    "stability", in: "placement", "unknown stability requirement \"\(given)\"",
                    hint: (Identifier.nearest(to: given, in: all).map { "did you mean \($0)? " } ?? "")
                        + "use one of \(all.joined(separator: ", "))")
            }
        }
        if let v = t["seed"] {
            if let i = v.int, InputLimits.seed.contains(i) {
                settings.seed = i
            } else {
                issue(
                    "seed", in: "placement", "must be a whole number from 0 to \(InputLimits.seed.upperBound)",
                    hint: "e.g. seed = 20261201 (the date the committee drew it)")
            }
        }
    }
}
