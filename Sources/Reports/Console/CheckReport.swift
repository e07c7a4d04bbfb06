import Domain
import PlacementSolver

/// `fellowmatch check`: what the scenario holds and what the pre-checks
/// found, in plain words within 80 columns.
public enum CheckReport {
    public static func lines(_ s: Scenario, path: String, choices: Int, findings: [Finding]) -> [String] {
        var out = summary(s, path: path, choices: choices)
        for f in findings {
            out += TextLayout.wrap(f.message, first: f.blocking ? "Problem: " : "Warning: ", indent: "  ")
        }
        out.append(verdict(blocking: findings.filter(\.blocking).count))
        return out
    }

    /// What the program holds and how many choices are eligible, before the findings.
    public static func summary(_ s: Scenario, path: String, choices: Int) -> [String] {
        let new = s.newFellows.count
        var out = TextLayout.wrap(
            "\(s.settings.name)" + (s.settings.intake.map { " (\($0))" } ?? "") + ", from \(path):", indent: "")
        out += TextLayout.wrap(
            "\(s.fellows.count) fellows (\(new) new, \(s.fellows.count - new) continuing), \(s.labs.count) labs, "
                + "\(s.mentors.count) mentors, \(s.funding.count) funding sources"
                + (s.sessions.map { ", \($0.count) seminar sessions" } ?? "") + ".", first: "  ", indent: "  ")
        out += TextLayout.wrap(
            "\(choices) eligible (fellow, lab, mentor) choices for the new fellows.", first: "  ", indent: "  ")
        return out
    }

    /// The check's last word: no problem, or how many make a placement impossible.
    public static func verdict(blocking: Int) -> String {
        blocking == 0
            ? "No problem found before solving."
            : "\(blocking) problem\(blocking == 1 ? " makes" : "s make") a placement impossible."
    }
}
