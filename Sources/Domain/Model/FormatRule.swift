/// The placement rules, numbered as docs/scenario-format.md numbers them.
/// Messages cite a rule through ``citation`` so a user can look it up.
public enum FormatRule: Int, Sendable, CaseIterable {
    /// Every new fellow gets exactly one (lab, mentor of that lab), or is unplaced when allowed.
    case onePlaceEach = 1
    /// A new fellow is placed only in a lab they ranked.
    case onlyRankedLabs = 2
    /// The lab's (and mentor's, when given) areas share an item with the fellow's interests.
    case sharedArea = 3
    /// Fellows per lab and per mentor, continuing fellows included, within capacity.
    case capacity = 4
    /// Each fellow's need is paid in full by sources that may pay for them; budgets hold.
    case funding = 5
    /// Locks and forbids in rules.csv hold.
    case rules = 6
    /// `[tracks.NAME] min_new`, `max_new`.
    case trackLimits = 7
    /// Appointments: at most one federal source per fellow, `slots`, `[funding] max_sources`, `min_payment`.
    case appointments = 8

    /// The file where the rules are written down.
    public static let document = "docs/scenario-format.md"

    /// `(rule 3 in docs/scenario-format.md)`.
    public var citation: String { "(rule \(rawValue) in \(Self.document))" }
}
