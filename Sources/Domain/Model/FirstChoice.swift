/// A new fellow's first choice, with gaps in ranks allowed.
///
/// Ranks need not start at 1 (a fellow who crossed out their first row has
/// ranks 2, 3, …): the first choice is the best rank the fellow gave,
/// `first(f) = min { rank(f, l) : f ranked l }`, and a fellow is "not at their
/// first choice" when placed at a rank above it or not placed at all. Every
/// count and list of first choices (console, report, explain) asks here.
public struct FirstChoices: Sendable {
    private let best: [String: Int]

    public init(_ scenario: Scenario) {
        best = Dictionary(scenario.preferences.map { ($0.fellow, $0.rank) }, uniquingKeysWith: min)
    }

    /// The best rank `fellow` gave; 1 when they ranked nothing.
    public func rank(of fellow: String) -> Int { best[fellow] ?? 1 }

    /// Whether a placement at `rank` is the fellow's first choice.
    public func isFirst(_ rank: Int, of fellow: String) -> Bool { rank <= self.rank(of: fellow) }
}
