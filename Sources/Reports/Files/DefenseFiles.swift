import Domain
import SeminarSolver

/// `defenses.csv` (`fellow`, `date`, `start`, `end`, `room`, then
/// `fellow_name` and `sequence`, the defense's calendar revision), the
/// console's and the report's lines and `summary.json`'s `defenses`. Never
/// an absence's reason.
public enum DefenseFiles {
    public static let header = ["fellow", "date", "start", "end", "room", "fellow_name", "sequence"]

    public static func csv(_ o: DefenseOutcome, scenario s: Scenario) -> String {
        let names = Directory(s)
        return CSVText.render(
            header: header,
            rows: o.defenses.map {
                [
                    $0.fellow, "\($0.slot.date)", "\($0.slot.start)", "\($0.slot.end)", $0.slot.room,
                    names.fellowName($0.fellow), "\($0.sequence)"
                ]
            })
    }

    /// "Thesis defenses: 12 of 12 committees have a slot."
    public static func summary(_ o: DefenseOutcome) -> String {
        let all = o.defenses.count + o.unscheduled.count
        return "Thesis defenses: \(o.defenses.count) of \(all) committee\(all == 1 ? "" : "s") "
            + "\(o.defenses.count == 1 ? "has" : "have") a slot with every member free"
            + (o.proved ? "." : " (not proved the most possible: the search stopped at its time limit).")
    }

    /// "Yuki Tanaka (f101): Tuesday, June 1, 2027, 09:00–10:30, Room 2"
    static func line(_ d: DefenseOutcome.Defense, _ names: Directory) -> String {
        "\(names.fellow(d.fellow)): \(DateText.long(d.slot.date)), \(d.slot.start)–\(d.slot.end)"
            + (d.slot.room.isEmpty ? "" : ", \(d.slot.room)")
    }

    /// Why a fellow has no defense slot, and what would give them one.
    public static func reason(_ u: DefenseOutcome.Unscheduled, _ s: Scenario) -> String {
        let who = Directory(s).fellow(u.fellow)
        switch u.reason {
        case .noSlotInWindow:
            let by = s.fellow(u.fellow)?.defendBy.map { " on or before \(DateText.long($0))" } ?? ""
            return "\(who) has no defense: no slot lies after their last work-in-progress talk\(by). "
                + "Add a slot to defense_slots.csv or widen defend_by."
        case .peopleAway(let absent):
            let people = absent.keys.sorted().map { person in
                "\(CommitteeWording.member(person, s)) is away on \(absent[person]!.map(DateText.long).joined(separator: ", "))"
            }
            return "\(who) has no defense: on every day with a slot someone is away: "
                + people.joined(separator: "; ")
                + ". A member free on one of those days, or a slot on another day, would do."
        case .slotsTaken:
            return "\(who) has no defense: the slots when everyone is free are taken by other defenses sharing "
                + "a member or the room. Add a slot or another room at that time."
        case .notFound:
            return
                "\(who) has no defense: none was found, and none was proved impossible either (the search "
                + "stopped at its time limit). Run again with a longer --time-limit."
        }
    }

    /// Why a fellow has no defense, then the diagnosis's smallest changes.
    static func explained(_ u: DefenseOutcome.Unscheduled, _ o: DefenseOutcome, _ s: Scenario) -> String {
        ThesisDiagnosisWording.explained(reason(u, s), u.fellow, o.suggestions, s)
    }

    public static func console(_ o: DefenseOutcome, scenario s: Scenario) -> String {
        let names = Directory(s)
        var lines = TextLayout.wrap(summary(o), indent: "  ")
        for d in o.defenses { lines += TextLayout.wrap(line(d, names), first: "  - ", indent: "    ") }
        for u in o.unscheduled { lines += TextLayout.wrap(explained(u, o, s), first: "  - ", indent: "    ") }
        return lines.joined(separator: "\n")
    }

    static func reportContext(_ o: DefenseOutcome, scenario s: Scenario) -> [String: Any] {
        let names = Directory(s)
        return [
            "summary": summary(o), "lines": o.defenses.map { line($0, names) },
            "problems": o.unscheduled.map { explained($0, o, s) }
        ]
    }

    struct Entry: Encodable {
        struct Row: Encodable {
            var fellow: String
            var date: String
            var start: String
            var end: String
            var room: String
        }
        struct Missing: Encodable {
            var fellow: String
            var reason: String
            /// The smallest changes that would give them one (absent when not diagnosed).
            var diagnosis: ThesisDiagnosisWording.Entry?
        }
        var proved: Bool
        var defenses: [Row]
        var without_defense: [Missing]
        var model: ModelSizeEntry?
    }

    static func entry(_ o: DefenseOutcome, scenario s: Scenario) -> Entry {
        Entry(
            proved: o.proved,
            defenses: o.defenses.map {
                Entry.Row(
                    fellow: $0.fellow, date: "\($0.slot.date)", start: "\($0.slot.start)", end: "\($0.slot.end)",
                    room: $0.slot.room)
            },
            without_defense: o.unscheduled.map {
                Entry.Missing(
                    fellow: $0.fellow, reason: reason($0, s),
                    diagnosis: ThesisDiagnosisWording.entry($0.fellow, o.suggestions, s))
            }, model: ModelSizeEntry(o.size))
    }
}
