import Domain
import Foundation
import PlacementSolver

/// One column of a comparison: a scenario and its outcome.
public struct ComparedScenario: Sendable {
    public var label: String
    public var description: String
    public var scenario: Scenario
    public var outcome: PlacementOutcome

    public init(label: String, description: String, scenario: Scenario, outcome: PlacementOutcome) {
        self.label = label
        self.description = description
        self.scenario = scenario
        self.outcome = outcome
    }
}

/// A fellow whose placement differs from the base's.
public struct FellowDiff: Sendable, Hashable, Encodable {
    public var fellow: String
    public var before: String
    public var after: String
    public var rank_before: Int?
    public var rank_after: Int?
}

/// The side-by-side comparison of a base and its what-ifs.
public struct Comparison {
    public var columns: [ComparedScenario]
    /// Rows of measures: name and one value per column.
    public var rows: [(String, [String])]
    /// Per what-if (columns 1...): fellows who move relative to the base.
    public var diffs: [[FellowDiff]]

    public init(_ columns: [ComparedScenario]) {
        self.columns = columns
        let outcomes = columns.map(\.outcome)
        var rows: [(String, [String])] = []
        func row(_ name: String, _ value: (PlacementOutcome) -> String) { rows.append((name, outcomes.map(value))) }
        row("status") { $0.status.rawValue }
        row("objective") { $0.objective.map(NumberText.number) ?? "-" }
        row("new fellows") { o in o.hasPlacement ? "\(o.placements.filter { $0.status != .continuing }.count)" : "-" }
        row("first choices") { o in
            let n = o.placements.filter { $0.status != .continuing }.count
            let first = o.rankProfile[1] ?? 0
            return o.hasPlacement && n > 0 ? "\(first) (\(Int((Double(first) / Double(n) * 100).rounded())) %)" : "-"
        }
        row("rank profile") { o in o.hasPlacement ? o.rankProfile.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: " ") : "-" }
        row("worst rank") { o in o.rankProfile.keys.max().map(String.init) ?? "-" }
        row("unplaced") { o in o.hasPlacement ? "\(o.unplaced.count)" : "-" }
        row("mentors at capacity") { o in o.hasPlacement ? "\(o.mentorLoads.filter { $0.total >= $0.capacity && $0.total > 0 }.count)" : "-" }
        row("labs at capacity") { o in o.hasPlacement ? "\(o.labLoads.filter { $0.total >= $0.capacity && $0.total > 0 }.count)" : "-" }
        let sources = Array(Set(outcomes.flatMap { $0.budgets.map(\.source) })).sorted()
        for source in sources {
            row("\(source) used") { o in o.budgets.first { $0.source == source }.map { Money.format(cents: $0.usedCents) } ?? "-" }
            row("\(source) left") { o in o.budgets.first { $0.source == source }.map { Money.format(cents: $0.leftCents) } ?? "-" }
        }
        let base = outcomes.first
        diffs = outcomes.dropFirst().map { Comparison.diff(base, $0) }
        var moved = ["-"]
        moved += diffs.map { "\($0.count)" }
        rows.append(("fellows moved vs base", moved))
        self.rows = rows
    }

    static func place(_ p: FellowPlacement?) -> String {
        guard let p else { return "not in the scenario" }
        if p.status == .unplaced { return "unplaced" }
        return "\(p.lab ?? "-")/\(p.mentor ?? "-")"
    }

    static func diff(_ base: PlacementOutcome?, _ other: PlacementOutcome) -> [FellowDiff] {
        guard let base, base.hasPlacement, other.hasPlacement else { return [] }
        let before = Dictionary(base.placements.map { ($0.fellow, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(other.placements.map { ($0.fellow, $0) }, uniquingKeysWith: { a, _ in a })
        let ids = base.placements.map(\.fellow) + other.placements.map(\.fellow).filter { before[$0] == nil }
        return ids.compactMap { id in
            let b = before[id], a = after[id]
            guard place(b) != place(a) else { return nil }
            return FellowDiff(fellow: id, before: place(b), after: place(a), rank_before: b?.rank, rank_after: a?.rank)
        }
    }

    // MARK: Rendering

    /// Text tables at most `width` columns wide: the scenario columns are
    /// split over several tables when they do not fit.
    public func table(width: Int = 100) -> String {
        let nameWidth = min(max(rows.map(\.0.count).max() ?? 10, 10), 26)
        let cellWidth = 14
        let perTable = max(1, (width - nameWidth - 2) / (cellWidth + 2))
        var out: [String] = []
        var start = 0
        while start < columns.count {
            let range = start..<min(columns.count, start + perTable)
            func line(_ name: String, _ cells: [String]) -> String {
                var text = pad(name, nameWidth) + "  " + cells.map { pad(clip($0, cellWidth), cellWidth) }.joined(separator: "  ")
                while text.hasSuffix(" ") { text.removeLast() }
                return text
            }
            out.append(line("", range.map { clip(columns[$0].label, cellWidth) }))
            out.append(String(repeating: "-", count: min(width, nameWidth + 2 + range.count * (cellWidth + 2) - 2)))
            for (name, values) in rows { out.append(line(name, range.map { values[$0] })) }
            out.append("")
            start += perTable
        }
        return out.joined(separator: "\n")
    }

    func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s : s + String(repeating: " ", count: w - s.count) }
    func clip(_ s: String, _ w: Int) -> String { s.count <= w ? s : String(s.prefix(w - 1)) + "…" }

    /// The per-fellow differences in plain lines.
    public func diffLines() -> [String] {
        var out: [String] = []
        for (k, d) in diffs.enumerated() {
            let c = columns[k + 1]
            out.append("\(c.label): \(d.isEmpty ? "nobody moves" : "\(d.count) fellow\(d.count == 1 ? "" : "s") move")")
            for f in d {
                let change: String
                switch (f.rank_before, f.rank_after) {
                case let (b?, a?) where a != b: change = ", rank \(b) → \(a)"
                case let (b?, a?) where a == b: change = ", same rank"
                default: change = ""
                }
                out.append("  \(f.fellow): \(f.before) → \(f.after)\(change)")
            }
        }
        return out
    }

    public func descriptions() -> [String] {
        columns.map { "\($0.label): \($0.description)" }
    }

    public func markdown() -> String {
        var md = ["# Comparison", ""]
        for (k, c) in columns.enumerated() { md.append("- **\(c.label)**\(k == 0 ? " (base)" : ""): \(c.description)") }
        md += ["", "| measure | " + columns.map(\.label).joined(separator: " | ") + " |",
               "| --- |" + String(repeating: " --- |", count: columns.count)]
        for (name, values) in rows { md.append("| \(name) | " + values.joined(separator: " | ") + " |") }
        md += ["", "## Who moves", ""]
        for (k, d) in diffs.enumerated() {
            md.append("### \(columns[k + 1].label)")
            md.append("")
            if d.isEmpty { md.append("Nobody moves.") } else {
                md.append("| fellow | base | \(columns[k + 1].label) | rank |")
                md.append("| --- | --- | --- | --- |")
                for f in d {
                    md.append("| \(f.fellow) | \(f.before) | \(f.after) | \(f.rank_before.map(String.init) ?? "-") → \(f.rank_after.map(String.init) ?? "-") |")
                }
            }
            md.append("")
        }
        return md.joined(separator: "\n")
    }

    public func csv() -> String {
        var body: [[String]] = []
        for (name, values) in rows {
            for (k, v) in values.enumerated() { body.append([columns[k].label, name, v]) }
        }
        return CSVText.render(header: ["scenario", "measure", "value"], rows: body)
    }

    public func json() throws -> String {
        struct Column: Encodable {
            var label: String
            var description: String
            var status: String
            var objective: Double?
            var rank_profile: [String: Int]
            var unplaced: [String]
            var measures: [String: String]
            var moves: [FellowDiff]?
        }
        let items = columns.enumerated().map { k, c in
            Column(label: c.label, description: c.description, status: c.outcome.status.rawValue, objective: c.outcome.objective,
                   rank_profile: Dictionary(uniqueKeysWithValues: c.outcome.rankProfile.map { (String($0.key), $0.value) }),
                   unplaced: c.outcome.unplaced, measures: Dictionary(rows.map { ($0.0, $0.1[k]) }, uniquingKeysWith: { a, _ in a }),
                   moves: k == 0 ? nil : diffs[k - 1])
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(items), as: UTF8.self) + "\n"
    }
}
