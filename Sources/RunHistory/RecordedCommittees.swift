import Domain
import SeminarSolver

/// One seat of a recorded thesis committee (a row of committees.csv).
public struct RecordedSeat: Sendable, Hashable {
    public var fellow: String
    public var member: String
    /// `mentor`, `reader` or `external` (`CommitteeRole`).
    public var role: String
    public var chair: Bool

    public init(fellow: String, member: String, role: String, chair: Bool) {
        self.fellow = fellow
        self.member = member
        self.role = role
        self.chair = chair
    }
}

/// One recorded thesis defense: when, where, and the calendar revision it was published with.
public struct RecordedDefense: Sendable, Hashable {
    public var fellow: String
    public var date: String
    public var start: String
    public var end: String
    public var room: String
    public var sequence: Int

    public init(fellow: String, date: String, start: String, end: String, room: String, sequence: Int = 0) {
        self.fellow = fellow
        self.date = date
        self.start = start
        self.end = end
        self.room = room
        self.sequence = sequence
    }
}

extension RunRecord {
    /// The seats of a run's committees, committees in the outcome's order, the mentor first.
    static func seats(_ committees: CommitteeOutcome?) -> [RecordedSeat] {
        (committees?.committees ?? []).flatMap { c in
            c.seats.map { RecordedSeat(fellow: c.fellow, member: $0.member, role: $0.role.rawValue, chair: $0.chair) }
        }
    }

    /// A run's defenses as recorded.
    static func defenses(_ defenses: DefenseOutcome?) -> [RecordedDefense] {
        (defenses?.defenses ?? []).map {
            RecordedDefense(
                fellow: $0.fellow, date: "\($0.slot.date)", start: "\($0.slot.start)", end: "\($0.slot.end)",
                room: $0.slot.room, sequence: $0.sequence)
        }
    }

    /// The run's committees as seats by fellow (for a re-plan to keep), the mentor first.
    public var committeeSeats: [String: [CommitteeOutcome.Seat]] { Self.seatsByFellow(committees) }

    /// Recorded seats by fellow, in their order.
    static func seatsByFellow(_ committees: [RecordedSeat]) -> [String: [CommitteeOutcome.Seat]] {
        var out: [String: [CommitteeOutcome.Seat]] = [:]
        for s in committees {
            guard let role = CommitteeRole(rawValue: s.role) else { continue }
            out[s.fellow, default: []].append(CommitteeOutcome.Seat(member: s.member, role: role, chair: s.chair))
        }
        return out
    }

    /// The defenses the run issued in calendars, each with the committee it was sent to.
    public var issuedDefenses: [PreviousDefense] { Self.issuedDefenses(defenses, committees: committees) }

    /// Recorded defenses as issued in calendars, each with its committee among `committees`.
    static func issuedDefenses(_ defenses: [RecordedDefense], committees: [RecordedSeat]) -> [PreviousDefense] {
        let seats = seatsByFellow(committees)
        return defenses.compactMap { d in
            guard let date = CalendarDate(d.date), let start = TimeOfDay(d.start), let end = TimeOfDay(d.end) else {
                return nil
            }
            return PreviousDefense(
                fellow: d.fellow, slot: DefenseSlot(date: date, start: start, end: end, room: d.room),
                sequence: d.sequence, seats: seats[d.fellow] ?? [])
        }
    }
}
