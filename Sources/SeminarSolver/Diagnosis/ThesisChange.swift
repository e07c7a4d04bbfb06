import Domain

/// One change to a scenario that the thesis diagnosis tries for a fellow
/// without a committee or a defense: a value with a code, worded in Reports.
///
/// Conflicts are facts and are never lifted; the chair flag, areas and
/// `externals` are the program's own and are only hinted at
/// (``ThesisHint``), never changed here.
public enum ThesisChange: Sendable, Hashable {
    /// A member's `committee_load` one more than `from`.
    case committeeLoad(member: String, from: Int)
    /// A person (a committee member or the fellow) free on a date they are away (availability.csv).
    case freeOn(person: String, date: CalendarDate)
    /// One more row in defense_slots.csv: an existing slot's date and time in another room
    /// (an empty room: a room of its own).
    case extraSlot(DefenseSlot)
    /// The fellow's `defend_by` moved from `from` to `to`.
    case defendBy(fellow: String, from: CalendarDate, to: CalendarDate)

    /// The change's code in summary.json.
    public var code: String {
        switch self {
        case .committeeLoad: "committee-load"
        case .freeOn: "free-on-date"
        case .extraSlot: "extra-slot"
        case .defendBy: "defend-by"
        }
    }

    /// `s` with this change made.
    public func applied(to s: Scenario) -> Scenario {
        var s = s
        switch self {
        case .committeeLoad(let member, let from):
            if let i = s.mentors.firstIndex(where: { $0.id == member }) {
                s.mentors[i].committeeLoad = from + 1
            } else if let i = s.faculty.firstIndex(where: { $0.id == member }) {
                s.faculty[i].committeeLoad = from + 1
            }
        case .freeOn(let person, let date):
            s.availability.removeAll { $0.person == person && $0.date == date }
        case .extraSlot(let slot):
            s.defenseSlots = (s.defenseSlots ?? []) + [slot]
        case .defendBy(let fellow, _, let to):
            if let i = s.fellows.firstIndex(where: { $0.id == fellow }) { s.fellows[i].defendBy = to }
        }
        return s
    }
}
