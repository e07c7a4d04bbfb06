import Domain

/// Why a fellow with a committee has no defense slot: a value the report
/// words (Reports' wording), never a sentence here.
public enum DefenseShortfall: Sendable, Hashable {
    /// No slot lies after the fellow's last work-in-progress talk and on or before `defend_by`.
    case noSlotInWindow
    /// Every slot in the window has someone of the committee (or the fellow) away: who, on which days.
    case peopleAway([String: [CalendarDate]])
    /// Slots exist with everyone free, but other defenses sharing a member, the fellow or the room took them.
    case slotsTaken
    /// The search stopped (a time limit) before a slot was found.
    case notFound
}

/// The thesis defenses of a run: one slot per committee where possible.
public struct DefenseOutcome: Sendable, Hashable {
    public struct Defense: Sendable, Hashable {
        public var fellow: String
        public var slot: DefenseSlot
        /// The calendar revision (`SEQUENCE`) its event is published with:
        /// 0 at first, raised by ``IssuedCalendars`` when a re-plan moves it
        /// or changes its committee.
        public var sequence = 0

        public init(fellow: String, slot: DefenseSlot, sequence: Int = 0) {
            self.fellow = fellow
            self.slot = slot
            self.sequence = sequence
        }
    }

    public struct Unscheduled: Sendable, Hashable {
        public var fellow: String
        public var reason: DefenseShortfall
    }

    /// In date and time order, then by fellows.csv order.
    public var defenses: [Defense]
    public var unscheduled: [Unscheduled]
    public var proved: Bool
    /// Defenses earlier runs of the intake issued in calendars that this run
    /// no longer holds as issued, to be published as cancelled events
    /// (``IssuedCalendars/settle(_:committees:today:)``): a dropped defense (everyone
    /// of its committee then), or, for a defense still held, the members who
    /// left its committee (``PreviousDefense/membersOnly``).
    public var cancelled: [PreviousDefense] = []
    /// The integer program solved (`nil` when the direct plan placed every
    /// fellow who has an open slot, which no plan can beat).
    public var size: SolvedModelSize?
    /// The diagnosis for fellows without a defense (``ThesisDiagnoser``), when it was asked for.
    public var suggestions: [ThesisSuggestions] = []

    public init(defenses: [Defense], unscheduled: [Unscheduled], proved: Bool, size: SolvedModelSize? = nil) {
        self.defenses = defenses
        self.unscheduled = unscheduled
        self.proved = proved
        self.size = size
    }
}
