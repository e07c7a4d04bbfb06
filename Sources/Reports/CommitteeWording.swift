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
            + (o.proved ? " (proved best)." : " (not proved best: the search stopped at its time limit).")
        if let worst = o.worstExpertise {
            text +=
                " Expertise (the fellow's interests among their readers' and external members' areas): "
                + "\(worst) for the worst-served fellow, \(o.totalExpertise) in all; "
                + "the busiest member sits on \(o.maxLoad) committee\(o.maxLoad == 1 ? "" : "s") besides their own fellows'."
        }
        return text
    }

    /// "Dr. Ada Park (m01), mentor; Dr. Lee (m04), reader, chair; …"
    public static func members(_ c: CommitteeOutcome.Committee, _ s: Scenario) -> String {
        c.seats.map { "\(member($0.member, s)), \($0.role.rawValue)\($0.chair ? ", chair" : "")" }
            .joined(separator: "; ")
    }

    /// Why `u.fellow` has no committee, and what would give them one.
    public static func reason(_ u: CommitteeOutcome.Unformed, _ s: Scenario) -> String {
        let fellow = s.fellow(u.fellow)
        let lab = fellow?.lab.map { Directory(s).labName($0) } ?? "their lab"
        let who = Directory(s).fellow(u.fellow)
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
}
