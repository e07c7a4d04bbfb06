import Domain
import SeminarSolver

/// How a what-if's thesis committee for one continuing fellow differs from
/// the base's: who leaves it, who joins it (with their role), and a new
/// chair. A fellow is listed when the members, their roles or the chair
/// changed, or when they gained or lost a committee.
public struct CommitteeChange: Sendable, Hashable, Encodable {
    public struct Seat: Sendable, Hashable, Encodable {
        public var member: String
        public var memberName: String
        public var role: String
        /// Why a member who left is not on the committee, when it is a fact of the what-if
        /// ("not in this what-if"); empty when they were moved for a better overall result.
        public var why: String

        enum CodingKeys: String, CodingKey {
            case member, role, why
            case memberName = "member_name"
        }
    }

    public var fellow: String
    public var fellowName: String
    public var left: [Seat]
    public var joined: [Seat]
    /// The chair before and after, when it changed (`nil`: no committee, or no chair).
    public var chairBefore: String?
    public var chairAfter: String?
    /// The committee exists in the base, in the what-if.
    public var formedBefore: Bool
    public var formedAfter: Bool

    enum CodingKeys: String, CodingKey {
        case fellow, left, joined
        case fellowName = "fellow_name"
        case chairBefore = "chair_before"
        case chairAfter = "chair_after"
        case formedBefore = "formed_before"
        case formedAfter = "formed_after"
    }

    /// The changes from `base` to `other` (fellows in `other`'s continuing order, then any others).
    static func changes(
        _ base: (CommitteeOutcome, Scenario), _ other: (CommitteeOutcome, Scenario), names: Directory
    ) -> [CommitteeChange] {
        let before = Dictionary(base.0.committees.map { ($0.fellow, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(other.0.committees.map { ($0.fellow, $0) }, uniquingKeysWith: { a, _ in a })
        var fellows = other.1.continuingFellows.map(\.id)
        fellows += base.1.continuingFellows.map(\.id).filter { !fellows.contains($0) }
        return fellows.compactMap { id in
            change(id, before[id], after[id], base: base.1, other: other.1, names: names)
        }
    }

    private static func change(
        _ fellow: String, _ a: CommitteeOutcome.Committee?, _ b: CommitteeOutcome.Committee?,
        base: Scenario, other: Scenario, names: Directory
    ) -> CommitteeChange? {
        guard a != nil || b != nil else { return nil }
        let seatsA = Set((a?.seats ?? []).map { "\($0.member)|\($0.role.rawValue)" })
        let seatsB = Set((b?.seats ?? []).map { "\($0.member)|\($0.role.rawValue)" })
        guard seatsA != seatsB || a?.chair != b?.chair || (a == nil) != (b == nil) else { return nil }
        func seat(_ s: CommitteeOutcome.Seat, _ scenario: Scenario, why: String) -> Seat {
            Seat(
                member: s.member, memberName: CommitteeWording.memberName(s.member, scenario),
                role: s.role.rawValue, why: why)
        }
        let left = (a?.seats ?? []).filter { !seatsB.contains("\($0.member)|\($0.role.rawValue)") }.map {
            seat($0, base, why: why($0.member, left: fellow, base: base, other: other))
        }
        let joined = (b?.seats ?? []).filter { !seatsA.contains("\($0.member)|\($0.role.rawValue)") }.map {
            seat($0, other, why: "")
        }
        let chairChanged = a?.chair != b?.chair
        return CommitteeChange(
            fellow: fellow, fellowName: names.fellowName(fellow), left: left, joined: joined,
            chairBefore: chairChanged ? a?.chair : nil, chairAfter: chairChanged ? b?.chair : nil,
            formedBefore: a != nil, formedAfter: b != nil)
    }
}

extension CommitteeChange {
    /// Why `member` left `fellow`'s committee when the what-if itself says so:
    /// they are not in it, have a new conflict with the fellow, a new forbid
    /// (committee_rules.csv) or a committee_load of 0; empty when they were
    /// moved for a better result.
    /// (A conflict's reason is personal and not given.)
    private static func why(_ member: String, left fellow: String, base: Scenario, other: Scenario) -> String {
        guard let load = committeeLoad(member, other) else { return "not in this what-if" }
        func conflict(_ s: Scenario) -> Bool { s.conflicts.contains { $0.person == member && $0.fellow == fellow } }
        if conflict(other) && !conflict(base) { return "a conflict with the fellow in this what-if" }
        func forbid(_ s: Scenario) -> Bool {
            s.committeeRules.contains { $0.member == member && $0.fellow == fellow && $0.kind == .forbid }
        }
        if forbid(other) && !forbid(base) { return "a forbid in committee_rules.csv in this what-if" }
        if load == 0 && (committeeLoad(member, base) ?? 0) > 0 { return "committee_load 0 in this what-if" }
        return ""
    }

    /// A mentor's or faculty member's committee_load in `s`; `nil` when they are neither.
    private static func committeeLoad(_ id: String, _ s: Scenario) -> Int? {
        s.mentor(id)?.committeeLoad ?? s.faculty.first { $0.id == id }?.committeeLoad
    }
}

/// The comparison's thesis-committee measures and sentences, for the
/// columns whose scenario forms committees.
enum CommitteeComparison {
    /// "thesis committees", "least expertise on a committee", "committees changed vs base";
    /// none when no column formed committees.
    static func measures(_ columns: [ComparedScenario], changes: [[CommitteeChange]]) -> [Measure] {
        guard columns.contains(where: { $0.committees != nil }) else { return [] }
        func measure(_ name: String, _ values: [Double?]) -> Measure {
            Measure(name: name, text: values.map { $0.map(NumberText.number) ?? "-" }, numbers: values)
        }
        let changed: [Double?] =
            [nil]
            + columns.dropFirst().enumerated().map { k, c in
                columns[0].committees == nil || c.committees == nil ? nil : Double(changes[k].count)
            }
        return [
            measure("thesis committees", columns.map { $0.committees.map { Double($0.committees.count) } }),
            measure(
                "least expertise on a committee",
                columns.map { $0.committees?.worstExpertise.map(Double.init) }),
            measure("committees changed vs base", changed)
        ]
    }

    /// "Committee of Anjali Nair (f106): Dr. Aisha Rahimi (c03), reader and chair, leaves (not in
    /// this what-if); Dr. Tomasz Kowal (c02) joins as reader and chair."
    static func sentence(_ c: CommitteeChange, base: Scenario?, other: Scenario?) -> String {
        let who = Directory.named(c.fellowName, c.fellow)
        if !c.formedAfter { return "\(who) no longer has a thesis committee." }
        func role(_ s: CommitteeChange.Seat, chair: String?) -> String {
            s.role + (s.member == chair ? " and chair" : "")
        }
        var parts: [String] = []
        for s in c.left {
            parts.append(
                "\(Directory.named(s.memberName, s.member)), \(role(s, chair: c.chairBefore)), leaves"
                    + (s.why.isEmpty ? "" : " (\(s.why))"))
        }
        for s in c.joined {
            parts.append("\(Directory.named(s.memberName, s.member)) joins as \(role(s, chair: c.chairAfter))")
        }
        if let chair = c.chairAfter, !c.joined.contains(where: { $0.member == chair }) {
            parts.append("\(other.map { CommitteeWording.member(chair, $0) } ?? chair) now chairs")
        }
        let head = c.formedBefore ? "Committee of \(who): " : "\(who) gains a thesis committee: "
        return head + parts.joined(separator: "; ") + "."
    }
}
