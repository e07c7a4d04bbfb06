import Domain
import PlacementSolver
import RunHistory

/// The sentences about what a use case did (wrote, published, re-matched),
/// for every front end. Each stops where a front end's own hint would begin
/// (a command line names its flag, a page its button).
public enum OfficeText {
    /// "Re-matching against the official match of 2026-27 (run 3, published
    /// …): everyone stays where they are unless the scenario no longer allows
    /// it; talks before 2027-01-04 stay as they were."
    public static func rematching(_ official: RunRecord, today: CalendarDate?) -> String {
        "Re-matching against the official match of \(official.intakeKey) (run \(official.id), published "
            + "\(official.publishedAt ?? "")): everyone stays where they are unless the scenario no longer allows it"
            + (today.map { "; talks before \($0) stay as they were" } ?? "") + "."
    }

    /// "While run 7 solved, the official match of 2026-27 changed (run 3 →
    /// run 5): run 7 was made from run 3's; run it again to start from the
    /// official match."
    public static func officialChanged(run: Int64, intake: String, from: Int64?, to: Int64?) -> String {
        func named(_ id: Int64?) -> String { id.map { "run \($0)" } ?? "none" }
        let made = from.map { "was made from run \($0)'s" } ?? "was made without one"
        return "While run \(run) solved, the official match of \(intake) changed (\(named(from)) → \(named(to))): "
            + "run \(run) \(made); run it again to start from the official match."
    }

    /// "Recorded as run 4 in PATH"
    public static func recorded(_ id: Int64, history: String) -> String { "Recorded as run \(id) in \(history)" }

    /// "Run 4 is now the official match of 2026-27." and the replaced run, if any.
    /// The history's latest seal follows, to keep elsewhere.
    public static func published(_ run: RunRecord, replaced: RunRecord?, seal: String) -> [String] {
        ["Run \(run.id) is now the official match of \(run.intakeKey)."]
            + (replaced.map { ["Run \($0.id) is kept in the history, marked replaced by run \(run.id)."] } ?? [])
            + [
                "The history's latest seal is \(seal); keep it with the minutes: it shows later that no run "
                    + "was removed or rewritten since."
            ]
    }

    /// "No run recorded for 2026-27 in PATH yet"
    public static func noRuns(intakeKey: String?, history: String) -> String {
        "No run recorded\(intakeKey.map { " for \($0)" } ?? "") in \(history) yet"
    }

    /// When a program has no placement to explain against: the diagnosis.
    public static func nothingToExplain(_ o: PlacementOutcome) -> [String] {
        ["The scenario has no placement, so there is nothing to compare with:"]
            + (o.diagnosis?.lines ?? []).map { "  - \($0)" }
    }

    public static let everyoneAtFirstChoice = "Every new fellow got their first choice."

    /// The first line of every explanation document (and what may be replaced).
    public static let explanationHeading = "# Why not a better-ranked lab?"

    /// "The scenario has no placement" (binds).
    public static let noPlacementToLoosen = "The scenario has no placement"

    /// "Wrote FILE: 120 variables, 80 constraints."
    public static func exported(path: String, variables: Int, constraints: Int) -> String {
        "Wrote \(path): \(variables) variables, \(constraints) constraints."
    }

    /// Notes on an exported model: the first stage only; a negated maximisation.
    public static func exportNotes(objective: ObjectiveKind, firstStageOnly: Bool, negated: Bool) -> [String] {
        (firstStageOnly
            ? ["\(objective.rawValue) is solved in stages; the file holds the first stage's objective (total rank)."]
            : [])
            + (negated ? ["the maximisation was written to MPS as a minimisation of the negated objective."] : [])
    }

    /// "Wrote DIR: 1,000 new and 250 continuing fellows, …"
    public static func generated(_ s: Scenario, folder: String) -> String {
        "Wrote \(folder): \(s.newFellows.count) new and \(s.continuingFellows.count) continuing fellows, \(s.labs.count) labs, "
            + "\(s.mentors.count) mentors, \(s.funding.count) funding sources, \(s.preferences.count) preferences"
            + (s.sessions.map { ", \($0.count) seminar sessions." } ?? ".")
    }

    /// "Wrote DIR for 2027-28 from run 4: 12 continuing fellows, …"
    public static func nextIntake(_ next: Scenario, folder: String, from run: Int64) -> String {
        "Wrote \(folder) for \(next.settings.intakeKey) from run \(run): \(next.fellows.count) continuing fellows, "
            + "\(next.labs.count) labs, \(next.mentors.count) mentors, \(next.funding.count) funding sources."
    }

    /// "Wrote DIR: DESCRIPTION" (a what-if applied).
    public static func applied(folder: String, description: String) -> String { "Wrote \(folder): \(description)" }

    /// "N what-ifs could not be read … and are not in the comparison."
    public static func leftOut(_ count: Int, of total: Int) -> String {
        "\(count) of \(total) what-ifs could not be read (see above) and are not in the comparison."
    }

    /// "PATH is left out of the comparison: 2 problems."
    public static func leftOut(_ path: String, problems: Int) -> String {
        "\(path) is left out of the comparison: \(problems) problem\(problems == 1 ? "" : "s")."
    }
}
