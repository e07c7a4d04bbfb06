/// committee_rules.csv: `fellow`, `member`, `rule` (`lock` or `forbid`),
/// `reason`. Every problem is located; a row is checked against the
/// committee rules a lock must still obey (the member is not the fellow's
/// mentor, not in the fellow's lab, not in conflict with them, has a
/// `committee_load` above 0 and a seat of their kind exists), and the locks
/// together against the seats and the loads.
extension ScenarioBuilder {
    /// A member as the rules see them.
    private struct RuleMember {
        var lab: String?
        var load: Int
        var external: Bool
    }

    mutating func readCommitteeRules() {
        let settings = scenario.settings.committee ?? CommitteeSettings()
        let fellows = Dictionary(scenario.fellows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let members = Dictionary(
            scenario.mentors.map { ($0.id, RuleMember(lab: $0.lab, load: $0.committeeLoad, external: $0.external)) }
                + scenario.faculty.map {
                    ($0.id, RuleMember(lab: $0.lab, load: $0.committeeLoad, external: $0.external))
                },
            uniquingKeysWith: { first, _ in first })
        let conflicts = Dictionary(
            scenario.conflicts.map { ("\($0.person)\u{1}\($0.fellow)", $0.line) }, uniquingKeysWith: { a, _ in a })
        var seen: [String: CommitteeRule] = [:]
        var seats: [String: (readers: Int, externals: Int)] = [:]
        var loads: [String: Int] = [:]
        var list: [CommitteeRule] = []
        var found: [ScenarioIssue] = []
        for r in rowReaders("committee_rules.csv") {
            let before = found.count
            if r.text("fellow") == nil, r.columns["fellow"] != nil {
                found.append(
                    r.issue(
                        "fellow", "is empty but required",
                        hint: "name one fellow; to keep a member off every committee this year,"
                            + " set their committee_load to 0 in mentors.csv or faculty.csv"))
            }
            let fellowID = r.id("fellow", &found, required: false)
            let memberID = r.id("member", &found, named: mentorNames)
            let kind = r.choice("rule", &found, as: CommitteeRule.Kind.self, required: true)
            let reason = r.freeText("reason", &found)
            if let fellowID, fellows[fellowID] == nil, checks("fellows.csv") {
                found.append(unknown(r, "fellow", fellowID, in: "fellows.csv", candidates: Array(fellows.keys)))
            }
            if let memberID, members[memberID] == nil, checks("mentors.csv"), checks("faculty.csv"),
                !isRegistered(memberID, in: "mentors.csv"), !isRegistered(memberID, in: "faculty.csv")
            {
                found.append(
                    r.issue(
                        "member", "unknown member \"\(memberID)\"",
                        hint: (Identifier.nearest(to: memberID, in: members.keys).map {
                            "did you mean \($0)? "
                        }
                            ?? "") + "it must be an id in mentors.csv or faculty.csv"))
            }
            guard found.count == before, let fellowID, let fellow = fellows[fellowID], let memberID,
                let member = members[memberID], let kind
            else { continue }
            if fellow.status == .withdrawn { continue }
            let rule = CommitteeRule(
                fellow: fellowID, member: memberID, kind: kind, reason: reason ?? "", line: r.row.line)
            if let problem = Self.problem(
                rule, fellow: fellow, member: member, conflictLine: conflicts["\(memberID)\u{1}\(fellowID)"],
                settings: settings, earlier: seen["\(memberID)\u{1}\(fellowID)"])
            {
                found.append(r.issue(problem.column, problem.message, hint: problem.hint))
                continue
            }
            if kind == .lock {
                var s = seats[fellowID] ?? (0, 0)
                if member.external { s.externals += 1 } else { s.readers += 1 }
                let load = loads[memberID, default: 0] + 1
                if let problem = Self.tooMany(rule, seats: s, load: load, member: member, settings) {
                    found.append(r.issue("member", problem.message, hint: problem.hint))
                    continue
                }
                seats[fellowID] = s
                loads[memberID] = load
            }
            seen["\(memberID)\u{1}\(fellowID)"] = rule
            list.append(rule)
        }
        issues += found
        scenario.committeeRules = list
    }

    private struct Problem {
        var column = "member"
        var message: String
        var hint: String
    }

    /// What makes one rule impossible on its own, or contradicts an earlier row.
    private static func problem(
        _ rule: CommitteeRule, fellow: Fellow, member: RuleMember, conflictLine: Int?, settings: CommitteeSettings,
        earlier: CommitteeRule?
    ) -> Problem? {
        let f = rule.fellow, p = rule.member
        if fellow.isNew {
            return Problem(
                column: "fellow", message: "\(f) is a new fellow; thesis committees are formed for continuing fellows",
                hint: "name a continuing fellow, or remove the row")
        }
        if let earlier {
            return earlier.kind == rule.kind
                ? Problem(
                    message: "\(p) is already \(rule.kind == .lock ? "locked to" : "forbidden from") \(f)'s committee"
                        + " on line \(earlier.line)", hint: "keep one row per fellow and member")
                : Problem(
                    column: "rule",
                    message: "\(rule.kind == .lock ? "locks" : "forbids") what line \(earlier.line)"
                        + " \(earlier.kind == .lock ? "locks" : "forbids") for \(f) and \(p)",
                    hint: "remove either the lock or the forbid")
        }
        if fellow.mentor == p {
            return Problem(
                message: "\(p) is \(f)'s mentor, on the committee by right",
                hint: rule.kind == .lock
                    ? "remove the row"
                    : "a mentor cannot be kept off; a conflict in conflicts.csv keeps them from chairing")
        }
        guard rule.kind == .lock else { return nil }
        if let lab = member.lab, lab == fellow.lab {
            return Problem(
                message: "\(p) is in \(f)'s lab \(lab) and never reads for a fellow of it",
                hint: "lock a member from another lab, or remove the lock")
        }
        if let line = conflictLine {
            return Problem(
                message: "\(p) is in conflict with \(f) (conflicts.csv line \(line))",
                hint: "remove either the lock or the conflict")
        }
        if member.load == 0 {
            return Problem(
                message: "\(p) has committee_load 0 and sits on no committee",
                hint: "raise their committee_load, or remove the lock")
        }
        if member.external && settings.externals == 0 {
            return Problem(
                message: "\(p) is an external member, but [committee] externals is 0",
                hint: "set [committee] externals, or lock a reader")
        }
        if !member.external && settings.maxReaders == 0 {
            return Problem(
                message: "\(p) is a reader, but [committee] readers allows none",
                hint: "raise [committee] readers' max, or lock an external member")
        }
        return nil
    }

    /// A lock beyond the fellow's seats of its kind or the member's `committee_load`.
    private static func tooMany(
        _ rule: CommitteeRule, seats: (readers: Int, externals: Int), load: Int, member: RuleMember,
        _ settings: CommitteeSettings
    ) -> Problem? {
        let f = rule.fellow, p = rule.member
        if member.external && seats.externals > settings.externals {
            return Problem(
                message: "\(f) has \(seats.externals) external members locked; [committee] externals is"
                    + " \(settings.externals)", hint: "keep at most \(settings.externals) external locks per fellow")
        }
        if !member.external && seats.readers > settings.maxReaders {
            return Problem(
                message: "\(f) has \(seats.readers) readers locked; [committee] readers allows at most"
                    + " \(settings.maxReaders)", hint: "keep at most \(settings.maxReaders) reader locks per fellow")
        }
        if load > member.load {
            return Problem(
                message: "\(p) is locked to \(load) committees; their committee_load is \(member.load)",
                hint: "raise their committee_load, or remove a lock")
        }
        return nil
    }
}
