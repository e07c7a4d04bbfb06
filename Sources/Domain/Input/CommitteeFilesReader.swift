/// The optional files of thesis committees: faculty.csv (members who mentor
/// nobody) and conflicts.csv (who may not sit on whose committee), and
/// whether mentors.csv has committee columns. Every problem is located.
extension ScenarioBuilder {
    mutating func readFaculty() {
        let columns = tables["mentors.csv"]?.columns ?? [:]
        scenario.mentorsHaveCommitteeColumns = ["committee_load", "external", "chair"].contains { columns[$0] != nil }
        let labs = Set(scenario.labs.map(\.id))
        let taken = Dictionary(
            scenario.mentors.map { ($0.id, "a mentor") } + scenario.fellows.map { ($0.id, "a fellow") },
            uniquingKeysWith: { first, _ in first })
        var seen: [String: Int] = [:]
        var list: [FacultyMember] = []
        var found: [ScenarioIssue] = []
        for r in rowReaders("faculty.csv") {
            let before = found.count
            let id = r.id("id", &found)
            if let id { registered["faculty.csv", default: []].insert(id) }
            let lab = r.id("lab", &found, required: false, named: labNames)
            let load = r.integer("committee_load", &found, required: false, range: InputLimits.committeeLoad)
            let external = r.boolean("external", &found) ?? false, chair = r.boolean("chair", &found) ?? false
            let name = r.freeText("name", &found), institution = r.freeText("institution", &found)
            if let lab, !labs.contains(lab), checks("labs.csv") {
                found.append(unknown(r, "lab", lab, in: "labs.csv", candidates: scenario.labs.map(\.id)))
            }
            if let id, let what = taken[id] {
                found.append(
                    r.issue(
                        "id", "\"\(id)\" is already \(what)'s id",
                        hint: "a mentor sits on committees from mentors.csv; list here only people who mentor nobody"))
            }
            guard found.count == before, let id, unique(id, &seen, r, what: "faculty") != nil else { continue }
            list.append(
                FacultyMember(
                    id: id, name: name, lab: lab, institution: institution ?? "", areas: r.list("areas"),
                    committeeLoad: load ?? CommitteeSettings.defaultLoad, external: external, chair: chair,
                    line: r.row.line))
        }
        issues += found
        scenario.faculty = list
    }

    mutating func readConflicts() {
        let people = Set(scenario.mentors.map(\.id) + scenario.faculty.map(\.id))
        let fellows = Set(scenario.fellows.map(\.id))
        var seen: [String: Int] = [:]
        var list: [CommitteeConflict] = []
        var found: [ScenarioIssue] = []
        for r in rowReaders("conflicts.csv") {
            let before = found.count
            let person = r.id("person", &found), fellow = r.id("fellow", &found)
            let reason = r.freeText("reason", &found)
            if let person, !people.contains(person), checks("mentors.csv"), checks("faculty.csv"),
                !isRegistered(person, in: "mentors.csv"), !isRegistered(person, in: "faculty.csv")
            {
                found.append(
                    r.issue(
                        "person", "unknown person \"\(person)\"",
                        hint: (Identifier.nearest(to: person, in: people).map { "did you mean \($0)? " } ?? "")
                            + "it must be an id in mentors.csv or faculty.csv"))
            }
            if let fellow, !fellows.contains(fellow), checks("fellows.csv") {
                found.append(unknown(r, "fellow", fellow, in: "fellows.csv", candidates: Array(fellows)))
            }
            guard found.count == before, let person, let fellow else { continue }
            let key = "\(person)\u{1}\(fellow)"
            if let first = seen[key] {
                found.append(
                    r.issue(
                        "fellow", "\(person) and \(fellow) are already in conflict on line \(first)",
                        hint: "keep one row per person and fellow"))
                continue
            }
            seen[key] = r.row.line
            list.append(CommitteeConflict(person: person, fellow: fellow, reason: reason ?? "", line: r.row.line))
        }
        issues += found
        scenario.conflicts = list
    }
}

extension ScenarioBuilder {
    /// defense_slots.csv: `date`, `start`, `end` (after the start) and `room`.
    mutating func readDefenseSlots() {
        guard tables["defense_slots.csv"] != nil else { return }
        var list: [DefenseSlot] = []
        var found: [ScenarioIssue] = []
        for r in rowReaders("defense_slots.csv") {
            let before = found.count
            let date = date(r, "date", &found, required: true)
            let start = r.time("start", &found, example: "14:00"), end = r.time("end", &found, example: "16:00")
            if let start, let end, end <= start {
                found.append(
                    r.issue("end", "the slot ends (\(end)) before it starts (\(start))", hint: "check start and end"))
            }
            let room = r.freeText("room", &found)
            guard found.count == before, let date, let start, let end else { continue }
            list.append(DefenseSlot(date: date, start: start, end: end, room: room ?? "", line: r.row.line))
        }
        issues += found
        scenario.defenseSlots = list
    }
}
