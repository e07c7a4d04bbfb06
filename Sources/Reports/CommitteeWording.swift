import Domain
import SeminarSolver

/// Thesis committees in the coordinator's words: the summary, each
/// committee's members, and why a fellow has no committee (with what to do).
/// Conflicts' reasons are personal and never shown.
public enum CommitteeWording {
    /// A member's name and id: a mentor's from mentors.csv, else faculty.csv's.
    static func member(_ id: String, _ s: Scenario) -> String {
        Directory.named(memberName(id, s), id)
    }

    /// A member's name: a mentor's from mentors.csv, else faculty.csv's, else the id.
    static func memberName(_ id: String, _ s: Scenario) -> String {
        if let mentor = s.mentor(id) { return mentor.name }
        return s.faculty.first { $0.id == id }?.name ?? id
    }

    /// "3 of 3 continuing fellows have a thesis committee (proved best). …"
    public static func summary(_ o: CommitteeOutcome, continuing: Int) -> String {
        let formed = o.committees.count
        var text =
            "Thesis committees: \(formed) of \(continuing) continuing fellow\(continuing == 1 ? "" : "s") "
            + "\(formed == 1 && continuing == 1 ? "has" : "have") one"
            + (o.proved ? " (proved best)." : " (not proved best: \(unproved(o))).")
        if let worst = o.worstExpertise {
            text +=
                " Expertise (the fellow's interests among their readers' and external members' areas): "
                + "\(worst) for the worst-served fellow, \(MoneyText.grouped(UInt(max(o.totalExpertise, 0)))) in all; "
                + "the busiest member sits on \(o.maxLoad) committee\(o.maxLoad == 1 ? "" : "s") besides their own fellows'."
        }
        if let l = o.limit { text += " " + limit(l, formed: formed) }
        return text
    }

    /// The program-wide cap on how many can have a committee, when the
    /// committees formed reach it: "No more than 188 can have one: …".
    public static func limit(_ l: CommitteeLimit, formed: Int) -> String {
        let n = { (k: Int, noun: String) in "\(MoneyText.grouped(UInt(max(k, 0)))) \(noun)\(k == 1 ? "" : "s")" }
        let most = "No more than \(formed) can have one: "
        switch l {
        case .chairs(let members, let seats):
            return most + "every committee whose mentor may not chair needs a member who may chair (chair = true), and "
                + "the \(n(members, "member")) who may chair can sit on \(n(seats, "committee")) in all "
                + "(their committee_load). Raise their committee_load or mark more members as chair."
        case .externals(let members, let seats, let each):
            return most + "every committee needs \(n(each, "external member")), and the "
                + "\(n(members, "external member")) who could sit on one have \(n(seats, "seat")) in all "
                + "(their committee_load). Raise their committee_load, add external members to faculty.csv, "
                + "or lower [committee] externals."
        case .readers(let members, let seats, let each):
            return most + "every committee needs at least \(n(each, "reader")), and the "
                + "\(n(members, "member")) who could read have \(n(seats, "seat")) in all "
                + "(their committee_load). Raise their committee_load, add members to faculty.csv, "
                + "or lower [committee] readers."
        }
    }

    /// Why committees are not proved best: a time limit, or a model over
    /// some of the possible members whose answer fell short of the bound.
    static func unproved(_ o: CommitteeOutcome) -> String {
        guard let size = o.size, size.kept < size.possible else { return "the search stopped at its time limit" }
        return "the model held only the most promising of the possible members, "
            + "\(MoneyText.grouped(UInt(size.kept))) of \(MoneyText.grouped(UInt(size.possible))) seats, and what it found is short of what would prove it "
            + "best for all of them, or the time limit stopped it"
    }

    /// "Dr. Ada Park (m01), mentor; Dr. Lee (m04), reader, chair; …"
    public static func members(_ c: CommitteeOutcome.Committee, _ s: Scenario) -> String {
        c.seats.map { "\(member($0.member, s)), \($0.role.rawValue)\($0.chair ? ", chair" : "")" }
            .joined(separator: "; ")
    }

    /// Why `u.fellow` has no committee, and what would give them one.
    public static func reason(_ u: CommitteeOutcome.Unformed, _ s: Scenario, names: Directory) -> String {
        let fellow = s.fellow(u.fellow)
        let lab = fellow?.lab.map { names.labName($0) } ?? "their lab"
        let who = names.fellow(u.fellow)
        switch u.reason {
        case .tooFewReaders(let needed, let available):
            return
                "\(who) has no committee: it needs \(needed) reader\(needed == 1 ? "" : "s") outside \(lab) "
                + "with no conflict and a committee_load above 0, and \(count(available, "such member")). "
                + "Add a member to faculty.csv, raise a committee_load, or lower [committee] readers."
        case .tooFewExternals(let needed, let available):
            return
                "\(who) has no committee: it needs \(needed) external member\(needed == 1 ? "" : "s") "
                + "(external = true) with no conflict and a committee_load above 0, and \(count(available, "such member")). "
                + "Add one to faculty.csv or lower [committee] externals."
        case .noChair:
            return
                "\(who) has no committee: nobody who may chair (chair = true) can sit on it. "
                + "Mark a possible reader as chair, or set [committee] mentor_may_chair = true."
        case .interestUncovered(let interest):
            return
                "\(who) has no committee: no reader outside \(lab) works on \(interest), nor does the mentor. "
                + "Add a member with that area, or set [committee] cover_interests = false."
        case .loadsUsedUp:
            return
                "\(who) has no committee: the members who could serve have used their committee_load on other "
                + "fellows' committees. Raise a committee_load or add a member to faculty.csv."
        case .notFound:
            return
                "\(who) has no committee: none was found, and none was proved impossible either (the search "
                + "stopped at its time limit, or before it had tried every possible member). Run again with a "
                + "longer --time-limit, or raise a committee_load."
        }
    }

    private static func count(_ n: Int, _ what: String) -> String {
        n == 0 ? "there is none" : n == 1 ? "there is only 1 \(what)" : "there are only \(n) \(what)s"
    }

    // MARK: Defenses in calendars

    /// The label of a calendar that holds defenses only: "… thesis defenses: NAME".
    static let defensesCalendar = "thesis defenses"

    /// A seat in a few words: "mentor", "reader", "external member", and ", chair".
    static func seatWords(_ seat: CommitteeOutcome.Seat) -> String {
        let role = seat.role == .external ? "external member" : seat.role.rawValue
        return role + (seat.chair ? ", chair" : "")
    }

    /// A defense event's SUMMARY: "Thesis defense: Ana Ruiz", with
    /// " (yours)" in the fellow's calendar and " (you sit as reader, chair)"
    /// in a member's.
    public static func defenseSummary(_ fellow: String, seat: CommitteeOutcome.Seat?, own: Bool) -> String {
        let base = "Thesis defense: \(fellow)"
        if own { return base + " (yours)" }
        return seat.map { base + " (you sit as \(seatWords($0)))" } ?? base
    }

    /// A defense event's DESCRIPTION: who defends and, for the calendar's
    /// owner, their part; the fellow's own calendar lists their committee.
    /// Never a conflict, an absence or its reason.
    public static func defenseDescription(
        _ fellow: String, seat: CommitteeOutcome.Seat?, own: Bool, committee: [CommitteeOutcome.Seat],
        _ s: Scenario
    ) -> String {
        if own {
            let members = committee.map { "\(memberName($0.member, s)) (\(seatWords($0)))" }
            return "Your thesis defense"
                + (members.isEmpty ? "." : ", before your committee: \(members.joined(separator: "; ")).")
        }
        guard let seat else { return "Thesis defense of \(fellow)." }
        let part: String
        switch seat.role {
        case .mentor: part = "as \(fellow)'s mentor"
        case .reader: part = "as a reader"
        case .external: part = "as the external member"
        }
        return "Thesis defense of \(fellow). You sit on the committee \(part)"
            + (seat.chair ? " and chair it." : ".")
    }

    /// A defense event's CATEGORIES: `THESIS DEFENSE`, then the owner's part (`MENTOR`, `READER`,
    /// `EXTERNAL`, `CHAIR`, or `YOURS` for the fellow).
    public static func defenseCategories(seat: CommitteeOutcome.Seat?, own: Bool) -> String {
        var categories = ["THESIS DEFENSE"]
        if own { categories.append("YOURS") }
        if let seat {
            categories.append(seat.role.rawValue.uppercased())
            if seat.chair { categories.append("CHAIR") }
        }
        return categories.joined(separator: ",")
    }

    /// A cancelled defense's SUMMARY; for a member who left a committee of a defense still held, says so.
    public static func defenseCancelled(_ fellow: String, membersOnly: Bool) -> String {
        membersOnly
            ? "Cancelled for you: Thesis defense: \(fellow) (you no longer sit on the committee)"
            : "Cancelled: Thesis defense: \(fellow)"
    }
}
