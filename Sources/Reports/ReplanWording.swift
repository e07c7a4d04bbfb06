import Domain
import SeminarSolver

extension Wording {
    /// The key `summary.json` gives a re-plan date's source: `given`,
    /// `withdrawn_on`, `recorded`, `published` or `none`.
    public static func replanSourceKey(_ source: ReplanDate.Source) -> String {
        switch source {
        case .given: return "given"
        case .withdrawal: return "withdrawn_on"
        case .recorded: return "recorded"
        case .published: return "published"
        case .none: return "none"
        }
    }

    /// "Talks before Tue 20 Oct 2026 count as held (they neither move nor are
    /// cancelled): Mateo Alvarez (f010) withdrew on that day, the latest date
    /// the fellows and the history give."
    public static func replanDate(_ r: ReplanDate, scenario: Scenario) -> String {
        guard let date = r.date else {
            return "No date before which talks count as held: neither the fellows' withdrawal dates nor the history "
                + "give one, so any talk of the earlier schedule may move or be cancelled."
        }
        let head = "Talks before \(DateText.long(date)) count as held (they neither move nor are cancelled)"
        let latest = ", the latest date the fellows' withdrawals and the history give."
        switch r.source {
        case .given: return head + ": the date given for this run."
        case .withdrawal(let id):
            return head + ": \(Directory(scenario).fellow(id)) withdrew on that day" + latest
        case .recorded(let run): return head + ": run \(run) was recorded on that day" + latest
        case .published(let run):
            return head + ": run \(run) was published as the official match on that day" + latest
        case .none: return head + "."
        }
    }
}
