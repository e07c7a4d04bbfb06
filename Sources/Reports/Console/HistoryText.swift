import Domain
import Foundation
import PlacementSolver
import RunHistory

/// How the history reads in a terminal (80 columns) and as JSON.
public enum HistoryText {
    public static func table(_ runs: [RunRecord]) -> [String] {
        var lines = ["  run  recorded (UTC)     intake          status     placed  1st   official"]
        for r in runs {
            let new = r.placements.filter { $0.status != .continuing }
            let placed = new.filter { $0.status == .new }.count
            let first = new.filter { $0.rank == 1 }.count
            let official = r.isOfficial ? "yes" : r.replacedAt != nil ? "replaced" : ""
            lines.append(
                TextLayout.lpad("\(r.id)", 5) + "  "
                    + TextLayout.pad(String(r.recordedAt.prefix(16)).replacingOccurrences(of: "T", with: " "), 17)
                    + "  " + TextLayout.pad(TextLayout.clip(r.intakeKey, 14), 14) + "  "
                    + TextLayout.pad(TextLayout.clip(r.status, 9), 9)
                    + "  " + TextLayout.lpad("\(placed)/\(new.count)", 6) + "  " + TextLayout.lpad("\(first)", 4)
                    + "   " + official)
        }
        return lines
    }

    public static func show(_ r: RunRecord) -> [String] {
        let names = r.directory
        var lines = TextLayout.wrap(
            "Run \(r.id): \(r.scenarioName)" + (r.intake.map { " (\($0))" } ?? "") + ", recorded \(r.recordedAt)",
            indent: "  ")
        lines += TextLayout.wrap(
            "Status \(r.status), \(r.objectiveKind) objective \(r.objective.map(NumberText.number) ?? "none"); FellowMatch \(r.version); inputs \(r.inputHash).",
            first: "  ", indent: "    ")
        lines += TextLayout.wrap("Settings: \(r.settings)", first: "  ", indent: "    ")
        lines += TextLayout.wrap("Scenario folder: \(r.scenarioPath)", first: "  ", indent: "    ")
        if let p = r.publishedAt {
            lines += TextLayout.wrap("Official match since \(p): \(r.publishNote ?? "")", first: "  ", indent: "    ")
        }
        if let x = r.replacedAt {
            lines += TextLayout.wrap(
                "Replaced on \(x) by run \(r.replacedBy.map(String.init) ?? "?"): \(r.replacedNote ?? "")", first: "  ",
                indent: "    ")
        }
        lines.append("")
        lines.append("Placements:")
        for p in r.placements {
            let place = p.lab == nil ? p.status.rawValue : names.place(lab: p.lab, mentor: p.mentor)
            let rank =
                p.rank.map { ", \(NumberText.ordinal($0)) choice" } ?? (p.status == .continuing ? ", continuing" : "")
            let paid = p.funding.map { "\(names.sourceName($0.source)) \(MoneyText.cents($0.cents))" }.joined(
                separator: ", ")
            lines += TextLayout.wrap(
                "\(names.fellow(p.fellow)) → \(place)\(rank)" + (paid.isEmpty ? "" : "; paid by \(paid)"), first: "  ",
                indent: "      ")
        }
        if !r.talks.isEmpty {
            lines.append("")
            lines.append("Seminar schedule (\(r.talks.count) talks):")
            for t in r.talks {
                lines += TextLayout.wrap(
                    "\(t.date) \(t.start) \(names.fellowName(t.fellow)), \(Wording.talkTitle(t.kind).lowercased())"
                        + (t.room.isEmpty ? "" : ", \(t.room)"),
                    first: "  ", indent: "      ")
            }
        }
        lines += committeeLines(r)
        return lines
    }

    /// A recorded run's thesis committees (one line per fellow: each member
    /// with their seat) and defenses (date, time, room), when it has them.
    static func committeeLines(_ r: RunRecord) -> [String] {
        let names = r.directory
        let faculty = r.names["faculty"] ?? [:]
        func member(_ id: String) -> String {
            Directory.named(r.names["mentor"]?[id] ?? faculty[id], id)
        }
        var lines: [String] = []
        let byFellow = Dictionary(grouping: r.committees, by: \.fellow)
        let fellows = r.committees.map(\.fellow).reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
        if !fellows.isEmpty {
            lines += ["", "Thesis committees (\(fellows.count)):"]
            for f in fellows {
                let seats = (byFellow[f] ?? []).map {
                    "\(member($0.member)), \($0.role == "external" ? "external member" : $0.role)"
                        + ($0.chair ? ", chair" : "")
                }
                lines += TextLayout.wrap(
                    "\(names.fellow(f)): \(seats.joined(separator: "; "))", first: "  ", indent: "      ")
            }
        }
        if !r.defenses.isEmpty {
            lines += ["", "Thesis defenses (\(r.defenses.count)):"]
            for d in r.defenses {
                lines += TextLayout.wrap(
                    "\(d.date) \(d.start)–\(d.end) \(names.fellowName(d.fellow))"
                        + (d.room.isEmpty ? "" : ", \(d.room)"),
                    first: "  ", indent: "      ")
            }
        }
        return lines
    }

    /// The per-fellow differences, exactly as `compare` writes them.
    public static func diff(_ a: RunRecord, _ b: RunRecord) -> [String] {
        let comparison = Comparison([
            ComparedScenario(label: "run \(a.id)", description: a.scenarioName, outcome: a.outcome, names: a.directory),
            ComparedScenario(label: "run \(b.id)", description: b.scenarioName, outcome: b.outcome, names: b.directory)
        ])
        return comparison.diffLines()
    }

    /// The thesis committees and defenses that differ between two runs, one
    /// line per fellow: "Yuki Tanaka (f101): committee changed (left: c01;
    /// joined: c03)", "… defense moved from 2027-06-01 11:00 to 2027-06-03
    /// 14:00", "… no defense now"; nothing when neither run has any.
    public static func committeeDiff(_ a: RunRecord, _ b: RunRecord) -> [String] {
        guard !(a.committees.isEmpty && b.committees.isEmpty && a.defenses.isEmpty && b.defenses.isEmpty) else {
            return []
        }
        let names = b.directory
        let before = Dictionary(grouping: a.committees, by: \.fellow),
            after = Dictionary(grouping: b.committees, by: \.fellow)
        let slotsA = Dictionary(a.defenses.map { ($0.fellow, $0) }, uniquingKeysWith: { x, _ in x })
        let slotsB = Dictionary(b.defenses.map { ($0.fellow, $0) }, uniquingKeysWith: { x, _ in x })
        func slot(_ d: RecordedDefense) -> String { "\(d.date) \(d.start)" + (d.room.isEmpty ? "" : ", \(d.room)") }
        var out: [String] = []
        let fellows =
            (a.committees.map(\.fellow) + b.committees.map(\.fellow) + a.defenses.map(\.fellow)
            + b.defenses.map(\.fellow)).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        for f in fellows {
            var parts: [String] = []
            let was = before[f] ?? [], now = after[f] ?? []
            if was != now {
                let left = was.filter { s in !now.contains { $0.member == s.member } }.map(\.member)
                let joined = now.filter { s in !was.contains { $0.member == s.member } }.map(\.member)
                if was.isEmpty {
                    parts.append("committee formed")
                } else if now.isEmpty {
                    parts.append("no committee now")
                } else {
                    parts.append(
                        "committee changed"
                            + (left.isEmpty && joined.isEmpty
                                ? " (roles or chair)"
                                : " (left: \(left.isEmpty ? "none" : left.joined(separator: ", ")); joined: "
                                    + "\(joined.isEmpty ? "none" : joined.joined(separator: ", ")))"))
                }
            }
            switch (slotsA[f], slotsB[f]) {
            case (let x?, let y?) where slot(x) != slot(y): parts.append("defense moved from \(slot(x)) to \(slot(y))")
            case (_?, nil): parts.append("no defense now")
            case (nil, let y?): parts.append("defense added at \(slot(y))")
            default: break
            }
            if !parts.isEmpty {
                out += TextLayout.wrap(
                    "\(names.fellow(f)): \(parts.joined(separator: "; "))", first: "  - ", indent: "    ")
            }
        }
        return out.isEmpty ? ["Committees and defenses: none changed."] : ["Committees and defenses:"] + out
    }

    /// The talks moved, cancelled or added between two runs, one line each
    /// (wrapped to 80 columns); "Talks: none moved or cancelled." when none.
    public static func talkDiff(_ a: RunRecord, _ b: RunRecord) -> [String] {
        let changes = RunChanges(a, b)
        guard !(a.talks.isEmpty && b.talks.isEmpty) else { return [] }
        guard !changes.talks.isEmpty else { return ["Talks: none moved, cancelled or added."] }
        let moved = changes.talks.filter { $0.kind == .moved }.count
        let cancelled = changes.talks.filter { $0.kind == .cancelled }.count
        let added = changes.talks.count - moved - cancelled
        var lines = TextLayout.wrap("Talks: \(moved) moved, \(cancelled) cancelled, \(added) added", indent: "  ")
        for t in changes.talks { lines += TextLayout.wrap(changes.talk(t), first: "  - ", indent: "    ") }
        return lines
    }

    public static func json(_ runs: [RunRecord]) throws -> String {
        struct Item: Encodable {
            var id: Int64, recorded_at: String, scenario: String, scenario_path: String, intake: String?,
                input_hash: String, version: String
            var settings: String, objective_kind: String, status: String, objective: Double?, bound: Double?,
                gap: Double?
            var placed: Int, new_fellows: Int, first_choices: Int, talks: Int
            var official: Bool, published_at: String?, publish_note: String?, replaced_at: String?,
                replaced_note: String?, replaced_by: Int64?
        }
        let items = runs.map { r in
            let new = r.placements.filter { $0.status != .continuing }
            return Item(
                id: r.id, recorded_at: r.recordedAt, scenario: r.scenarioName, scenario_path: r.scenarioPath,
                intake: r.intake,
                input_hash: r.inputHash, version: r.version, settings: r.settings, objective_kind: r.objectiveKind,
                status: r.status,
                objective: r.objective, bound: r.bound, gap: r.gap, placed: new.filter { $0.status == .new }.count,
                new_fellows: new.count,
                first_choices: new.filter { $0.rank == 1 }.count, talks: r.talks.count, official: r.isOfficial,
                published_at: r.publishedAt,
                publish_note: r.publishNote, replaced_at: r.replacedAt, replaced_note: r.replacedNote,
                replaced_by: r.replacedBy)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(items), as: UTF8.self)
    }
}
