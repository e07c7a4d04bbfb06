import Domain
import SeminarSolver

/// `committees.csv` (`fellow`, `member`, `role`, `chair`: one row per seat,
/// committees in fellows.csv order, the mentor first), the console's and the
/// report's committee section and `summary.json`'s `committees`. Ids, roles
/// and names only: never a conflict's reason.
public enum CommitteeFiles {
    public static let header = ["fellow", "member", "role", "chair", "fellow_name", "member_name"]

    public static func csv(_ o: CommitteeOutcome, scenario s: Scenario) -> String {
        let names = Directory(s)
        var rows: [[String]] = []
        for c in o.committees {
            for seat in c.seats {
                rows.append([
                    c.fellow, seat.member, seat.role.rawValue, seat.chair ? "true" : "false",
                    names.fellowName(c.fellow), CommitteeWording.memberName(seat.member, s)
                ])
            }
        }
        return CSVText.render(header: header, rows: rows)
    }

    /// The console's section, wrapped to 80 columns.
    public static func console(_ o: CommitteeOutcome, scenario s: Scenario) -> String {
        let names = Directory(s)
        var lines = TextLayout.wrap(
            CommitteeWording.summary(o, continuing: s.continuingFellows.count), indent: "  ")
        for c in o.committees {
            lines += TextLayout.wrap(
                "\(names.fellow(c.fellow)): \(CommitteeWording.members(c, s))", first: "  - ", indent: "    ")
        }
        for u in o.unformed {
            lines += TextLayout.wrap(reason(u, o, s, names: names), first: "  - ", indent: "    ")
        }
        return lines.joined(separator: "\n")
    }

    /// The report's section: the summary, one line per committee, one per fellow without one.
    static func reportContext(_ o: CommitteeOutcome, scenario s: Scenario) -> [String: Any] {
        let names = Directory(s)
        return [
            "summary": CommitteeWording.summary(o, continuing: s.continuingFellows.count),
            "rows": o.committees.map {
                ["fellow": names.fellow($0.fellow), "members": CommitteeWording.members($0, s)]
            },
            "problems": o.unformed.isEmpty ? [] : [["lines": o.unformed.map { reason($0, o, s, names: names) }]]
        ]
    }

    /// Why a fellow has no committee, then the diagnosis's smallest changes.
    static func reason(_ u: CommitteeOutcome.Unformed, _ o: CommitteeOutcome, _ s: Scenario, names: Directory)
        -> String
    {
        ThesisDiagnosisWording.explained(CommitteeWording.reason(u, s, names: names), u.fellow, o.suggestions, s)
    }

    /// `summary.json`'s `committees`.
    struct Entry: Encodable {
        struct Seat: Encodable {
            var member: String
            var role: String
            var chair: Bool
        }
        struct Committee: Encodable {
            var fellow: String
            var expertise: Int
            var members: [Seat]
        }
        struct Missing: Encodable {
            var fellow: String
            var reason: String
            /// The smallest changes that would give them one (absent when not diagnosed).
            var diagnosis: ThesisDiagnosisWording.Entry?
        }
        var proved: Bool
        var worst_expertise: Int?
        var total_expertise: Int
        var max_load: Int
        var committees: [Committee]
        var without_committee: [Missing]
        /// What caps how many can have a committee, when the committees reach it.
        struct Limit: Encodable {
            var code: String
            var members: Int
            var seats: Int
            /// Seats of that kind each committee needs (readers, externals).
            var each: Int?
            var words: String
        }
        var limit: Limit?
        var model: ModelSizeEntry?
    }

    static func entry(_ o: CommitteeOutcome, scenario s: Scenario) -> Entry {
        let names = Directory(s)
        return Entry(
            proved: o.proved, worst_expertise: o.worstExpertise, total_expertise: o.totalExpertise, max_load: o.maxLoad,
            committees: o.committees.map { c in
                Entry.Committee(
                    fellow: c.fellow, expertise: c.expertise,
                    members: c.seats.map { Entry.Seat(member: $0.member, role: $0.role.rawValue, chair: $0.chair) })
            },
            without_committee: o.unformed.map {
                Entry.Missing(
                    fellow: $0.fellow, reason: CommitteeWording.reason($0, s, names: names),
                    diagnosis: ThesisDiagnosisWording.entry($0.fellow, o.suggestions, s))
            }, limit: o.limit.map { limitEntry($0, formed: o.committees.count) }, model: ModelSizeEntry(o.size))
    }

    static func limitEntry(_ l: CommitteeLimit, formed: Int) -> Entry.Limit {
        let words = CommitteeWording.limit(l, formed: formed)
        return switch l {
        case .chairs(let members, let seats):
            Entry.Limit(code: l.code, members: members, seats: seats, each: nil, words: words)
        case .externals(let members, let seats, let each), .readers(let members, let seats, let each):
            Entry.Limit(code: l.code, members: members, seats: seats, each: each, words: words)
        }
    }
}
