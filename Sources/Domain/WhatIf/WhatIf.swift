import Foundation
import TOMLKit

/// A what-if: a base scenario (a folder, or one workbook: ``WhatIfBase``) and a list of changes to it.
///
/// ```toml
/// description = "The training grant loses two slots"
/// base = ".."                       # the base scenario folder (or .xlsx workbook), relative to this file
///
/// [[change]]
/// action = "modify"                 # add, remove or modify
/// file = "funding"                  # fellows, labs, mentors, funding, preferences, ...
/// id = "nlm-t15"                    # or match = { fellow = "f003", lab = "lab04" }
/// set = { budget = 954000 }
///
/// [placement]                       # any scenario.toml setting overrides the base's
/// allow_unplaced = true
/// ```
///
/// Changes are applied to the base files' rows, and the result is read by the
/// same ``ScenarioReader``: a what-if is exactly what editing the base files
/// by hand would give. Problems in the changes, and problems the reader finds
/// in rows a change added, are reported at the what-if file's lines.
public struct WhatIf: Sendable {
    public var path: String
    public var description: String
    public var basePath: String
    public var scenario: Scenario
    /// What the changes did beyond what they say (rows removed with a lab, ...).
    public var notes: [String]
    public var warnings: [ScenarioIssue]
    /// The files it was read from, as read: the what-if file first, then its
    /// base folder's files in name order.
    public var inputs: [InputText] = []

    /// A short label: the file name without extension.
    public var label: String { ((path as NSString).lastPathComponent as NSString).deletingPathExtension }
}

public enum WhatIfReader {
    /// Files a change may name, with the columns that identify a row when no `id` column exists.
    static let files = [
        "fellows", "labs", "mentors", "funding", "preferences", "mentor_preferences", "costs", "rules",
        "sessions", "availability", "faculty", "conflicts", "committee_rules", "defense_slots"
    ]

    /// Reads a what-if file and applies it to its base.
    ///
    /// - Parameters:
    ///   - path: the what-if `.toml` file; it is shown in messages as given,
    ///     and its `base` is resolved relative to it.
    ///   - workbooks: reads a base that is an `.xlsx` workbook (problems in
    ///     its rows are then shown at their cells); without it such a base
    ///     is an error at the `base` key.
    /// - Returns: the resulting scenario, with notes on what the changes did
    ///   beyond what they say and the warnings of the file and its changes.
    /// - Throws: ``ScenarioError`` with every problem in the file, its
    ///   changes, or the rows they produce, located at the what-if's lines.
    public static func read(path: String, workbooks: WorkbookOpener? = nil) throws(ScenarioError) -> WhatIf {
        let url = URL(fileURLWithPath: path)
        let text = try InputFile.required(url, as: path, hint: "give the path of a what-if .toml file")
        var reader = SettingsReader(text: text, file: path, extraRootKeys: ["description", "base", "change"])
        guard let root = reader.parseTable() else { throw ScenarioError(issues: reader.issues) }
        var issues: [ScenarioIssue] = []
        func fail(_ key: String, _ message: String, hint: String? = nil) -> ScenarioError {
            ScenarioError(issues: [
                ScenarioIssue(file: path, line: reader.line(of: key, in: ""), column: key, message: message, hint: hint)
            ])
        }
        guard let base = root["base"]?.string else {
            throw fail(
                "base", "a what-if needs the base scenario folder", hint: "add base = \"..\" (relative to this file)")
        }
        let named = URL(fileURLWithPath: base, relativeTo: url.deletingLastPathComponent())
        let basePath = relativePath(named.standardizedFileURL)
        guard let program = ProgramFolder(whatIf: url), let baseURL = program.inside(named) else {
            throw fail(
                "base", "\(basePath) is outside the program's folder (the folder holding the what-if's folder)",
                hint: "a what-if's base is its folder's parent (base = \"..\") or a folder inside it")
        }
        let description = InvisibleText.removing(
            from: root["description"]?.string ?? url.deletingPathExtension().lastPathComponent
        ).text

        // The base, as texts and tables of rows with their origin.
        let baseFiles: WhatIfBase
        if WhatIfBase.isWorkbook(baseURL) {
            guard let workbooks else {
                throw fail("base", "\(basePath) is a workbook, which this reader does not open", hint: "use a folder")
            }
            baseFiles = try workbooks(baseURL, basePath)
            issues += baseFiles.issues.map {
                $0.file.hasSuffix(".csv") || $0.file == "scenario.toml" ? relocate($0, basePath) : $0
            }
        } else {
            let (folderTexts, loadIssues) = try ScenarioReader.loadTexts(folder: baseURL, within: program)
            baseFiles = WhatIfBase(texts: folderTexts, issues: [])
            issues += loadIssues.map { relocate($0, basePath) }
        }
        let texts = baseFiles.texts
        func shown(_ issues: [ScenarioIssue]) -> [ScenarioIssue] {
            issues.map { baseFiles.shown($0, basePath: basePath) }
        }
        var tables: [String: EditableTable] = [:]
        for (name, text) in texts where name.hasSuffix(".csv") {
            var parseIssues: [ScenarioIssue] = []
            if var t = CSVTable.parse(text, file: name, issues: &parseIssues) {
                // Headers as the scenario reader understands them (`External Funding` is external_funding).
                t.header = ColumnNames.match(t.header, known: ScenarioReader.knownColumns[name] ?? []).header
                tables[name] = EditableTable(t, origin: "\(basePath)/\(name)")
            }
            issues += parseIssues.map { relocate($0, basePath) }
        }
        var baseSettingsReader = SettingsReader(text: texts["scenario.toml"] ?? "", file: "\(basePath)/scenario.toml")
        let baseSettings = baseSettingsReader.read(defaultName: WhatIfBase.defaultName(baseURL))
        issues += baseSettingsReader.issues
        var settings = reader.read(over: baseSettings)
        settings.name =
            InvisibleText.removing(from: root["name"]?.string ?? "\(baseSettings.name): \(description)").text
        issues += reader.issues

        // The changes.
        let changeLines = text.physicalLines().enumerated()
            .filter { $0.element.trimmingCharacters(in: .whitespaces).hasPrefix("[[change]]") }.map { $0.offset + 1 }
        var notes: [String] = []
        var touched: [(index: Int, line: Int, ids: Set<String>)] = []
        if let changes = root["change"] {
            guard let array = changes.array else {
                throw fail("change", "must be an array of tables", hint: "write each change under [[change]]")
            }
            for (k, element) in array.enumerated() {
                let line = k < changeLines.count ? changeLines[k] : 1
                var context = ChangeContext(
                    path: path, line: line, index: k + 1, whatIfFolder: url.deletingLastPathComponent(),
                    program: program)
                guard let change = element.table else {
                    issues.append(context.issue("-", "each change must be a table"))
                    continue
                }
                let before = tables
                notes += context.apply(change, to: &tables)
                issues += context.issues
                touched.append((k + 1, line, Self.changedIDs(before, tables)))
            }
        }
        if !issues.filter({ $0.severity == .error }).isEmpty { throw ScenarioError(issues: shown(issues)) }

        // Read the edited files like any scenario; map problems back to where the rows came from.
        var edited: [String: String] = ["scenario.toml": ScenarioWriter.toml(settings)]
        var origins: [String: [Int: Origin]] = [:]
        for (name, table) in tables {
            let (text, lineOrigins) = table.render()
            edited[name] = text
            origins[name] = lineOrigins
        }
        do {
            let result = try ScenarioReader.parse(texts: edited, defaultName: settings.name)
            return WhatIf(
                path: path, description: description, basePath: basePath, scenario: result.scenario, notes: notes,
                warnings: shown(
                    ScenarioIssue.capped(
                        issues.filter { $0.severity == .warning }
                            + result.warnings.map { remap($0, origins, basePath) })),
                inputs: [InputText(name: url.lastPathComponent, text: text)] + InputText.sorted(texts))
        } catch {
            let baseOwn = Self.ownErrors(texts: texts, defaultName: baseURL.lastPathComponent, basePath: basePath)
            throw ScenarioError(
                issues: error.issues.map { issue in
                    let mapped = baseFiles.shown(remap(issue, origins, basePath), basePath: basePath)
                    guard mapped.severity == .error, mapped.file.hasPrefix(basePath + "/"),
                        !baseOwn.contains(Self.key(mapped))
                    else { return mapped }
                    return Self.blame(mapped, on: touched, path: path) ?? mapped
                })
        }
    }

    /// Ids of rows a change removed or modified (by comparing the tables before and after it).
    static func changedIDs(_ before: [String: EditableTable], _ after: [String: EditableTable]) -> Set<String> {
        var ids = Set<String>()
        for (name, old) in before {
            let new = after[name]?.rows ?? []
            let kept = Set(
                new.map {
                    $0.fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\u{1}")
                })
            for row in old.rows
            where !kept.contains(
                row.fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\u{1}"))
            {
                if let id = row.fields["id"] { ids.insert(id) }
            }
        }
        return ids
    }

    static func key(_ i: ScenarioIssue) -> String { "\(i.file)\u{1}\(i.line)\u{1}\(i.column)\u{1}\(i.message)" }

    /// The errors the base scenario has of its own (not caused by the what-if).
    static func ownErrors(texts: [String: String], defaultName: String, basePath: String) -> Set<String> {
        do {
            _ = try ScenarioReader.parse(texts: texts, defaultName: defaultName)
            return []
        } catch {
            return Set(error.issues.map { key(relocate($0, basePath)) })
        }
    }

    /// A base row that only breaks because of a change: reported at the
    /// change (the latest whose removed or modified ids the message names,
    /// else the latest that changed anything), naming the base row.
    static func blame(_ issue: ScenarioIssue, on touched: [(index: Int, line: Int, ids: Set<String>)], path: String)
        -> ScenarioIssue?
    {
        let words = Set(
            issue.message.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-") }
            ).map(String.init))
        guard
            let change = touched.last(where: { !$0.ids.isDisjoint(with: words) })
                ?? touched.last(where: { !$0.ids.isEmpty })
        else { return nil }
        return ScenarioIssue(
            file: path, line: change.line, column: "change[\(change.index)]",
            message:
                "\(issue.place ?? "\(issue.file):\(issue.line)") (a row of the base) breaks after this change: \(issue.column): \(issue.message)",
            hint: "change or remove that row in this what-if too (another [[change]]), or leave what it names in place")
    }

    static func relativePath(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let p = url.path
        if p == cwd { return "." }
        return p.hasPrefix(cwd + "/") ? String(p.dropFirst(cwd.count + 1)) : p
    }

    static func relocate(_ issue: ScenarioIssue, _ basePath: String) -> ScenarioIssue {
        var i = issue
        i.file = "\(basePath)/\(issue.file)"
        return i
    }

    static func remap(_ issue: ScenarioIssue, _ origins: [String: [Int: Origin]], _ basePath: String) -> ScenarioIssue {
        guard let origin = origins[issue.file]?[issue.line] else {
            return issue.file == "scenario.toml" ? issue : relocate(issue, basePath)
        }
        var i = issue
        i.file = origin.file
        i.line = origin.line
        if let change = origin.change {
            i.message = "(row added by change \(change) to \(issue.file)) " + issue.message
        }
        return i
    }
}

/// Where a row of an edited file came from.
struct Origin {
    var file: String
    var line: Int
    /// The change (1-based) that added it, if any.
    var change: Int?
}

/// A CSV file as rows that changes can add to, remove from and modify.
struct EditableTable {
    var name: String
    var header: [String]
    var rows: [(fields: [String: String], origin: Origin)]

    init(_ t: CSVTable, origin file: String) {
        name = t.file
        header = t.header
        rows = t.rows.map { r in
            (
                Dictionary(
                    zip(t.header, r.fields.map { $0.trimmingCharacters(in: .whitespaces) }),
                    uniquingKeysWith: { a, _ in a }),
                Origin(file: file, line: r.line)
            )
        }
    }

    init(empty name: String) {
        self.name = name
        header = ScenarioReader.requiredColumns[name] ?? []
        rows = []
    }

    /// The file's text and, for each line, where its row came from.
    func render() -> (String, [Int: Origin]) {
        var origins: [Int: Origin] = [:]
        var line = 2
        var body: [[String]] = []
        for row in rows {
            let fields = header.map { row.fields[$0] ?? "" }
            origins[line] = row.origin
            line += 1 + fields.reduce(0) { $0 + $1.filter(\.isNewline).count }
            body.append(fields)
        }
        return (ScenarioWriter.csv(header, body), origins)
    }
}

/// Applies one `[[change]]` and records problems at its line.
struct ChangeContext {
    let path: String
    let line: Int
    let index: Int
    let whatIfFolder: URL
    /// The folder a `from` must lie in.
    let program: ProgramFolder
    var issues: [ScenarioIssue] = []

    init(path: String, line: Int, index: Int, whatIfFolder: URL, program: ProgramFolder) {
        self.path = path
        self.line = line
        self.index = index
        self.whatIfFolder = whatIfFolder
        self.program = program
    }

    func issue(_ key: String, _ message: String, hint: String? = nil) -> ScenarioIssue {
        ScenarioIssue(file: path, line: line, column: "change[\(index)].\(key)", message: message, hint: hint)
    }

    static func text(_ v: TOMLValueConvertible) -> String? {
        if let s = v.string { return s }
        if let i = v.int { return String(i) }
        if let d = v.double { return d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d) }
        if let b = v.bool { return b ? "true" : "false" }
        if let a = v.array { return a.compactMap { text($0) }.joined(separator: ";") }
        return nil
    }

    /// Column values of a TOML table as CSV texts.
    mutating func fields(_ t: TOMLTable, key: String) -> [String: String]? {
        var out: [String: String] = [:]
        for k in t.keys {
            guard let v = t[k], let s = Self.text(v) else {
                issues.append(issue(key, "the value of \(k) is not a string, number, boolean or list"))
                return nil
            }
            out[k] = s
        }
        return out
    }

    /// Applies one `[[change]]` to the tables: checks its keys, its action
    /// and its file, then adds rows, or selects rows to modify or remove.
    /// - Returns: notes on what a removal also removed.
    mutating func apply(_ change: TOMLTable, to tables: inout [String: EditableTable]) -> [String] {
        warnAboutUnknownKeys(change)
        guard let action = change["action"]?.string.flatMap(WhatIfAction.init(rawValue:)) else {
            issues.append(issue("action", "needs action = \"add\", \"remove\" or \"modify\""))
            return []
        }
        guard let file = changedFile(change) else { return [] }
        var table = tables[file] ?? EditableTable(empty: file)
        defer { tables[file] = table }
        switch action {
        case .add:
            add(change, to: &table, file: file)
            return []
        case .modify:
            guard let selected = select(change, in: &table, file: file) else { return [] }
            modify(change, rows: selected, in: &table, file: file)
            return []
        case .remove:
            guard let selected = select(change, in: &table, file: file) else { return [] }
            return remove(rows: selected, from: &table, file: file, tables: &tables)
        }
    }

    private mutating func warnAboutUnknownKeys(_ change: TOMLTable) {
        for key in change.keys where !["action", "file", "id", "match", "set", "row", "rows", "from"].contains(key) {
            issues.append(
                ScenarioIssue(
                    file: path, line: line, column: "change[\(index)].\(key)",
                    message: "unknown key \"\(key)\" is ignored",
                    hint: "a change has action, file, id or match, and set, row, rows or from", severity: .warning))
        }
    }

    /// The CSV file a change names (`funding` or `funding.csv`), if the format has it.
    private mutating func changedFile(_ change: TOMLTable) -> String? {
        guard let rawFile = change["file"]?.string else {
            issues.append(issue("file", "needs the file to change", hint: "e.g. file = \"funding\""))
            return nil
        }
        let base = rawFile.hasSuffix(".csv") ? String(rawFile.dropLast(4)) : rawFile
        guard WhatIfReader.files.contains(base) else {
            let near = Identifier.nearest(to: base, in: WhatIfReader.files)
            issues.append(
                issue(
                    "file", "unknown file \"\(rawFile)\"",
                    hint: (near.map { "did you mean \($0)? " } ?? "")
                        + "one of \(WhatIfReader.files.joined(separator: ", "))"))
            return nil
        }
        return base + ".csv"
    }

    /// Adds the columns a change uses to the table's header; a column the
    /// format does not know is a problem (reported under `key`).
    private mutating func ensureColumns(
        _ columns: some Sequence<String>, _ key: String, in table: inout EditableTable, file: String
    ) -> Bool {
        let known = ScenarioReader.knownColumns[file] ?? []
        for c in columns where !table.header.contains(c) {
            guard known.contains(c) else {
                issues.append(
                    issue(
                        key, "\(file) has no column \"\(c)\"",
                        hint: (Identifier.nearest(to: c, in: known).map { "did you mean \($0)? " } ?? "")
                            + "columns: \(known.joined(separator: ", "))"))
                return false
            }
            table.header.append(c)
        }
        return true
    }

    /// `add`: the rows of `row`, `rows` and `from` (a CSV file), in that order.
    private mutating func add(_ change: TOMLTable, to table: inout EditableTable, file: String) {
        var newRows: [([String: String], Origin)] = []
        if let t = change["row"]?.table, let f = fields(t, key: "row") {
            newRows.append((f, Origin(file: path, line: line, change: index)))
        }
        for element in change["rows"]?.array ?? [] {
            if let t = element.table, let f = fields(t, key: "rows") {
                newRows.append((f, Origin(file: path, line: line, change: index)))
            }
        }
        if let from = change["from"]?.string {
            guard let rows = rows(from: from) else { return }
            newRows += rows
        }
        if newRows.isEmpty {
            issues.append(issue("row", "an add needs row = { ... }, rows = [ ... ] or from = \"file.csv\""))
            return
        }
        guard ensureColumns(Set(newRows.flatMap { $0.0.keys }).sorted(), "row", in: &table, file: file) else { return }
        table.rows += newRows.map { (fields: $0.0, origin: $0.1) }
    }

    /// The rows of a CSV file an `add` names (relative to the what-if), each
    /// with its own line; `nil` when the file cannot be read.
    private mutating func rows(from: String) -> [([String: String], Origin)]? {
        let named = URL(fileURLWithPath: from, relativeTo: whatIfFolder)
        let shown = WhatIfReader.relativePath(named.standardizedFileURL)
        guard let url = program.inside(named) else {
            issues.append(
                issue(
                    "from", "\(shown) is outside the program's folder; it was not read",
                    hint: "put the CSV file beside the what-if (the path is relative to the what-if file)"))
            return nil
        }
        let text: String
        switch InputFile.read(url, as: shown, within: program) {
        case .text(let t): text = t
        case .decoded(let t, let warning):
            text = t
            issues.append(warning)
        case .absent:
            issues.append(issue("from", "cannot read \(from)", hint: "the path is relative to the what-if file"))
            return nil
        case .problem(let problem):
            issues.append(problem)
            return nil
        }
        var parseIssues: [ScenarioIssue] = []
        defer { issues += parseIssues }
        guard let t = CSVTable.parse(text, file: shown, issues: &parseIssues) else {
            return []
        }
        return EditableTable(t, origin: shown).rows.map {
            ($0.fields, Origin(file: $0.origin.file, line: $0.origin.line, change: index))
        }
    }

    /// The rows a `modify` or `remove` selects by `id` and `match`; `nil`
    /// (with the problem) when it selects none.
    private mutating func select(_ change: TOMLTable, in table: inout EditableTable, file: String) -> [Int]? {
        var match: [String: String] = [:]
        if let id = change["id"].flatMap({ Self.text($0) }) { match["id"] = id }
        if let t = change["match"]?.table, let f = fields(t, key: "match") { match.merge(f) { a, _ in a } }
        guard !match.isEmpty else {
            issues.append(issue("id", "needs id = \"...\" or match = { column = \"value\" } to select rows"))
            return nil
        }
        guard ensureColumns(match.keys.sorted(), "match", in: &table, file: file) else { return nil }
        let selected = table.rows.indices.filter { i in
            match.allSatisfy { table.rows[i].fields[$0.key, default: ""] == $0.value }
        }
        if selected.isEmpty {
            let what = match.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(separator: ", ")
            issues.append(
                issue(
                    match["id"] != nil ? "id" : "match", "no row of \(file) has \(what)",
                    hint: "check the id against \(file)"))
            return nil
        }
        return selected
    }

    /// `modify`: the `set` values on every selected row.
    private mutating func modify(_ change: TOMLTable, rows selected: [Int], in table: inout EditableTable, file: String)
    {
        guard let t = change["set"]?.table, let values = fields(t, key: "set"), !values.isEmpty else {
            issues.append(issue("set", "a modify needs set = { column = value, ... }"))
            return
        }
        guard ensureColumns(values.keys.sorted(), "set", in: &table, file: file) else { return }
        for i in selected {
            for (k, v) in values { table.rows[i].fields[k] = v }
        }
    }

    /// Which files' columns refer to the ids of a file: what a removal cascades to.
    static let references: [String: [(file: String, column: String)]] = [
        "fellows.csv": [
            ("preferences.csv", "fellow"), ("mentor_preferences.csv", "fellow"), ("costs.csv", "fellow"),
            ("rules.csv", "fellow"), ("availability.csv", "person"), ("conflicts.csv", "fellow"),
            ("committee_rules.csv", "fellow")
        ],
        "labs.csv": [
            ("preferences.csv", "lab"), ("costs.csv", "lab"), ("rules.csv", "lab"), ("mentors.csv", "lab"),
            ("funding.csv", "lab"), ("faculty.csv", "lab")
        ],
        "mentors.csv": [
            ("mentor_preferences.csv", "mentor"), ("rules.csv", "mentor"), ("availability.csv", "person"),
            ("conflicts.csv", "person"), ("committee_rules.csv", "member")
        ],
        "faculty.csv": [
            ("availability.csv", "person"), ("conflicts.csv", "person"), ("committee_rules.csv", "member")
        ],
        "sessions.csv": [("availability.csv", "session")]
    ]

    /// `remove`: the selected rows, then every row of another file that only
    /// refers to what was removed (and what refers to those, in turn).
    /// - Returns: a note per file a removal reached.
    private mutating func remove(
        rows selected: [Int], from table: inout EditableTable, file: String, tables: inout [String: EditableTable]
    ) -> [String] {
        let removedIDs = Set(selected.compactMap { table.rows[$0].fields["id"] })
        table.rows = table.rows.enumerated().filter { !selected.contains($0.offset) }.map(\.element)
        guard !removedIDs.isEmpty else { return [] }
        tables[file] = table
        var notes: [String] = []
        var cascade: [(String, Set<String>)] = [(file, removedIDs)]
        while let (f, ids) = cascade.popLast() {
            for (other, column) in Self.references[f] ?? [] {
                guard var t = tables[other] else { continue }
                let before = t.rows.count
                let gone = Set(t.rows.filter { ids.contains($0.fields[column] ?? "") }.compactMap { $0.fields["id"] })
                t.rows.removeAll { ids.contains($0.fields[column] ?? "") }
                guard t.rows.count < before else { continue }
                let removed = before - t.rows.count
                notes.append(
                    "change \(index): removing \(ids.sorted().joined(separator: ", ")) from \(f) also removed "
                        + "\(removed) row\(removed == 1 ? "" : "s") of \(other)")
                tables[other] = t
                if !gone.isEmpty { cascade.append((other, gone)) }
            }
        }
        table = tables[file]!
        return notes
    }
}

/// What a what-if change does to the rows of its file.
public enum WhatIfAction: String, Sendable, Hashable, CaseIterable {
    /// New rows (`row`, `rows` or `from` a CSV file).
    case add
    /// The rows `id` or `match` select, and the rows that only refer to them.
    case remove
    /// The `set` values on the rows `id` or `match` select.
    case modify
}
