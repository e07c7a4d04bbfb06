import Domain
import PlacementSolver

/// `placements.csv` (one row per fellow, in fellows.csv order), and the
/// spreadsheet-friendly `funding.csv` and `budgets.csv` beside it.
public enum PlacementsFile {
    public static let header = OutputColumns.Placements.all

    /// The format's columns, then `fellow_name`, `lab_name`, `mentor_name`.
    /// `public` leaves out the funding split (the `--public` variant).
    public static func render(_ outcome: PlacementOutcome, scenario: Scenario, public isPublic: Bool = false) -> String
    {
        let names = Directory(scenario)
        let lines = Dictionary(
            (scenario.fellows + scenario.withdrawn).map { ($0.id, $0.line) }, uniquingKeysWith: { a, _ in a })
        var rows: [(Int, [String])] = outcome.placements.enumerated().map { k, p in
            let funding = p.funding.map { "\($0.source):\(MoneyText.plain(cents: $0.cents))" }.joined(separator: ";")
            let ids = [p.fellow, p.status.rawValue, p.lab ?? "", p.mentor ?? "", p.rank.map(String.init) ?? ""]
            let shown = [
                names.fellowName(p.fellow), p.lab.map(names.labName) ?? "", p.mentor.map(names.mentorName) ?? ""
            ]
            return (lines[p.fellow] ?? k, ids + (isPublic ? [] : [funding]) + shown)
        }
        // A withdrawn fellow keeps a row, status `withdrawn`, with nothing placed or paid.
        if outcome.hasPlacement {
            rows += scenario.withdrawn.map { f in
                (f.line, [f.id, "withdrawn", "", "", ""] + (isPublic ? [] : [""]) + [f.name, "", ""])
            }
        }
        return CSVText.render(
            header: isPublic ? OutputColumns.Placements.publicColumns : header,
            rows: rows.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1))
    }

    /// `funding.csv`: one row per (fellow, source) with the amount in dollars as a number and the months it pays for.
    public static func funding(_ outcome: PlacementOutcome, scenario: Scenario) -> String {
        let names = Directory(scenario)
        let rows = outcome.placements.flatMap { p in
            p.funding.map { share in
                [
                    p.fellow, names.fellowName(p.fellow), p.lab ?? "", share.source, names.sourceName(share.source),
                    MoneyText.plain(cents: share.cents), "\(p.months)"
                ]
            }
        }
        return CSVText.render(header: OutputColumns.Funding.all, rows: rows)
    }

    /// `appointments.csv`: per training grant, one row per trainee it pays, in slot order.
    public static func appointments(_ grants: [TrainingGrantAppointments]) -> String {
        let rows = grants.flatMap { grant in
            grant.appointments.map {
                [
                    grant.source, $0.fellow, $0.lab ?? "", $0.mentor ?? "", $0.start.map { "\($0)" } ?? "",
                    "\($0.months)", MoneyText.plain(cents: $0.cents), "\($0.slot)"
                ]
            }
        }
        return CSVText.render(header: OutputColumns.Appointments.all, rows: rows)
    }

    /// `budgets.csv`: per source its budget, what is used and what is left, in dollars as numbers.
    public static func budgets(_ outcome: PlacementOutcome, scenario: Scenario) -> String {
        let names = Directory(scenario)
        return CSVText.render(
            header: OutputColumns.Budgets.all,
            rows: outcome.budgets.map { b in
                [
                    b.source, names.sourceName(b.source), "\(b.budget)", MoneyText.plain(cents: b.usedCents),
                    MoneyText.plain(cents: b.leftCents)
                ]
            })
    }
}
