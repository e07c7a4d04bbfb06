/// What caps how many continuing fellows can have a thesis committee, when
/// one count of seats does (``CommitteeBounds``'s bound on how many can be
/// formed) and the committees formed reach it: a program-wide reason, beside
/// each fellow's own.
///
/// With F open fellows, `n` the fellows whose mentor may chair, H the
/// members who may chair for some other fellow and `load_p` each member's
/// `committee_load`: at most `n + Σ_{p∈H} load_p` committees (every other
/// committee needs one of H); at most `⌊Σ load / externals⌋` over the
/// possible external members; at most `⌊Σ load / min⌋` over the possible
/// readers. The smallest of these, when below F, is the limit.
public enum CommitteeLimit: Sendable, Hashable {
    /// Every committee whose mentor may not chair needs a member who may
    /// chair: `members` of them can sit on `seats` committees in all.
    case chairs(members: Int, seats: Int)
    /// Each committee needs `each` external members: `members` of them have `seats` seats in all.
    case externals(members: Int, seats: Int, each: Int)
    /// Each committee needs `each` readers: `members` of them have `seats` seats in all.
    case readers(members: Int, seats: Int, each: Int)

    /// The limit's code in summary.json.
    public var code: String {
        switch self {
        case .chairs: "chairs"
        case .externals: "externals"
        case .readers: "readers"
        }
    }
}
