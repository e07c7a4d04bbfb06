import Foundation

/// Writes a ``Scenario`` as a scenario folder (scenario.toml and CSV files)
/// that ``ScenarioReader`` reads back to the same values. Used by the GAP
/// converter and the intake generator.
public enum ScenarioWriter {
    public static func files(for s: Scenario) -> [String: String] {
        var files: [String: String] = [:]
        files["scenario.toml"] = toml(s.settings)
        let everyone = (s.fellows + s.withdrawn).enumerated().sorted {
            ($0.element.line, $0.offset) < ($1.element.line, $1.offset)
        }.map(\.element)
        files["fellows.csv"] = fellowsFile(everyone, withdrawn: !s.withdrawn.isEmpty)
        files["labs.csv"] = csv(
            ["id", "name", "institution", "areas", "capacity"],
            s.labs.map { [$0.id, $0.name, $0.institution, $0.areas.joined(separator: ";"), "\($0.capacity)"] })
        files["mentors.csv"] = mentorsFile(s)
        let kinds = s.funding.contains { $0.kind != nil || $0.slots != nil }
        files["funding.csv"] = csv(
            ["id", "name", "lab", "budget", "citizens_only", "areas"] + (kinds ? ["kind", "slots"] : []),
            s.funding.map {
                [
                    $0.id, $0.name, $0.lab ?? "", "\($0.budget)", $0.citizensOnly ? "true" : "false",
                    $0.areas.joined(separator: ";")
                ] + (kinds ? [$0.kind?.rawValue ?? "", $0.slots.map { "\($0)" } ?? ""] : [])
            })
        let scored = s.preferences.contains { $0.score != nil }
        files["preferences.csv"] = csv(
            ["fellow", "lab", "rank"] + (scored ? ["score"] : []),
            s.preferences.map { [$0.fellow, $0.lab, "\($0.rank)"] + (scored ? [$0.score.map(number) ?? ""] : []) })
        if !s.mentorPreferences.isEmpty {
            files["mentor_preferences.csv"] = csv(
                ["mentor", "fellow", "rank"], s.mentorPreferences.map { [$0.mentor, $0.fellow, "\($0.rank)"] })
        }
        if !s.costs.isEmpty {
            files["costs.csv"] = csv(["fellow", "lab", "cost"], s.costs.map { [$0.fellow, $0.lab, "\($0.cost)"] })
        }
        if !s.rules.isEmpty {
            files["rules.csv"] = csv(
                ["fellow", "lab", "mentor", "rule", "reason"],
                s.rules.map { [$0.fellow, $0.lab, $0.mentor ?? "", $0.kind.rawValue, $0.reason] })
        }
        if let sessions = s.sessions {
            files["sessions.csv"] = csv(
                ["id", "date", "start", "end", "room", "capacity", "kinds"],
                sessions.map {
                    [
                        $0.id, "\($0.date)", "\($0.start)", "\($0.end)", $0.room, "\($0.capacity)",
                        $0.kinds.joined(separator: ";")
                    ]
                })
        }
        files.merge(committeeFiles(s)) { _, new in new }
        if !s.availability.isEmpty {
            files["availability.csv"] = csv(
                ["person", "date", "session", "reason"],
                s.availability.map { [$0.person, $0.date.map { "\($0)" } ?? "", $0.session ?? "", $0.reason] })
        }
        return files
    }

    public static func write(_ s: Scenario, to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files(for: s) {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
    }

    static func number(_ d: Double) -> String { d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : "\(d)" }

    static func csv(_ header: [String], _ rows: [[String]]) -> String { CSVWriter.render(header: header, rows: rows) }

    /// A TOML basic string: quotes and backslashes escaped, and line breaks,
    /// tabs and other control characters as escapes, so any text reads back.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out +=
                        "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16, uppercase: true)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// fellows.csv; `withdrawn_on`, `experience`, `start_on`, `email` and `defend_by` only when some fellow has one.
    static func fellowsFile(_ everyone: [Fellow], withdrawn: Bool) -> String {
        let experience = everyone.contains { $0.experience != nil }
        let startOn = everyone.contains { $0.startOn != nil }
        let email = everyone.contains { $0.email != nil }
        let defendBy = everyone.contains { $0.defendBy != nil }
        let optional: [String] =
            (withdrawn ? ["withdrawn_on"] : []) + (experience ? ["experience"] : []) + (startOn ? ["start_on"] : [])
            + (email ? ["email"] : []) + (defendBy ? ["defend_by"] : [])
        let header =
            ["id", "name", "track", "citizenship", "status", "lab", "mentor", "interests", "cost", "external_funding"]
            + optional
        let rows: [[String]] = everyone.map { f in
            var row: [String] = [f.id, f.name, f.track, f.citizenship.rawValue, f.status.rawValue, f.lab ?? ""]
            row += [f.mentor ?? "", f.interests.joined(separator: ";"), f.costFromLevels ? "" : "\(f.cost)"]
            row.append("\(f.externalFunding)")
            if withdrawn { row.append(f.withdrawnOn.map { "\($0)" } ?? "") }
            if experience { row.append(f.experience.map { "\($0)" } ?? "") }
            if startOn { row.append(f.startOn.map { "\($0)" } ?? "") }
            if email { row.append(f.email ?? "") }
            if defendBy { row.append(f.defendBy.map { "\($0)" } ?? "") }
            return row
        }
        return csv(header, rows)
    }

    /// mentors.csv; `email` and the committee columns only when used.
    static func mentorsFile(_ s: Scenario) -> String {
        let emails = s.mentors.contains { $0.email != nil }
        let committee = s.mentorsHaveCommitteeColumns
        return csv(
            ["id", "name", "lab", "areas", "capacity"] + (emails ? ["email"] : [])
                + (committee ? ["committee_load", "external", "chair"] : []),
            s.mentors.map {
                [$0.id, $0.name, $0.lab, $0.areas.joined(separator: ";"), "\($0.capacity)"]
                    + (emails ? [$0.email ?? ""] : [])
                    + (committee ? ["\($0.committeeLoad)", "\($0.external)", "\($0.chair)"] : [])
            })
    }

    /// faculty.csv, conflicts.csv and committee_rules.csv, when the scenario has them.
    static func committeeFiles(_ s: Scenario) -> [String: String] {
        var files: [String: String] = [:]
        if !s.faculty.isEmpty {
            files["faculty.csv"] = csv(
                ["id", "name", "lab", "institution", "areas", "committee_load", "external", "chair"],
                s.faculty.map {
                    [
                        $0.id, $0.name, $0.lab ?? "", $0.institution, $0.areas.joined(separator: ";"),
                        "\($0.committeeLoad)", "\($0.external)", "\($0.chair)"
                    ]
                })
        }
        if let slots = s.defenseSlots {
            files["defense_slots.csv"] = csv(
                ["date", "start", "end", "room"], slots.map { ["\($0.date)", "\($0.start)", "\($0.end)", $0.room] })
        }
        if !s.conflicts.isEmpty {
            files["conflicts.csv"] = csv(
                ["person", "fellow", "reason"], s.conflicts.map { [$0.person, $0.fellow, $0.reason] })
        }
        if !s.committeeRules.isEmpty {
            files["committee_rules.csv"] = csv(
                ["fellow", "member", "rule", "reason"],
                s.committeeRules.map { [$0.fellow, $0.member, $0.kind.rawValue, $0.reason] })
        }
        return files
    }

    static func toml(_ t: ScenarioSettings) -> String {
        var lines = ["name = \(quoted(t.name))"]
        if let intake = t.intake { lines.append("intake = \(quoted(intake))") }
        lines += [
            "", "[objective]", "kind = \(quoted(t.objective.rawValue))", "mentor_weight = \(number(t.mentorWeight))",
            "", "[placement]", "allow_unplaced = \(t.allowUnplaced)", "unplaced_penalty = \(number(t.unplacedPenalty))"
        ]
        if t.timeLimit != nil || t.mipGap != 0 {
            lines += ["", "[solver]"]
            if let limit = t.timeLimit { lines.append("time_limit = \(number(limit))") }
            if t.mipGap != 0 { lines.append("mip_gap = \(t.mipGap)") }
        }
        if let order = t.dateOrder { lines += ["", "[input]", "date_order = \(quoted(order.rawValue))"] }
        let f = t.funding
        if f.maxSources != nil || f.minPayment != nil || !f.order.isEmpty {
            lines += ["", "[funding]"]
            if let n = f.maxSources { lines.append("max_sources = \(n)") }
            if let n = f.minPayment { lines.append("min_payment = \(n)") }
            if !f.order.isEmpty { lines.append("order = [\(f.order.map(quoted).joined(separator: ", "))]") }
        }
        if t.yearStart != nil || t.officeEmail != nil {
            lines += ["", "[program]"]
            if let start = t.yearStart { lines.append("year_start = \(quoted("\(start)"))") }
            if let email = t.officeEmail { lines.append("office_email = \(quoted(email))") }
        }
        if !t.stipends.levels.isEmpty || t.stipends.otherCosts != 0 {
            lines += ["", "[stipends]"]
            if !t.stipends.levels.isEmpty {
                lines.append("levels = [\(t.stipends.levels.map { "\($0)" }.joined(separator: ", "))]")
            }
            if t.stipends.otherCosts != 0 { lines.append("other_costs = \(t.stipends.otherCosts)") }
        }
        if let c = t.committee {
            lines += [
                "", "[committee]", "readers = [\(c.minReaders), \(c.maxReaders)]", "externals = \(c.externals)",
                "mentor_may_chair = \(c.mentorMayChair)", "cover_interests = \(c.coverInterests)"
            ]
        }
        for (name, limit) in t.tracks.sorted(by: { $0.key < $1.key }) {
            lines += ["", "[tracks.\(quoted(name))]"]
            if let lo = limit.minNew { lines.append("min_new = \(lo)") }
            if let hi = limit.maxNew { lines.append("max_new = \(hi)") }
        }
        let talks = t.seminars.talks.map { talk in
            "{ " + (talk.status.map { "status = \(quoted($0.rawValue)), " } ?? "")
                + "kind = \(quoted(talk.kind)), count = \(talk.count) }"
        }
        lines += [
            "", "[seminars]", "timezone = \(quoted(t.seminars.timezone))", "talks = [\(talks.joined(separator: ", "))]",
            "mentor_required = [\(t.seminars.mentorRequired.map(quoted).joined(separator: ", "))]"
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
