/// A user's choice of cut families, as `--cuts` takes it: `all`, `none`, or a
/// comma-separated list of `gomory`, `mir`, `cover`, `clique`. Leaving the
/// option out is the automatic choice (``SolverOptions/cuts`` `nil`), never
/// one of these values.
public struct CutSelection: Sendable, Hashable {
    public var families: Set<CutFamily>

    /// The names the command line uses, by family.
    public static let names: [(String, CutFamily)] = [
        ("gomory", .gomory), ("mir", .mixedIntegerRounding), ("cover", .cover), ("clique", .clique)
    ]

    public static let help = "all, none, or a comma-separated list of gomory, mir, cover, clique"

    public init(families: Set<CutFamily>) { self.families = families }

    /// Parses the option's text; `nil` when any part is not a known name.
    public init?(_ text: String) {
        let trimmed = text.trimmingSpaces
        if trimmed == "all" {
            families = Set(CutFamily.allCases)
            return
        }
        if trimmed == "none" {
            families = []
            return
        }
        var chosen: Set<CutFamily> = []
        for part in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            let name = String(part).trimmingSpaces
            guard let family = Self.names.first(where: { $0.0 == name })?.1 else { return nil }
            chosen.insert(family)
        }
        families = chosen
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
