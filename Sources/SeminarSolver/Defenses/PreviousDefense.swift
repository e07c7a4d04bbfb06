import Domain

/// A thesis defense an earlier run of the intake issued in calendars: when
/// and where, its calendar revision, and the committee it was sent to.
///
/// Its calendar UID is ``uid`` (`FELLOW-defense`): one defense per fellow, so
/// the UID stays when the defense moves or its committee changes.
public struct PreviousDefense: Sendable, Hashable {
    public var fellow: String
    public var slot: DefenseSlot
    /// The `SEQUENCE` it was issued with (or, as a cancellation, is cancelled with).
    public var sequence: Int
    /// The committee it was issued to, the mentor first.
    public var seats: [CommitteeOutcome.Seat]
    /// A cancellation for `seats` only: members who left the committee of a
    /// defense that is still held (never in the fellow's or the program's calendar).
    public var membersOnly = false

    public init(
        fellow: String, slot: DefenseSlot, sequence: Int, seats: [CommitteeOutcome.Seat], membersOnly: Bool = false
    ) {
        self.fellow = fellow
        self.slot = slot
        self.sequence = sequence
        self.seats = seats
        self.membersOnly = membersOnly
    }

    /// The calendar UID's local part of `fellow`'s defense.
    public static func uid(_ fellow: String) -> String { "\(fellow)-defense" }

    /// Whether `other` is at the same date, times and room.
    func sameSlot(_ other: DefenseSlot) -> Bool {
        slot.date == other.date && slot.start == other.start && slot.end == other.end && slot.room == other.room
    }
}
