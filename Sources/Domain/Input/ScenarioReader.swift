import Foundation

/// Reads a scenario folder (scenario version 1): scenario.toml and the CSV
/// files, validated together. Every problem is reported in one pass as
/// `file:line: column: message (hint)`; nothing is solved or written on error.
public struct ScenarioReader {
    public struct Result: Sendable {
        public var scenario: Scenario
        /// Warnings (unknown keys, ignored rows); never fatal.
        public var warnings: [ScenarioIssue]
        /// The files the scenario was read from, by name, as read.
        public var inputs: [InputText] = []
    }

    public static let requiredFiles = [
        "scenario.toml", "fellows.csv", "labs.csv", "mentors.csv", "funding.csv", "preferences.csv"
    ]

    /// Every file a scenario folder may hold, in the order problems are listed.
    public static var fileNames: [String] { ScenarioIssue.order }

    /// Required columns by file (others are optional).
    static let requiredColumns: [String: [String]] = [
        "fellows.csv": ["id", "track", "citizenship", "cost"],
        "labs.csv": ["id", "areas", "capacity"],
        "mentors.csv": ["id", "lab", "capacity"],
        "funding.csv": ["id", "budget"],
        "preferences.csv": ["fellow", "lab", "rank"],
        "mentor_preferences.csv": ["mentor", "fellow", "rank"],
        "costs.csv": ["fellow", "lab", "cost"],
        "rules.csv": ["fellow", "lab", "rule"],
        "sessions.csv": ["id", "date", "start", "end"],
        "availability.csv": ["person"],
        "faculty.csv": ["id"],
        "conflicts.csv": ["person", "fellow"],
        "committee_rules.csv": ["fellow", "member", "rule"],
        "defense_slots.csv": ["date", "start", "end"]
    ]

    /// Every column the format defines, by file (required and optional).
    public static let knownColumns: [String: [String]] = [
        "fellows.csv": [
            "id", "name", "track", "citizenship", "status", "lab", "mentor", "interests", "cost", "external_funding",
            "withdrawn_on", "experience", "start_on", "email", "defend_by"
        ],
        "labs.csv": ["id", "name", "institution", "areas", "capacity"],
        "mentors.csv": ["id", "name", "lab", "areas", "capacity", "email", "committee_load", "external", "chair"],
        "funding.csv": ["id", "name", "lab", "budget", "citizens_only", "areas", "kind", "slots"],
        "preferences.csv": ["fellow", "lab", "rank", "score"],
        "mentor_preferences.csv": ["mentor", "fellow", "rank"],
        "costs.csv": ["fellow", "lab", "cost"],
        "rules.csv": ["fellow", "lab", "mentor", "rule", "reason"],
        "sessions.csv": ["id", "date", "start", "end", "room", "capacity", "kinds"],
        "availability.csv": ["person", "date", "session", "reason"],
        "faculty.csv": ["id", "name", "lab", "institution", "areas", "committee_load", "external", "chair"],
        "conflicts.csv": ["person", "fellow", "reason"],
        "committee_rules.csv": ["fellow", "member", "rule", "reason"],
        "defense_slots.csv": ["date", "start", "end", "room"]
    ]

    public init() {}

    /// Reads and validates a scenario folder.
    ///
    /// ```swift
    /// do {
    ///     let result = try ScenarioReader().read(folder: URL(fileURLWithPath: "Scenarios/demo"))
    ///     for warning in result.warnings { print(warning) }
    /// } catch {
    ///     for issue in error.issues { print(issue) }   // file:line: column: message (hint)
    /// }
    /// ```
    ///
    /// - Parameter folder: a folder holding `scenario.toml` and the CSV files
    ///   (see docs/scenario-format.md).
    /// - Returns: the scenario and its warnings (unknown keys, ignored rows,
    ///   removed invisible characters).
    /// - Throws: ``ScenarioError`` with every problem found, located by file,
    ///   line and column, when any is an error.
    public func read(folder: URL) throws(ScenarioError) -> Result {
        let (texts, issues) = try ScenarioReader.loadTexts(folder: folder)
        var result = try ScenarioReader.parse(
            texts: texts, defaultName: ScenarioReader.displayName(folder), initialIssues: issues)
        result.inputs = InputText.sorted(texts)
        return result
    }

    /// A folder's name as a scenario name: control characters dropped, at
    /// most ``InputLimits/textLength`` characters.
    public static func displayName(_ folder: URL) -> String {
        let name = String(
            String.UnicodeScalarView(
                folder.lastPathComponent.unicodeScalars.filter {
                    $0.properties.generalCategory != .control && !InvisibleText.isInvisible($0)
                }))
        return String(name.prefix(InputLimits.textLength))
    }

    /// The texts of a scenario folder's files, keyed by file name, with
    /// problems reading them (not UTF-8, unreadable).
    /// - Parameter program: the folder its files must lie in (symbolic links
    ///   resolved); the scenario folder itself when not given.
    public static func loadTexts(folder: URL, within program: ProgramFolder? = nil) throws(ScenarioError) -> (
        [String: String], [ScenarioIssue]
    ) {
        var issues: [ScenarioIssue] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw ScenarioError(issues: [
                ScenarioIssue(
                    file: folder.path, line: 1, column: "-",
                    message: "is not a scenario folder",
                    hint: "point to a folder holding scenario.toml and the CSV files")
            ])
        }
        var texts: [String: String] = [:]
        let within = program ?? ProgramFolder(folder)
        for name in ["scenario.toml"] + requiredColumns.keys.sorted() {
            let url = folder.appendingPathComponent(name)
            switch InputFile.read(url, as: name, within: within) {
            case .absent: continue
            case .text(let text): texts[name] = text
            case .decoded(let text, let warning):
                texts[name] = text
                issues.append(warning)
            case .problem(let issue): issues.append(issue)
            }
        }
        return (texts, issues)
    }

    /// Each CSV text parsed, with the problems its parsing found: the
    /// largest file (availability.csv is often half the input) on a thread
    /// of its own beside the others.
    static func parsedTables(_ texts: [String: String]) -> [String: (CSVTable?, [ScenarioIssue])] {
        let names = texts.keys.filter { $0.hasSuffix(".csv") }.sorted {
            (texts[$0]?.utf8.count ?? 0, $0) > (texts[$1]?.utf8.count ?? 0, $1)
        }
        @Sendable func parse(_ some: ArraySlice<String>) -> [String: (CSVTable?, [ScenarioIssue])] {
            var out: [String: (CSVTable?, [ScenarioIssue])] = [:]
            for name in some {
                var problems: [ScenarioIssue] = []
                let table = CSVTable.parse(texts[name] ?? "", file: name, issues: &problems)
                out[name] = (table, problems)
            }
            return out
        }
        let largest = WorkBeside { parse(names.prefix(1)) }
        return parse(names.dropFirst()).merging(largest.value()) { mine, _ in mine }
    }

    /// Parses file texts keyed by file name (what `read(folder:)` does after loading).
    public static func parse(
        texts: [String: String], defaultName: String,
        initialIssues: [ScenarioIssue] = []
    ) throws(ScenarioError) -> Result {
        var issues = initialIssues
        for name in requiredFiles where texts[name] == nil && !issues.contains(where: { $0.file == name }) {
            issues.append(
                ScenarioIssue(
                    file: name, line: 1, column: "-", message: "the file is missing",
                    hint: "every scenario needs \(requiredFiles.joined(separator: ", "))"))
        }
        var settingsReader = SettingsReader(text: texts["scenario.toml"] ?? "")
        let settings = settingsReader.read(defaultName: defaultName)
        if texts["scenario.toml"] != nil { issues += settingsReader.issues }

        var tables: [String: CSVTable] = [:]
        let parsed = parsedTables(texts)
        for (name, _) in texts where name.hasSuffix(".csv") {
            guard let (found, problems) = parsed[name] else { continue }
            issues += problems
            guard var table = found else { continue }
            let known = knownColumns[name] ?? []
            let matched = ColumnNames.match(table.header, known: known)
            table.header = matched.header
            issues += ColumnNames.issues(matched, file: name, known: known)
            issues += ColumnNames.unnamed(table)
            let columns = table.columns
            let meant = Set(matched.typos.map(\.near))
            // With an `experience` column, a fellow's cost may come from [stipends] levels instead.
            let missing = (requiredColumns[name] ?? []).filter {
                columns[$0] == nil && !meant.contains($0)
                    && !(name == "fellows.csv" && $0 == "cost" && columns["experience"] != nil)
            }
            for column in missing {
                issues.append(
                    ScenarioIssue(
                        file: name, line: 1, column: column, message: "the column is missing",
                        hint: "add a \"\(column)\" column to the header row"))
            }
            for (i, column) in table.header.enumerated()
            where !column.isEmpty && table.header.firstIndex(of: column) != i {
                issues.append(
                    ScenarioIssue(
                        file: name, line: 1, column: column, message: "the column appears twice",
                        hint: "remove or rename one of them"))
            }
            // Kept even with a column missing: its rows still register their
            // ids, so references to them add no second, false problem.
            tables[name] = table
        }
        let present = Set(texts.keys).union(initialIssues.map(\.file))
        var builder = ScenarioBuilder(settings: settings, tables: tables, issues: issues)
        builder.unreadable = present.subtracting(tables.keys)
        builder.build()
        let errors = builder.issues.filter { $0.severity == .error }
        if !errors.isEmpty { throw ScenarioError(issues: builder.issues) }
        return Result(scenario: builder.scenario, warnings: ScenarioIssue.capped(builder.issues))
    }
}

/// Turns the parsed tables into domain values and checks every reference.
struct ScenarioBuilder {
    let tables: [String: CSVTable]
    var issues: [ScenarioIssue]
    var scenario: Scenario
    /// The first ambiguous date of each file and column, and how many more there are.
    var ambiguousDates: [String: (issue: ScenarioIssue, more: Int)] = [:]
    /// Files present but not read (not decoded, not split into rows): no
    /// reference to them is checked, so their failure is reported once.
    var unreadable: Set<String> = []
    /// The id of every row of a file that has one, a row with problems
    /// included, so a reference to it adds no second, false problem.
    var registered: [String: Set<String>] = [:]
    /// Lab ids by name, and mentor ids by name (names that belong to one id),
    /// set once labs.csv and mentors.csv are read.
    var labNames: [String: String] = [:]
    var mentorNames: [String: String] = [:]

    /// Whether references into `file` can be checked (it was read, or is absent).
    func checks(_ file: String) -> Bool { !unreadable.contains(file) && (tables[file] != nil || !isRequired(file)) }

    func isRequired(_ file: String) -> Bool { ScenarioReader.requiredFiles.contains(file) }

    /// Whether `id` is a row of `file` (with or without problems).
    func isRegistered(_ id: String, in file: String) -> Bool { registered[file]?.contains(id) ?? false }

    init(settings: ScenarioSettings, tables: [String: CSVTable], issues: [ScenarioIssue]) {
        self.tables = tables
        self.issues = issues
        scenario = Scenario(settings: settings, fellows: [], labs: [], mentors: [], funding: [], preferences: [])
    }

    /// A reader for each row of `file` (none if the file was not read).
    func rowReaders(_ file: String) -> [RowReader] {
        guard let table = tables[file] else { return [] }
        let columns = table.columns
        return table.rows.map { RowReader(table: table, row: $0, columns: columns) }
    }

    mutating func unique(_ id: String?, _ seen: inout [String: Int], _ r: RowReader, what: String) -> String? {
        guard let id else { return nil }
        if let first = seen[id] {
            issues.append(
                r.issue(
                    "id", "duplicate \(what) id \"\(id)\" (first on line \(first))",
                    hint: "ids must be unique within the file"))
            return nil
        }
        seen[id] = r.row.line
        return id
    }

    mutating func build() {
        readLabs()
        readMentors()
        readFellows()
        readFunding()
        readPreferences()
        readMentorPreferences()
        readCosts()
        readRules()
        readSessions()
        readFaculty()
        readConflicts()
        readCommitteeRules()
        readDefenseSlots()
        readAvailability()
        checkTracks()
        checkSpellings()
        reportAmbiguousDates()
        checkFundingOrder()
        setAsideWithdrawn()
    }

    /// Withdrawn fellows leave the lists the engine reads; the rows of other
    /// files that name them were checked like any row and are now left out.
    mutating func setAsideWithdrawn() {
        let gone = Set(scenario.fellows.filter { $0.status == .withdrawn }.map(\.id))
        guard !gone.isEmpty else { return }
        scenario.withdrawn = scenario.fellows.filter { gone.contains($0.id) }
        scenario.fellows.removeAll { gone.contains($0.id) }
        scenario.preferences.removeAll { gone.contains($0.fellow) }
        scenario.mentorPreferences.removeAll { gone.contains($0.fellow) }
        scenario.costs.removeAll { gone.contains($0.fellow) }
        scenario.rules.removeAll { gone.contains($0.fellow) }
        scenario.committeeRules.removeAll { gone.contains($0.fellow) }
        scenario.availability.removeAll { gone.contains($0.person) }
    }

    func unknown(_ r: RowReader, _ column: String, _ id: String, in file: String, candidates: [String]) -> ScenarioIssue
    {
        let named = file == "labs.csv" ? labNames : file == "mentors.csv" ? mentorNames : [:]
        if let meant = named[Identifier.nameKey(id)] {
            return r.issue(
                column, "unknown \(column) \"\(id)\"",
                hint: "did you mean \(meant)? \"\(id)\" is the name of \(meant); give its id")
        }
        let near = Identifier.nearest(to: id, in: candidates)
        return r.issue(
            column, "unknown \(column) \"\(id)\"",
            hint: (near.map { "did you mean \($0)? " } ?? "") + "it must be an id in \(file)")
    }

    mutating func readLabs() {
        var seen: [String: Int] = [:]
        var labs: [Lab] = []
        var found: [ScenarioIssue] = []
        for r in rowReaders("labs.csv") {
            let id = r.id("id", &found)
            let areas = r.list("areas")
            if r.columns["areas"] != nil && areas.isEmpty {
                found.append(
                    r.issue(
                        "areas", "is empty but required",
                        hint: "list the areas in which the lab has independent funding, separated by ';'"))
            }
            let capacity = r.integer("capacity", &found, required: true, range: InputLimits.capacity)
            let name = r.freeText("name", &found), institution = r.freeText("institution", &found)
            // A row with errors still registers its id, so references to it
            // do not add a second, misleading error (the scenario is rejected anyway).
            guard let id else { continue }
            labs.append(
                Lab(
                    id: id, name: name, institution: institution ?? "", areas: areas,
                    capacity: capacity ?? 0, line: r.row.line))
        }
        issues += found
        for lab in labs {
            if let first = seen[lab.id] {
                issues.append(
                    ScenarioIssue(
                        file: "labs.csv", line: lab.line, column: "id",
                        message: "duplicate lab id \"\(lab.id)\" (first on line \(first))",
                        hint: "ids must be unique within the file"))
            } else {
                seen[lab.id] = lab.line
                scenario.labs.append(lab)
            }
        }
    }

    mutating func readMentors() {
        labNames = Identifier.byName(scenario.labs.map { ($0.name, $0.id) })
        defer { mentorNames = Identifier.byName(scenario.mentors.map { ($0.name, $0.id) }) }
        var seen: [String: Int] = [:]
        let labIDs = Set(scenario.labs.map(\.id))
        let labList = scenario.labs.map(\.id)
        var mentors: [(Mentor, RowReader)] = []
        var found: [ScenarioIssue] = []
        for r in rowReaders("mentors.csv") {
            let id = r.id("id", &found)
            if let id { registered["mentors.csv", default: []].insert(id) }
            let lab = r.id("lab", &found, named: labNames)
            let capacity = r.integer("capacity", &found, required: true, range: InputLimits.capacity)
            let name = r.freeText("name", &found)
            let email = r.email("email", &found)
            let load = r.integer("committee_load", &found, required: false, range: InputLimits.committeeLoad)
            let external = r.boolean("external", &found), chair = r.boolean("chair", &found)
            guard let id, let lab else { continue }
            var mentor = Mentor(
                id: id, name: name, lab: lab, areas: r.list("areas"), capacity: capacity ?? 0, line: r.row.line)
            mentor.email = email
            mentor.committeeLoad = load ?? CommitteeSettings.defaultLoad
            mentor.external = external ?? false
            mentor.chair = chair ?? false
            mentors.append((mentor, r))
        }
        issues += found
        for (mentor, r) in mentors {
            if !labIDs.contains(mentor.lab) && tables["labs.csv"] != nil {
                issues.append(unknown(r, "lab", mentor.lab, in: "labs.csv", candidates: labList))
                continue
            }
            guard unique(mentor.id, &seen, r, what: "mentor") != nil else { continue }
            scenario.mentors.append(mentor)
        }
    }

    mutating func readFellows() {
        var seen: [String: Int] = [:]
        let labs = Dictionary(uniqueKeysWithValues: scenario.labs.map { ($0.id, $0) })
        let mentors = Dictionary(uniqueKeysWithValues: scenario.mentors.map { ($0.id, $0) })
        var fellows: [(Fellow, RowReader)] = []
        var problems: [ScenarioIssue] = []
        var found: [ScenarioIssue] = []
        for r in rowReaders("fellows.csv") {
            let before = found.count
            let id = r.id("id", &found)
            let track = r.required("track", &found, hint: "one of the program's tracks, e.g. clinical")
            let citizenship = r.choice("citizenship", &found, as: Citizenship.self, required: true)
            let status = r.choice("status", &found, as: FellowStatus.self, required: false) ?? .new
            let lab = r.id("lab", &found, required: false, named: labNames)
            let mentor = r.id("mentor", &found, required: false, named: mentorNames)
            let interests = r.list("interests")
            let experience = r.integer("experience", &found, required: false, range: InputLimits.experience)
            let cost = fellowCost(r, experience: experience, &found)
            let external = r.money("external_funding", &found, required: false) ?? 0
            let name = r.freeText("name", &found)
            let withdrawnOn = date(r, "withdrawn_on", &found)
            if r.text("withdrawn_on") != nil {
                if status != .withdrawn {
                    found.append(
                        r.issue(
                            "withdrawn_on", "is given but the fellow's status is \(status.rawValue)",
                            hint: "set status to withdrawn, or clear withdrawn_on"))
                }
            }
            if status == .withdrawn {
                // Left the program: only their id, track and citizenship still matter; a lab and mentor, if given, must exist.
            } else if status == .new {
                if interests.isEmpty {
                    found.append(
                        r.issue(
                            "interests", "a new fellow needs research interests",
                            hint: "list them separated by ';', e.g. clinical-nlp; sepsis"))
                }
                if lab != nil || mentor != nil {
                    found.append(
                        r.issue(
                            lab != nil ? "lab" : "mentor", "a new fellow has no lab or mentor yet",
                            hint: "leave lab and mentor empty, or set status to continuing"))
                }
            } else {
                if r.text("lab") == nil {
                    found.append(
                        r.issue("lab", "a continuing fellow needs their lab", hint: "fill in the lab they are in"))
                }
                if r.text("mentor") == nil {
                    found.append(
                        r.issue("mentor", "a continuing fellow needs their mentor", hint: "fill in their mentor's id"))
                }
            }
            guard let id else { continue }
            let clean = found.count == before
            var fellow = Fellow(
                id: id, name: name, track: track ?? "", citizenship: citizenship ?? .other, status: status,
                lab: clean ? lab : nil, mentor: clean ? mentor : nil, interests: interests, cost: cost ?? 0,
                externalFunding: external, line: r.row.line)
            fellow.withdrawnOn = withdrawnOn
            fellow.defendBy = date(r, "defend_by", &found)
            fellow.experience = experience
            fellow.startOn = r.text("start_on").flatMap { text in
                let date = CalendarDate(text)
                if date == nil {
                    found.append(
                        r.issue("start_on", CalendarDate.problem(with: text), hint: "write YYYY-MM-DD, e.g. 2026-09-15")
                    )
                }
                return date
            }
            fellow.costFromLevels = r.text("cost") == nil && experience != nil
            fellow.email = r.email("email", &found)
            fellows.append((fellow, r))
        }
        issues += found
        let haveLabs = tables["labs.csv"] != nil, haveMentors = tables["mentors.csv"] != nil
        for (fellow, r) in fellows {
            guard unique(fellow.id, &seen, r, what: "fellow") != nil else { continue }
            if let m = mentors[fellow.id] {
                problems.append(
                    r.issue(
                        "id", "\"\(fellow.id)\" is also a mentor's id (mentors.csv line \(m.line))",
                        hint: "a fellow and a mentor never share an id: rename one"))
            }
            if !fellow.isNew, let labID = fellow.lab {
                if labs[labID] == nil && haveLabs {
                    problems.append(unknown(r, "lab", labID, in: "labs.csv", candidates: scenario.labs.map(\.id)))
                } else if let mentorID = fellow.mentor, let m = mentors[mentorID] {
                    if m.lab != labID {
                        problems.append(
                            r.issue(
                                "mentor", "mentor \(mentorID) is in lab \(m.lab), not in \(labID)",
                                hint: "give the fellow's actual lab, or a mentor of lab \(labID)"))
                    }
                } else if let mentorID = fellow.mentor, haveMentors, !isRegistered(mentorID, in: "mentors.csv") {
                    problems.append(
                        unknown(r, "mentor", mentorID, in: "mentors.csv", candidates: scenario.mentors.map(\.id)))
                }
            }
            scenario.fellows.append(fellow)
        }
        issues += problems
    }

    mutating func readFunding() {
        var seen: [String: Int] = [:]
        let labIDs = Set(scenario.labs.map(\.id))
        var sources: [(FundingSource, RowReader)] = []
        var found: [ScenarioIssue] = []
        for r in rowReaders("funding.csv") {
            let before = found.count
            let id = r.id("id", &found)
            let lab = r.id("lab", &found, required: false, named: labNames)
            let budget = r.money("budget", &found, required: true)
            let citizensOnly = r.boolean("citizens_only", &found) ?? false
            let name = r.freeText("name", &found)
            let kind = r.choice("kind", &found, as: FundingKind.self, required: false)
            let slots = r.integer("slots", &found, required: false, range: InputLimits.slots)
            guard let id else { continue }
            sources.append(
                (
                    FundingSource(
                        id: id, name: name, lab: found.count == before ? lab : nil, budget: budget ?? 0,
                        citizensOnly: citizensOnly,
                        areas: r.list("areas"), kind: kind, slots: slots, line: r.row.line), r
                ))
        }
        issues += found
        for (source, r) in sources {
            if let lab = source.lab, !labIDs.contains(lab), tables["labs.csv"] != nil {
                issues.append(unknown(r, "lab", lab, in: "labs.csv", candidates: scenario.labs.map(\.id)))
                continue
            }
            guard unique(source.id, &seen, r, what: "funding source") != nil else { continue }
            scenario.funding.append(source)
        }
    }

    /// Checks `fellow` and `lab` columns against the scenario; returns the ids when both are known.
    func fellowAndLab(
        _ r: RowReader, _ issues: inout [ScenarioIssue], fellows: [String: Fellow],
        labs: Set<String>
    ) -> (Fellow, String)? {
        let f = r.id("fellow", &issues), l = r.id("lab", &issues, named: labNames)
        var fellow: Fellow?
        if let f {
            fellow = fellows[f]
            if fellow == nil && tables["fellows.csv"] != nil {
                issues.append(unknown(r, "fellow", f, in: "fellows.csv", candidates: scenario.fellows.map(\.id)))
            }
        }
        if let l, !labs.contains(l), tables["labs.csv"] != nil {
            issues.append(unknown(r, "lab", l, in: "labs.csv", candidates: scenario.labs.map(\.id)))
            return nil
        }
        guard let fellow, let l else { return nil }
        return (fellow, l)
    }

    mutating func readPreferences() {
        let fellows = Dictionary(uniqueKeysWithValues: scenario.fellows.map { ($0.id, $0) })
        let labs = Set(scenario.labs.map(\.id))
        var seen: [String: Int] = [:]
        var prefs: [Preference] = []
        var extra: [ScenarioIssue] = []
        guard tables["preferences.csv"] != nil else { return }
        var found: [ScenarioIssue] = []
        for r in rowReaders("preferences.csv") {
            let pair = fellowAndLab(r, &found, fellows: fellows, labs: labs)
            let rank = r.integer(
                "rank", &found, required: true, range: InputLimits.rank,
                what: "a rank (a whole number, 1 = first choice)")
            let score = r.number("score", &found, limit: InputLimits.score)
            guard let (fellow, lab) = pair, let rank else { continue }
            let key = "\(fellow.id)\u{1}\(lab)"
            if let first = seen[key] {
                found.append(
                    r.issue(
                        "lab", "\(fellow.id) ranks lab \(lab) twice (first on line \(first))",
                        hint: "keep one row per fellow and lab"))
                continue
            }
            seen[key] = r.row.line
            if fellow.status == .withdrawn { continue }
            if !fellow.isNew {
                extra.append(
                    ScenarioIssue(
                        file: "preferences.csv", line: r.row.line, column: "fellow",
                        message: "\(fellow.id) is continuing: their preferences are ignored",
                        hint: "remove the row, or set the fellow's status to new", severity: .warning))
                continue
            }
            prefs.append(Preference(fellow: fellow.id, lab: lab, rank: rank, score: score, line: r.row.line))
        }
        issues += found
        self.issues += extra
        scenario.preferences = prefs
        let ranked = Set(prefs.map(\.fellow))
        for f in scenario.fellows where f.isNew && !ranked.contains(f.id) {
            issues.append(
                ScenarioIssue(
                    file: "fellows.csv", line: f.line, column: "id",
                    message: "new fellow \(f.id) has no preferences",
                    hint: "add rows for \(f.id) to preferences.csv, one per lab they would accept"))
        }
    }

    mutating func readMentorPreferences() {
        let fellows = Set(scenario.fellows.map(\.id)), mentors = Set(scenario.mentors.map(\.id))
        var seen: [String: Int] = [:]
        var list: [MentorPreference] = []
        var found: [ScenarioIssue] = []
        for r in rowReaders("mentor_preferences.csv") {
            let m = r.id("mentor", &found, named: mentorNames), f = r.id("fellow", &found)
            let rank = r.integer(
                "rank", &found, required: true, range: InputLimits.rank, what: "a rank (a whole number, 1 = best)")
            if let m, !mentors.contains(m) {
                if checks("mentors.csv") && !isRegistered(m, in: "mentors.csv") {
                    found.append(unknown(r, "mentor", m, in: "mentors.csv", candidates: scenario.mentors.map(\.id)))
                }
                continue
            }
            if let f, !fellows.contains(f) {
                if checks("fellows.csv") {
                    found.append(unknown(r, "fellow", f, in: "fellows.csv", candidates: scenario.fellows.map(\.id)))
                }
                continue
            }
            guard let m, let f, let rank else { continue }
            let key = "\(m)\u{1}\(f)"
            if let first = seen[key] {
                found.append(
                    r.issue(
                        "fellow", "mentor \(m) ranks \(f) twice (first on line \(first))", hint: "keep one row per pair"
                    ))
                continue
            }
            seen[key] = r.row.line
            list.append(MentorPreference(mentor: m, fellow: f, rank: rank, line: r.row.line))
        }
        issues += found
        scenario.mentorPreferences = list
    }

    mutating func readCosts() {
        let fellows = Dictionary(uniqueKeysWithValues: scenario.fellows.map { ($0.id, $0) })
        let labs = Set(scenario.labs.map(\.id))
        var seen: [String: Int] = [:]
        var list: [CostOverride] = []
        var found: [ScenarioIssue] = []
        for r in rowReaders("costs.csv") {
            let pair = fellowAndLab(r, &found, fellows: fellows, labs: labs)
            let experience = r.integer("experience", &found, required: false, range: InputLimits.experience)
            let cost = fellowCost(r, experience: experience, &found)
            guard let (fellow, lab) = pair, let cost else { continue }
            let key = "\(fellow.id)\u{1}\(lab)"
            if let first = seen[key] {
                found.append(
                    r.issue(
                        "lab", "a cost for \(fellow.id) at \(lab) is already given on line \(first)",
                        hint: "keep one row per fellow and lab"))
                continue
            }
            seen[key] = r.row.line
            list.append(CostOverride(fellow: fellow.id, lab: lab, cost: cost, line: r.row.line))
        }
        issues += found
        scenario.costs = list
    }

    mutating func readRules() {
        let fellows = Dictionary(uniqueKeysWithValues: scenario.fellows.map { ($0.id, $0) })
        let labs = Set(scenario.labs.map(\.id))
        let mentors = Dictionary(uniqueKeysWithValues: scenario.mentors.map { ($0.id, $0) })
        let ranked = Set(scenario.preferences.map { "\($0.fellow)\u{1}\($0.lab)" })
        var locks: [String: PlacementRule] = [:]
        var list: [PlacementRule] = []
        var found: [ScenarioIssue] = []
        for r in rowReaders("rules.csv") {
            let before = found.count
            let pair = fellowAndLab(r, &found, fellows: fellows, labs: labs)
            let mentorID = r.id("mentor", &found, required: false, named: mentorNames)
            let kind = r.choice("rule", &found, as: PlacementRule.Kind.self, required: true)
            let reason = r.freeText("reason", &found)
            guard found.count == before, let (fellow, lab) = pair, let kind else { continue }
            if let mentorID {
                guard let m = mentors[mentorID] else {
                    if checks("mentors.csv") && !isRegistered(mentorID, in: "mentors.csv") {
                        found.append(
                            unknown(r, "mentor", mentorID, in: "mentors.csv", candidates: scenario.mentors.map(\.id)))
                    }
                    continue
                }
                if m.lab != lab {
                    found.append(
                        r.issue(
                            "mentor", "mentor \(mentorID) is in lab \(m.lab), not in \(lab)",
                            hint: "name a mentor of lab \(lab), or leave mentor empty"))
                    continue
                }
            }
            let rule = PlacementRule(
                fellow: fellow.id, lab: lab, mentor: mentorID, kind: kind, reason: reason ?? "",
                line: r.row.line)
            if fellow.status == .withdrawn { continue }
            if !fellow.isNew {
                let restates = kind == .lock && fellow.lab == lab && (mentorID == nil || mentorID == fellow.mentor)
                if !restates {
                    found.append(
                        r.issue(
                            "rule",
                            "\(fellow.id) is continuing in \(fellow.lab ?? "?") with \(fellow.mentor ?? "?"); this rule contradicts that",
                            hint: "a rule may name a continuing fellow only to restate where they are"))
                }
                continue
            }
            if kind == .lock {
                if !ranked.contains("\(fellow.id)\u{1}\(lab)") && tables["preferences.csv"] != nil {
                    found.append(
                        r.issue(
                            "lab", "\(fellow.id) is locked to lab \(lab), which they did not rank",
                            hint: "add \(fellow.id),\(lab) to preferences.csv, or remove the lock"))
                    continue
                }
                if let other = locks[fellow.id], other.lab != lab || other.mentor != mentorID {
                    found.append(
                        r.issue(
                            "lab",
                            "\(fellow.id) is already locked to \(other.lab)\(other.mentor.map { " with \($0)" } ?? "") on line \(other.line)",
                            hint: "keep one lock per fellow"))
                    continue
                }
                locks[fellow.id] = rule
            }
            list.append(rule)
        }
        issues += found
        for rule in list where rule.kind == .forbid {
            if let lock = locks[rule.fellow], lock.lab == rule.lab, rule.mentor == nil || rule.mentor == lock.mentor {
                issues.append(
                    ScenarioIssue(
                        file: "rules.csv", line: rule.line, column: "rule",
                        message: "forbids what line \(lock.line) locks for \(rule.fellow)",
                        hint: "remove either the lock or the forbid"))
            }
        }
        scenario.rules = list
    }

    mutating func readSessions() {
        guard tables["sessions.csv"] != nil else { return }
        var seen: [String: Int] = [:]
        var list: [SeminarSession] = []
        var found: [ScenarioIssue] = []
        for r in rowReaders("sessions.csv") {
            let before = found.count
            let id = r.id("id", &found)
            if let id { registered["sessions.csv", default: []].insert(id) }
            let date = date(r, "date", &found, required: true)
            let start = r.time("start", &found, example: "12:00"), end = r.time("end", &found, example: "13:00")
            if let start, let end, end <= start {
                found.append(
                    r.issue("end", "the session ends (\(end)) before it starts (\(start))", hint: "check start and end")
                )
            }
            let capacity = r.integer("capacity", &found, required: false, range: InputLimits.sessionCapacity) ?? 1
            let room = r.freeText("room", &found)
            guard found.count == before, let id, let date, let start, let end else { continue }
            if let first = seen[id] {
                found.append(
                    r.issue(
                        "id", "duplicate session id \"\(id)\" (first on line \(first))",
                        hint: "ids must be unique within the file"))
                continue
            }
            seen[id] = r.row.line
            list.append(
                SeminarSession(
                    id: id, date: date, start: start, end: end, room: room ?? "", capacity: capacity,
                    kinds: r.list("kinds"), line: r.row.line))
        }
        issues += found
        scenario.sessions = list
    }

    mutating func readAvailability() {
        let people = Set(scenario.fellows.map(\.id) + scenario.mentors.map(\.id) + scenario.faculty.map(\.id))
        let sessions = Set((scenario.sessions ?? []).map(\.id))
        var list: [Unavailability] = []
        var found: [ScenarioIssue] = []
        for r in rowReaders("availability.csv") {
            let before = found.count
            let person = r.id("person", &found)
            let dateText = r.text("date"), sessionID = r.id("session", &found, required: false)
            let dates = dates(r, "date", &found)
            let reason = r.freeText("reason", &found)
            if dateText == nil && sessionID == nil && r.text("session") == nil {
                found.append(
                    r.issue("date", "neither a date nor a session is given", hint: "fill in date, session, or both"))
            }
            if let person, !people.contains(person), checks("fellows.csv"), checks("mentors.csv"),
                checks("faculty.csv"), !isRegistered(person, in: "mentors.csv"),
                !isRegistered(person, in: "faculty.csv")
            {
                found.append(
                    r.issue(
                        "person", "unknown person \"\(person)\"",
                        hint: (Identifier.nearest(to: person, in: people).map { "did you mean \($0)? " }
                            ?? "")
                            + "it must be a fellow id, a mentor id or a faculty id"))
            }
            if let sessionID, !sessions.contains(sessionID), checks("sessions.csv"),
                !isRegistered(sessionID, in: "sessions.csv")
            {
                found.append(
                    r.issue(
                        "session", "unknown session \"\(sessionID)\"",
                        hint: tables["sessions.csv"] == nil
                            ? "the scenario has no sessions.csv" : "it must be an id in sessions.csv"))
            }
            guard found.count == before, let person else { continue }
            for date in dates?.map({ Optional($0) }) ?? [nil] {
                list.append(
                    Unavailability(
                        person: person, date: date, session: sessionID, reason: reason ?? "", line: r.row.line))
            }
        }
        issues += found
        scenario.availability = list
    }

    mutating func checkTracks() {
        guard tables["fellows.csv"] != nil else { return }
        let tracks = Set(scenario.fellows.map(\.track))
        for (name, limit) in scenario.settings.tracks.sorted(by: { $0.key < $1.key }) where !tracks.contains(name) {
            issues.append(
                ScenarioIssue(
                    file: "scenario.toml", line: limit.line, column: "tracks.\(name)",
                    message: "no fellow is in track \"\(name)\"",
                    hint: (Identifier.nearest(to: name, in: tracks).map { "did you mean \($0)? " } ?? "")
                        + "track names must match fellows.csv", severity: .warning))
        }
    }
}

extension ScenarioBuilder {
    /// `[funding] order` names sources of funding.csv, each once.
    mutating func checkFundingOrder() {
        let settings = scenario.settings.funding
        let ids = scenario.funding.map(\.id)
        let known = Set(ids)
        var seen: Set<String> = []
        for id in settings.order {
            var problem: (String, String)?
            if !known.contains(id) && tables["funding.csv"] != nil {
                problem = (
                    "unknown funding source \"\(id)\"",
                    (Identifier.nearest(to: id, in: ids).map { "did you mean \($0)? " } ?? "")
                        + "list ids of funding.csv"
                )
            } else if !seen.insert(id).inserted {
                problem = ("lists \"\(id)\" twice", "list each source once")
            }
            guard let (message, hint) = problem else { continue }
            issues.append(
                ScenarioIssue(
                    file: "scenario.toml", line: settings.orderLine, column: "funding.order", message: message,
                    hint: hint))
        }
    }

    /// A fellow's `cost`, else `[stipends] levels[experience] + other_costs`.
    func fellowCost(_ r: RowReader, experience: Int?, _ found: inout [ScenarioIssue]) -> Int? {
        let stipends = scenario.settings.stipends
        if r.text("cost") != nil || experience == nil || stipends.levels.isEmpty {
            let hint =
                stipends.levels.isEmpty
                ? "give the annual cost in dollars" : "give the annual cost in dollars, or the fellow's experience"
            if r.columns["cost"] == nil && r.columns["experience"] == nil { return nil }  // the header's problem
            if r.text("cost") == nil && r.columns["cost"] == nil {
                found.append(r.issue("cost", "a fellow needs a cost", hint: hint))
                return nil
            }
            return r.money("cost", &found, required: true)
        }
        return experience.map { stipends.cost(experience: $0) }
    }
}
