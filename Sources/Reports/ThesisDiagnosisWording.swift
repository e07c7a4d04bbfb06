import Domain
import SeminarSolver

/// The thesis diagnosis in the coordinator's words: after the reason a
/// fellow has no committee or defense, the smallest changes that would give
/// them one, each checked by solving again, by name with ids; or a hint not
/// checked; or that no single change does. Absences' and conflicts' reasons
/// are never shown.
public enum ThesisDiagnosisWording {
    /// "It would have one if Dr. Aisha Rahimi (c03) were free on Wed 12 May 2027 (checked by solving again)."
    public static func sentence(_ d: ThesisSuggestions, _ s: Scenario) -> String? {
        if !d.changes.isEmpty {
            let ifs = d.changes.map { changeWords($0, s) }
            return "It would have one if \(ifs.joined(separator: "; or if "))"
                + (ifs.count == 1 ? " (checked by solving again)." : " (each checked by solving again).")
        }
        if let h = d.hint {
            // A missing kind of member is already named by the reason (summary.json's `hint` has it as a
            // code); only the last talk's date adds to the reason.
            guard case .lastTalk = h else { return nil }
            return hintWords(h, s)
        }
        if !d.complete {
            return d.tried == 0
                ? "(Not diagnosed: the diagnosis reached its limit on the fellows before them.)"
                : "No single change that gives them one was found before the diagnosis reached its limit "
                    + "(\(d.tried) tried, each by solving again)."
        }
        guard d.tried > 0 else { return nil }
        return "No single change gives them one without taking another fellow's "
            + "(\(d.tried) tried, each by solving again)."
    }

    /// One change, as the rest of "It would have one if …".
    public static func changeWords(_ c: ThesisChange, _ s: Scenario) -> String {
        switch c {
        case .committeeLoad(let member, let from):
            return "\(CommitteeWording.member(member, s)) could sit on one more committee, "
                + "committee_load \(from) → \(from + 1)"
        case .freeOn(let person, let date):
            let who = s.fellow(person) != nil ? Directory(s).fellow(person) : CommitteeWording.member(person, s)
            return "\(who) were free on \(DateText.long(date))"
        case .extraSlot(let slot):
            let room = slot.room.isEmpty ? "another room" : slot.room
            return "there were a defense slot on \(DateText.long(slot.date)), \(slot.start)–\(slot.end) in \(room)"
        case .defendBy(_, let from, let to):
            return "their defend_by were \(DateText.long(to)) instead of \(DateText.long(from))"
        }
    }

    /// A change the diagnosis points at but cannot check.
    public static func hintWords(_ h: ThesisHint, _ s: Scenario) -> String {
        let unchecked = "Not checked by solving again: "
        switch h {
        case .addReader:
            return unchecked + "add a faculty member who may read for them (outside their lab, no conflict)."
        case .addExternal:
            return unchecked + "add an external member (external = true) with no conflict with them."
        case .addChair:
            return unchecked + "add a member who may chair (chair = true) with no conflict with them."
        case .addArea(let area):
            return unchecked + "add a faculty member with area \(area)."
        case .lastTalk(let date):
            return "Every defense slot comes before their last work-in-progress talk, on \(DateText.long(date)): "
                + "a slot after it is needed (not checked by solving again)."
        }
    }

    /// The reason with the diagnosis after it.
    static func explained(_ reason: String, _ fellow: String, _ all: [ThesisSuggestions], _ s: Scenario) -> String {
        guard let d = all.first(where: { $0.fellow == fellow }), let more = sentence(d, s) else { return reason }
        return reason + " " + more
    }

    /// `summary.json`'s `diagnosis` of one fellow.
    struct Entry: Encodable {
        var changes: [Change]
        var hint: Hint?
        var tried: Int
        var complete: Bool
        var words: String?
    }

    /// One change: `code`, the fields of that code, and `words`.
    struct Change: Encodable {
        var change: ThesisChange
        var words: String

        enum Key: String, CodingKey { case code, member, person, fellow, date, start, end, room, from, to, words }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(change.code, forKey: .code)
            switch change {
            case .committeeLoad(let member, let from):
                try c.encode(member, forKey: .member)
                try c.encode(from, forKey: .from)
                try c.encode(from + 1, forKey: .to)
            case .freeOn(let person, let date):
                try c.encode(person, forKey: .person)
                try c.encode("\(date)", forKey: .date)
            case .extraSlot(let slot):
                try c.encode("\(slot.date)", forKey: .date)
                try c.encode("\(slot.start)", forKey: .start)
                try c.encode("\(slot.end)", forKey: .end)
                try c.encode(slot.room, forKey: .room)
            case .defendBy(let fellow, let from, let to):
                try c.encode(fellow, forKey: .fellow)
                try c.encode("\(from)", forKey: .from)
                try c.encode("\(to)", forKey: .to)
            }
            try c.encode(words, forKey: .words)
        }
    }

    struct Hint: Encodable {
        var code: String
        var area: String?
        var date: String?
        var words: String
    }

    static func entry(_ fellow: String, _ all: [ThesisSuggestions], _ s: Scenario) -> Entry? {
        guard let d = all.first(where: { $0.fellow == fellow }) else { return nil }
        let hint = d.hint.map { h -> Hint in
            var area: String?
            var date: String?
            if case .addArea(let a) = h { area = a }
            if case .lastTalk(let d) = h { date = "\(d)" }
            return Hint(code: h.code, area: area, date: date, words: hintWords(h, s))
        }
        return Entry(
            changes: d.changes.map { Change(change: $0, words: changeWords($0, s)) }, hint: hint, tried: d.tried,
            complete: d.complete, words: sentence(d, s))
    }
}
