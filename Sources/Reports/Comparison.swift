import Domain
import Foundation
import PlacementSolver
import SeminarSolver

/// One column of a comparison: a scenario and its outcome.
public struct ComparedScenario: Sendable {
    public var label: String
    public var description: String
    /// The scenario solved (absent for a run read back from the history).
    public var scenario: Scenario?
    public var outcome: PlacementOutcome
    /// The thesis committees, when the scenario forms them and they were formed.
    public var committees: CommitteeOutcome?
    /// Names of its people, labs and sources.
    public var names: Directory

    public init(
        label: String, description: String, scenario: Scenario, outcome: PlacementOutcome,
        committees: CommitteeOutcome? = nil
    ) {
        self.label = label
        self.description = description
        self.scenario = scenario
        self.outcome = outcome
        self.committees = committees
        names = Directory(scenario)
    }

    /// A recorded outcome with the names it was recorded with.
    public init(label: String, description: String, outcome: PlacementOutcome, names: Directory) {
        self.label = label
        self.description = description
        scenario = nil
        self.outcome = outcome
        self.names = names
    }
}

/// A fellow whose placement or funding differs from the base's.
public struct FellowDiff: Sendable, Hashable, Encodable {
    public var fellow: String
    public var fellowName: String
    public var before: Place?
    public var after: Place?
    public var rankBefore: Int?
    public var rankAfter: Int?
    /// `source:amount;…` before and after, when the funding split changed.
    public var fundingBefore: String
    public var fundingAfter: String

    /// Lab or mentor changed (not only the funding).
    public var moved: Bool { Place.moved(from: before, to: after) }

    enum CodingKeys: String, CodingKey {
        case fellow, fellow_name, before, after, rank_before, rank_after, funding_before, funding_after
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(fellow, forKey: .fellow)
        try c.encode(fellowName, forKey: .fellow_name)
        try c.encode(before?.description ?? "not in the scenario", forKey: .before)
        try c.encode(after?.description ?? "not in the scenario", forKey: .after)
        try c.encode(rankBefore, forKey: .rank_before)
        try c.encode(rankAfter, forKey: .rank_after)
        try c.encode(fundingBefore, forKey: .funding_before)
        try c.encode(fundingAfter, forKey: .funding_after)
    }
}

/// One measure of the comparison: its text per column and, where it is a
/// number, the number (CSV and JSON carry numbers as numbers).
public struct Measure: Sendable {
    /// The full name (CSV, JSON, Markdown).
    public var name: String
    /// How the terminal table shows it (an item under a heading is indented).
    public var display: String
    public var text: [String]
    public var numbers: [Double?]
    /// A heading row of the terminal table only (e.g. a funding source's name).
    public var isHeading = false

    init(name: String, display: String? = nil, text: [String], numbers: [Double?], isHeading: Bool = false) {
        self.name = name
        self.display = display ?? name
        self.text = text
        self.numbers = numbers
        self.isHeading = isHeading
    }
}

/// The side-by-side comparison of a base and its what-ifs.
public struct Comparison: Sendable {
    public var columns: [ComparedScenario]
    public var measures: [Measure]
    /// Per what-if (columns 1...): fellows who move, or whose funding changes, relative to the base.
    public var diffs: [[FellowDiff]]
    /// Per what-if (columns 1...): continuing fellows whose thesis committee differs from the base's.
    public var committeeChanges: [[CommitteeChange]]
    let names: Directory

    public init(_ columns: [ComparedScenario]) {
        self.columns = columns
        var merged = Directory()
        for c in columns.reversed() { merged = merged.merging(c.names) }
        names = merged
        let outcomes = columns.map(\.outcome)
        var measures: [Measure] = []
        func number(
            _ name: String, display: String? = nil, _ value: (PlacementOutcome) -> Double?,
            _ text: (Double) -> String = NumberText.number
        ) {
            let values = outcomes.map { $0.hasPlacement ? value($0) : nil }
            measures.append(
                Measure(name: name, display: display, text: values.map { $0.map(text) ?? "-" }, numbers: values))
        }
        measures.append(
            Measure(name: "status", text: outcomes.map(\.status.rawValue), numbers: outcomes.map { _ in nil }))
        number("objective") { $0.objective }
        number("new fellows") { o in Double(o.placements.filter { $0.status != .continuing }.count) }
        number("first choices") { o in Double(o.rankProfile[1] ?? 0) }
        number(
            "first choices (share)",
            { o in
                let n = o.placements.filter { $0.status != .continuing }.count
                return n > 0 ? Double(o.rankProfile[1] ?? 0) / Double(n) : nil
            }, { NumberText.number($0 * 100) + " %" })
        let ranks = Set(outcomes.flatMap { $0.rankProfile.keys }).sorted()
        for rank in ranks { number("at \(NumberText.ordinal(rank)) choice") { o in Double(o.rankProfile[rank] ?? 0) } }
        number("worst rank") { o in o.rankProfile.keys.max().map(Double.init) }
        number("unplaced") { o in Double(o.unplaced.count) }
        number("mentors at capacity") { o in Double(o.mentorLoads.filter(\.isFull).count) }
        number("labs at capacity") { o in Double(o.labLoads.filter(\.isFull).count) }
        // Blocking pairs need the scenario (ranks): a run read back from the history has none here.
        let blocking: [Double?] = columns.map { c in
            guard let s = c.scenario, c.outcome.hasPlacement else { return nil }
            return Double(BlockingPairs.find(s, c.outcome).filter { $0.kind == .blocks }.count)
        }
        measures.append(
            Measure(name: "blocking pairs", text: blocking.map { $0.map(NumberText.number) ?? "-" }, numbers: blocking))
        var sources: [String] = []
        for o in outcomes { for b in o.budgets where !sources.contains(b.source) { sources.append(b.source) } }
        let money: (Double) -> String = { MoneyText.cents(Int(($0 * 100).rounded())) }
        for source in sources {
            let name = merged.sourceName(source)
            measures.append(
                Measure(name: name, text: columns.map { _ in "" }, numbers: columns.map { _ in nil }, isHeading: true))
            number(
                "\(name): used", display: "  used",
                { o in o.budgets.first { $0.source == source }.map { Double($0.usedCents) / 100 } }, money)
            number(
                "\(name): left", display: "  left",
                { o in o.budgets.first { $0.source == source }.map { Double($0.leftCents) / 100 } }, money)
        }
        let base = outcomes.first
        diffs = outcomes.dropFirst().map { Comparison.diff(base, $0, names: merged) }
        let moved = [nil] + diffs.map { Double($0.filter(\.moved).count) }
        measures.append(
            Measure(name: "fellows moved vs base", text: moved.map { $0.map(NumberText.number) ?? "-" }, numbers: moved)
        )
        committeeChanges = columns.dropFirst().map { c in
            guard let first = columns.first, let a = first.committees, let sa = first.scenario,
                let b = c.committees, let sb = c.scenario
            else { return [] }
            return CommitteeChange.changes((a, sa), (b, sb), names: merged)
        }
        measures += CommitteeComparison.measures(columns, changes: committeeChanges)
        self.measures = measures
    }

    static func diff(_ base: PlacementOutcome?, _ other: PlacementOutcome, names: Directory) -> [FellowDiff] {
        guard let base, base.hasPlacement, other.hasPlacement else { return [] }
        let before = Dictionary(base.placements.map { ($0.fellow, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(other.placements.map { ($0.fellow, $0) }, uniquingKeysWith: { a, _ in a })
        let ids = base.placements.map(\.fellow) + other.placements.map(\.fellow).filter { before[$0] == nil }
        func place(_ p: FellowPlacement?) -> Place? { p.map(Place.init(of:)) }
        func funding(_ p: FellowPlacement?) -> String {
            (p?.funding ?? []).map { "\($0.source):\(MoneyText.plain(cents: $0.cents))" }.joined(separator: ";")
        }
        return ids.compactMap { id in
            let b = before[id], a = after[id]
            guard Place.moved(from: place(b), to: place(a)) || funding(b) != funding(a) else { return nil }
            return FellowDiff(
                fellow: id, fellowName: names.fellowName(id), before: place(b), after: place(a), rankBefore: b?.rank,
                rankAfter: a?.rank, fundingBefore: funding(b), fundingAfter: funding(a))
        }
    }

    // MARK: Rendering

    /// Text tables at most `width` columns wide: the scenario columns are
    /// split over several tables when they do not fit.
    public func table(width: Int = TextLayout.width) -> String {
        let nameWidth = min(max(measures.filter { !$0.isHeading }.map(\.display.count).max() ?? 10, 10), 30)
        let cellWidth = 14
        let perTable = max(1, (width - nameWidth - 2) / (cellWidth + 2))
        var out: [String] = []
        var start = 0
        while start < columns.count {
            let range = start..<min(columns.count, start + perTable)
            func line(_ name: String, _ cells: [String]) -> String {
                var text =
                    TextLayout.pad(TextLayout.clip(name, nameWidth), nameWidth) + "  "
                    + cells.map { TextLayout.lpad(TextLayout.clip($0, cellWidth), cellWidth) }.joined(separator: "  ")
                while text.hasSuffix(" ") { text.removeLast() }
                return text
            }
            out.append(line("", range.map { columns[$0].label }))
            out.append(String(repeating: "-", count: min(width, nameWidth + 2 + range.count * (cellWidth + 2) - 2)))
            for m in measures {
                if m.isHeading {
                    out += TextLayout.wrap(m.display, width: width, indent: "  ")
                } else {
                    out.append(line(m.display, range.map { m.text[$0] }))
                }
            }
            out.append("")
            start += perTable
        }
        return out.joined(separator: "\n")
    }

    /// One fellow's difference in words: "Priya Raman (f001): Clinical NLP
    /// Lab, Dr. Chidi Okafor → unplaced, 1st → -".
    func sentence(_ f: FellowDiff) -> String {
        var text = "\(names.fellow(f.fellow)): "
        if f.moved {
            text +=
                "\(f.before.map(names.place) ?? "not in the base") → \(f.after.map(names.place) ?? "no longer in the program")"
            switch (f.rankBefore, f.rankAfter) {
            case (let b?, let a?) where a != b: text += ", \(NumberText.ordinal(b)) → \(NumberText.ordinal(a)) choice"
            case (let b?, let a?) where a == b: text += ", same rank"
            default: break
            }
        } else {
            text += "funding \(fundingWords(f.fundingBefore)) → \(fundingWords(f.fundingAfter))"
        }
        return text
    }

    /// `src:123;pool:4` as "NLM T15 training grant $123, pool $4".
    func fundingWords(_ encoded: String) -> String {
        guard !encoded.isEmpty else { return "none" }
        return encoded.split(separator: ";").map { part -> String in
            let pieces = part.split(separator: ":")
            guard pieces.count == 2, let dollars = Double(pieces[1]) else { return String(part) }
            return "\(names.sourceName(String(pieces[0]))) \(MoneyText.cents(Int((dollars * 100).rounded())))"
        }.joined(separator: ", ")
    }

    /// The per-fellow differences in plain lines, within 80 columns.
    public func diffLines() -> [String] {
        var out: [String] = []
        for (k, d) in diffs.enumerated() {
            let c = columns[k + 1]
            let moved = d.filter(\.moved).count, paid = d.count - moved
            var head = "\(c.label): "
            if !c.outcome.hasPlacement {
                head += "no placement (\(c.outcome.status.rawValue))"
            } else if d.isEmpty {
                head += "nobody moves and no funding changes"
            } else {
                head += moved == 0 ? "nobody moves" : "\(moved) fellow\(moved == 1 ? "" : "s") move"
                if paid > 0 { head += "; \(paid) fellow\(paid == 1 ? "'s" : "s'") funding changes" }
            }
            head += committeeHead(k)
            out += TextLayout.wrap(head, indent: "  ")
            for f in d { out += TextLayout.wrap(sentence(f), first: "  - ", indent: "    ") }
            for line in committeeSentences(k) { out += TextLayout.wrap(line, first: "  - ", indent: "    ") }
        }
        return out
    }

    /// "; 2 thesis committees change", or nothing when none changes.
    func committeeHead(_ k: Int) -> String {
        let n = committeeChanges[k].count
        return n == 0 ? "" : "; \(n) thesis committee\(n == 1 ? " changes" : "s change")"
    }

    /// One sentence per continuing fellow whose committee changes in what-if `k`.
    public func committeeSentences(_ k: Int) -> [String] {
        committeeChanges[k].map {
            CommitteeComparison.sentence($0, base: columns.first?.scenario, other: columns[k + 1].scenario)
        }
    }

    /// Why a variant has no placement: its diagnosis (pre-check findings or
    /// the limits that must give), one list per such variant.
    public func reasons(_ c: ComparedScenario) -> [String] {
        guard !c.outcome.hasPlacement else { return [] }
        guard let d = c.outcome.diagnosis else { return [Wording.status(c.outcome, time: false)] }
        return [d.summary] + d.lines
    }

    /// The terminal's notes: why each variant without a placement has none.
    public func noteLines() -> [String] {
        var out: [String] = []
        for c in columns where !c.outcome.hasPlacement {
            let why = reasons(c)
            out += TextLayout.wrap("\(c.label): " + (why.first ?? ""), indent: "  ")
            for line in why.dropFirst() { out += TextLayout.wrap(line, first: "  - ", indent: "    ") }
        }
        return out
    }

    public func descriptions() -> [String] {
        columns.flatMap { TextLayout.wrap("\($0.label): \($0.description)", indent: "  ") }
    }

    public func markdown() -> String {
        func cell(_ s: String) -> String { MarkdownText.escape(s) }
        var md = ["# Comparison", ""]
        for (k, c) in columns.enumerated() {
            md.append("- **\(cell(c.label))**\(k == 0 ? " (base)" : ""): \(cell(c.description))")
        }
        md += [
            "", "| measure | " + columns.map { cell($0.label) }.joined(separator: " | ") + " |",
            "| --- |" + String(repeating: " ---: |", count: columns.count)
        ]
        for m in measures where !m.isHeading {
            md.append("| \(cell(m.name)) | " + m.text.map(cell).joined(separator: " | ") + " |")
        }
        let unplaceable = columns.filter { !$0.outcome.hasPlacement }
        if !unplaceable.isEmpty {
            md += ["", "## Why some variants have no placement", ""]
            for c in unplaceable {
                let why = reasons(c)
                md.append("- **\(cell(c.label))**: \(cell(why.first ?? ""))")
                for line in why.dropFirst() { md.append("  - \(cell(line))") }
            }
        }
        md += ["", "## Who moves, and whose funding changes", ""]
        for (k, d) in diffs.enumerated() {
            md.append("### \(cell(columns[k + 1].label))")
            md.append("")
            if d.isEmpty {
                md.append(
                    columns[k + 1].outcome.hasPlacement ? "Nobody moves and no funding changes." : "No placement.")
            } else {
                for f in d { md.append("- " + cell(sentence(f))) }
            }
            let committees = committeeSentences(k)
            if !committees.isEmpty {
                md += ["", "Thesis committees that change:", ""] + committees.map { "- " + cell($0) }
            }
            md.append("")
        }
        return md.joined(separator: "\n")
    }

    /// `scenario,measure,value`: `value` is a plain number for every measure
    /// that is one (money in dollars, shares as fractions), and text only for
    /// the measures that are words (`status`, `why no placement`).
    public func csv() -> String {
        var body: [[String]] = []
        for m in measures where !m.isHeading {
            for k in columns.indices {
                let isText = m.numbers.allSatisfy { $0 == nil } && m.text.contains { $0 != "-" }
                body.append([columns[k].label, m.name, isText ? m.text[k] : m.numbers[k].map(Self.csvNumber) ?? ""])
            }
        }
        for c in columns where !c.outcome.hasPlacement {
            body.append([c.label, "why no placement", reasons(c).joined(separator: " ")])
        }
        return CSVText.render(header: ["scenario", "measure", "value"], rows: body)
    }

    /// A number for CSV: no grouping, no currency sign, at most 6 decimals.
    static func csvNumber(_ v: Double) -> String {
        guard v.isFinite else { return "" }
        if v == v.rounded() && abs(v) < 1e15 { return String(Int(v)) }
        var s = String((v * 1e6).rounded() / 1e6)
        if s.hasSuffix(".0") { s.removeLast(2) }
        return s
    }

    public func json() throws -> String {
        struct Column: Encodable {
            var label: String
            var description: String
            var status: String
            var objective: Double?
            var rank_profile: [String: Int]
            var unplaced: [String]
            var measures: [String: Double?]
            var moves: [FellowDiff]?
            var committee_changes: [CommitteeChange]?
            var why_no_placement: [String]?
        }
        let items = columns.enumerated().map { k, c in
            Column(
                label: c.label, description: c.description, status: c.outcome.status.rawValue,
                objective: c.outcome.objective?.meaningfulValue,
                rank_profile: Dictionary(
                    uniqueKeysWithValues: c.outcome.rankProfile.map { (String($0.key), $0.value) }),
                unplaced: c.outcome.unplaced,
                measures: Dictionary(
                    measures.filter { $0.name != "status" && !$0.isHeading }.map { ($0.name, $0.numbers[k]) },
                    uniquingKeysWith: { a, _ in a }),
                moves: k == 0 ? nil : diffs[k - 1],
                committee_changes: k == 0 || c.committees == nil ? nil : committeeChanges[k - 1],
                why_no_placement: c.outcome.hasPlacement ? nil : reasons(c))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(items), as: UTF8.self) + "\n"
    }
}

extension Double {
    /// Finite values only (JSON has no NaN or infinity).
    var meaningfulValue: Double? { isFinite ? self : nil }
}

extension Wording {
    /// A comparison in one sentence, for a page that links to it.
    public static func comparedSideBySide(_ c: Comparison) -> String {
        let whatIfs = max(c.columns.count - 1, 0)
        let names = c.columns.dropFirst().map(\.label).joined(separator: ", ")
        return "The program and \(whatIfs) what-if\(whatIfs == 1 ? "" : "s") (\(names)) solved side by side."
    }
}
