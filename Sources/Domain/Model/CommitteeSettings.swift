/// `[committee]` in scenario.toml: how every continuing fellow's thesis
/// committee is formed (see "Thesis committees" in docs/scenario-format.md).
public struct CommitteeSettings: Sendable, Hashable {
    /// `committee_load` when mentors.csv or faculty.csv leaves it empty.
    public static let defaultLoad = 3

    /// `readers = [min, max]`: readers per committee (members in the program's labs, not the fellow's).
    public var minReaders = 1
    public var maxReaders = 2
    /// `externals`: external members per committee, exactly.
    public var externals = 0
    /// `mentor_may_chair`: the fellow's mentor may chair their committee.
    public var mentorMayChair = false
    /// `cover_interests`: every interest of the fellow is an area of some member (the mentor included).
    public var coverInterests = true
    /// The line of `[committee]` in scenario.toml (for messages).
    public var line = 0

    public init() {}
}
