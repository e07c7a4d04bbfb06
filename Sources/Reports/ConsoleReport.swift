import Domain
import PlacementSolver
import SeminarSolver

/// The short readable summary `fellowmatch run` prints.
public enum ConsoleReport {
    public static func render(_ o: PlacementOutcome, scenario: Scenario) -> String {
        var lines: [String] = []
        let title = scenario.settings.intake.map { "\(o.scenarioName) (\($0))" } ?? o.scenarioName
        lines.append("FellowMatch: \(title), objective \(o.objectiveKind.rawValue)")
        var status = "Status: \(o.status.rawValue)"
        if let v = o.objective { status += "   objective \(NumberText.number(v))" }
        if let b = o.bound { status += "   bound \(NumberText.number(b))" }
        if let g = o.gap { status += "   gap \(NumberText.percent(g))" }
        status += "   solve \(NumberText.seconds(o.solveSeconds))" + (o.solves > 1 ? " in \(o.solves) stages" : "")
        lines.append(status)
        if let d = o.diagnosis {
            lines.append("")
            lines.append(d.summary)
            for l in d.lines { lines.append("  - \(l)") }
            return lines.joined(separator: "\n")
        }
        guard o.hasPlacement else { return lines.joined(separator: "\n") }
        let newCount = o.placements.filter { $0.status != .continuing }.count
        let profile = o.rankProfile.sorted { $0.key < $1.key }.map { "\(NumberText.ordinal($0.key)) \($0.value)" }
        lines.append("Rank profile (\(newCount) new): " + (profile.isEmpty ? "none placed" : profile.joined(separator: " · ")))
        lines.append("Unplaced: " + (o.unplaced.isEmpty ? "none" : o.unplaced.joined(separator: ", ")))
        if !o.budgets.isEmpty {
            lines.append("Funding (budget, used, left):")
            let width = o.budgets.map(\.source.count).max() ?? 0
            for b in o.budgets {
                lines.append("  " + pad(b.source, width) + "  " + lpad(Money.format(b.budget), 12) + "  "
                             + lpad(Money.format(cents: b.usedCents), 14) + "  " + lpad(Money.format(cents: b.leftCents), 14))
            }
        }
        let loaded = o.mentorLoads.filter { $0.total > 0 }
        if !loaded.isEmpty {
            lines.append("Mentor load (fellows / capacity):")
            var row = "  "
            for m in loaded {
                let item = "\(m.id) \(m.total)/\(m.capacity)"
                if row.count + item.count + 3 > 100 {
                    lines.append(row)
                    row = "  "
                }
                row += (row == "  " ? "" : " · ") + item
            }
            if row != "  " { lines.append(row) }
        }
        for w in o.warnings { lines.append("warning: \(w.message)") }
        return lines.joined(separator: "\n")
    }

    /// The seminar part of the summary.
    public static func render(_ s: ScheduleOutcome) -> String {
        var lines: [String] = []
        if s.hasSchedule {
            let sessions = Set(s.talks.map(\.session.id)).count
            lines.append("Seminars: \(s.status.rawValue), \(s.talks.count) talks in \(sessions) sessions"
                         + (s.talks.isEmpty ? "" : ", \(s.talks.first!.session.date) to \(s.talks.last!.session.date)")
                         + "; sessions with two talks from one lab: \(s.sessionsWithSameLab), from one track: \(s.sessionsWithSameTrack)")
            if !s.moves.isEmpty || s.kept > 0 {
                lines.append("Re-plan: \(s.kept) talk\(s.kept == 1 ? "" : "s") kept where they were, \(s.moves.count) change\(s.moves.count == 1 ? "" : "s"):")
                for m in s.moves { lines.append("  - \(m)") }
            }
        } else if s.status == .timeLimitNoSolution {
            lines.append("Seminars: no schedule found within the time limit.")
        } else {
            lines.append("Seminars: no schedule exists.")
            for e in s.explanation { lines.append("  - \(e)") }
        }
        return lines.joined(separator: "\n")
    }

    static func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
    static func lpad(_ s: String, _ w: Int) -> String { String(repeating: " ", count: max(0, w - s.count)) + s }
}
