import Foundation

/// A row of an earlier run's `schedule.csv` (for re-planning with minimal change).
public struct PreviousTalk: Sendable, Hashable {
    public var session: String
    public var fellow: String
    public var kind: String
    public var line: Int
    /// When and where it was (or was to be) held, and the fellow's mentor, as
    /// the earlier schedule says: a talk that was held stays in the schedule,
    /// and a cancelled one is announced, even if its session or presenter is
    /// gone from the scenario since.
    public var date: CalendarDate?
    public var start: TimeOfDay?
    public var end: TimeOfDay?
    public var room: String = ""
    public var mentor: String?
    /// The `SEQUENCE` its calendar event was published with (1 when the file
    /// has no `sequence` column: earlier versions wrote moved talks with 1).
    public var sequence = 0

    public init(
        session: String, fellow: String, kind: String, line: Int = 0, date: CalendarDate? = nil,
        start: TimeOfDay? = nil,
        end: TimeOfDay? = nil, room: String = "", mentor: String? = nil, sequence: Int = 0
    ) {
        self.session = session
        self.fellow = fellow
        self.kind = kind
        self.line = line
        self.date = date
        self.start = start
        self.end = end
        self.room = room
        self.mentor = mentor
        self.sequence = sequence
    }
}

/// A row of an earlier run's `placements.csv` (for re-matching with minimal change).
public struct PreviousPlacement: Sendable, Hashable {
    public var fellow: String
    public var status: PlacementStanding
    public var lab: String?
    public var mentor: String?
    public var line: Int
    /// What each source paid the fellow, when the earlier run says: the
    /// funding split keeps these sources where it may, and a withdrawn
    /// fellow's months before they left stay spent from them.
    public var funding: [PaidShare]?
    /// The sources that paid the fellow, when known.
    public var sources: [String]? { funding?.map(\.source) }

    public init(
        fellow: String, status: PlacementStanding, lab: String?, mentor: String?, line: Int = 0,
        funding: [PaidShare]? = nil
    ) {
        self.fellow = fellow
        self.status = status
        self.lab = lab
        self.mentor = mentor
        self.line = line
        self.funding = funding
    }

    public init(fellow: String, status: PlacementStanding, lab: String?, mentor: String?, sources: [String]) {
        self.init(
            fellow: fellow, status: status, lab: lab, mentor: mentor,
            funding: sources.map { PaidShare(source: $0, cents: 0) })
    }
}

/// What one source paid one fellow in an earlier run, in cents.
public struct PaidShare: Sendable, Hashable {
    public var source: String
    public var cents: Int

    public init(source: String, cents: Int) {
        self.source = source
        self.cents = cents
    }
}

/// Reads output files of an earlier run, with the same located errors as a scenario.
public enum PreviousRun {
    public static func schedule(at url: URL) throws(ScenarioError) -> [PreviousTalk] {
        typealias C = OutputColumns.Schedule
        let table = try load(url, required: [C.session, C.fellow, C.kind])
        var issues: [ScenarioIssue] = []
        var result: [PreviousTalk] = []
        let columns = table.columns
        for row in table.rows {
            let r = RowReader(table: table, row: row, columns: columns)
            // A file without the column is from an earlier version, which
            // published moved talks with SEQUENCE 1: count its talks as 1.
            let sequence =
                columns[C.sequence] == nil
                ? 1 : r.integer(C.sequence, &issues, required: false, range: InputLimits.sequence)
            guard let s = r.required(C.session, &issues), let f = r.required(C.fellow, &issues),
                let k = r.required(C.kind, &issues)
            else { continue }
            result.append(
                PreviousTalk(
                    session: s, fellow: f, kind: k, line: row.line, date: r.text(C.date).flatMap(CalendarDate.init),
                    start: r.text(C.start).flatMap { TimeOfDay($0) }, end: r.text(C.end).flatMap { TimeOfDay($0) },
                    room: r.text(C.room) ?? "", mentor: r.text(C.mentor), sequence: sequence ?? 0))
        }
        if !issues.isEmpty { throw ScenarioError(issues: issues) }
        return result
    }

    public static func placements(at url: URL) throws(ScenarioError) -> [PreviousPlacement] {
        typealias C = OutputColumns.Placements
        let table = try load(url, required: [C.fellow, C.status, C.lab, C.mentor])
        var issues: [ScenarioIssue] = []
        var result: [PreviousPlacement] = []
        let columns = table.columns
        for row in table.rows {
            let r = RowReader(table: table, row: row, columns: columns)
            guard let f = r.required(C.fellow, &issues),
                let st = r.choice(C.status, &issues, as: PlacementStanding.self, required: true)
            else { continue }
            // `source:amount;source:amount`: the sources are what the split keeps.
            let sources = columns[C.funding] == nil ? nil : r.list(C.funding).map(Self.paidShare)
            result.append(
                PreviousPlacement(
                    fellow: f, status: st, lab: r.text(C.lab), mentor: r.text(C.mentor), line: row.line,
                    funding: sources))
        }
        if !issues.isEmpty { throw ScenarioError(issues: issues) }
        return result
    }

    /// `source:amount` (dollars, cents when needed) as a share; an unreadable amount counts 0.
    static func paidShare(_ item: String) -> PaidShare {
        let parts = item.split(separator: ":", maxSplits: 1)
        let dollars = parts.count == 2 ? Double(parts[1]) ?? 0 : 0
        return PaidShare(source: String(parts.first ?? ""), cents: Int((dollars * 100).rounded()))
    }

    static func load(_ url: URL, required: [String]) throws(ScenarioError) -> CSVTable {
        let name = url.path
        let text = try InputFile.required(url, as: name, hint: "give the file an earlier run wrote")
        var issues: [ScenarioIssue] = []
        guard var table = CSVTable.parse(text, file: name, issues: &issues) else {
            throw ScenarioError(issues: issues)
        }
        let missing = required.filter { table.columns[$0] == nil }
        issues += missing.map {
            ScenarioIssue(
                file: name, line: 1, column: $0, message: "the column is missing",
                hint: "give the file an earlier run wrote")
        }
        if !issues.filter({ $0.severity == .error }).isEmpty { throw ScenarioError(issues: issues) }
        for i in table.rows.indices { table.rows[i].fields = table.rows[i].fields.map(SpreadsheetSafety.restore) }
        return table
    }
}
