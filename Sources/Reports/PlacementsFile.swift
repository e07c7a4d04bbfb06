import PlacementSolver

/// `placements.csv`: one row per fellow, in fellows.csv order.
public enum PlacementsFile {
    public static let header = ["fellow", "status", "lab", "mentor", "rank", "funding"]

    public static func render(_ outcome: PlacementOutcome) -> String {
        CSVText.render(header: header, rows: outcome.placements.map { p in
            [p.fellow, p.status.rawValue, p.lab ?? "", p.mentor ?? "", p.rank.map(String.init) ?? "",
             p.funding.map { "\($0.source):\(amount(cents: $0.cents))" }.joined(separator: ";")]
        })
    }

    /// Dollars with cents only when there are any: `65000`, `1234.5` → `1234.50`.
    public static func amount(cents: Int) -> String {
        let whole = cents / 100, rest = abs(cents % 100)
        return rest == 0 ? "\(whole)" : "\(whole).\(rest < 10 ? "0" : "")\(rest)"
    }
}
