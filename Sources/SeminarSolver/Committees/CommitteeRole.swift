/// A member's seat on a thesis committee (`role` in committees.csv).
public enum CommitteeRole: String, Sendable, Hashable, CaseIterable {
    /// The fellow's mentor, a member by right.
    case mentor
    /// A member in one of the program's labs, not the fellow's.
    case reader
    /// A member from outside the program's labs.
    case external
}

/// Why a continuing fellow has no committee: a value the report words
/// (Reports' wording), never a sentence here.
public enum CommitteeShortfall: Sendable, Hashable {
    /// Fewer possible readers (outside the fellow's lab, no conflict, a
    /// `committee_load` above 0) than `[committee] readers` asks.
    case tooFewReaders(needed: Int, available: Int)
    /// Fewer possible external members than `[committee] externals` asks.
    case tooFewExternals(needed: Int, available: Int)
    /// Nobody who may chair (`chair = true`) can sit on the committee.
    case noChair
    /// An interest of the fellow that no possible member, the mentor included, works on.
    case interestUncovered(String)
    /// Each rule can be met alone, but the members who could serve have no
    /// load left once the other fellows' committees are formed.
    case loadsUsedUp
    /// No committee was found and none was proved impossible: the search
    /// stopped at its time limit, or kept too few possible members.
    case notFound
}
