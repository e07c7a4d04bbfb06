import Domain

/// What the diagnosis can only point at, not verify: a kind of member the
/// program lacks, or a window closed by the fellow's own last talk.
public enum ThesisHint: Sendable, Hashable {
    /// A reader outside the fellow's lab with no conflict.
    case addReader
    /// An external member with no conflict.
    case addExternal
    /// A member who may chair (`chair = true`) and may sit on the committee.
    case addChair
    /// A member who works on this interest of the fellow.
    case addArea(String)
    /// Every defense slot comes before the fellow's last work-in-progress talk, on this date.
    case lastTalk(CalendarDate)

    public var code: String {
        switch self {
        case .addReader: "add-reader"
        case .addExternal: "add-external"
        case .addChair: "add-chair"
        case .addArea: "add-area"
        case .lastTalk: "last-talk"
        }
    }
}
