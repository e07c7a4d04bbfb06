import Domain
import Foundation
import PlacementSolver
import Reports
import RunHistory
import SeminarSolver

/// Everything a run produced, with its verdict.
public struct RunResult: Sendable {
    public var program: OpenedProgram
    public var outcome: PlacementOutcome
    /// The seminar schedule, when the scenario has sessions and a placement exists.
    public var schedule: ScheduleOutcome?
    /// Equally good placements (`nil` when not looked for or too large to check).
    public var ties: [Tie]?
    /// The placement's blocking pairs (`BlockingPairs`; empty without a placement).
    public var blockingPairs: [BlockingPair] = []
    /// The official match the run re-matched against, if any.
    public var official: RunRecord?
    /// After a re-match against the official match: better-ranked labs with
    /// room now, for the coordinator to decide on (nobody was moved to them).
    public var opportunities: [Opportunity]
    /// Whether an earlier run (a file or the official match) was kept.
    public var keptEarlierPlacements: Bool
    /// The output folder's absolute path (as the request named it, or the default).
    public var output: String
    /// The files written, by path inside the output folder.
    public var files: [String: Data]
    /// What writing found to clean up (leftovers of interrupted runs).
    public var writeNotes: [String]
    /// The run's id in the history, when recorded.
    public var recorded: Int64?
    /// In a re-plan: the date before which talks were treated as held, and
    /// where it came from (given, or the default `ReplanDate` explains).
    public var replan: ReplanDate?
    /// What did not stop the run but the user should know (the history could
    /// not be read or written).
    public var warnings: [String]
    /// The thesis committees, when the scenario forms them (see `Scenario.formsCommittees`).
    public var committees: CommitteeOutcome? = nil
    /// The thesis defenses, when the scenario has defense_slots.csv and committees were formed.
    public var defenses: DefenseOutcome? = nil

    public var verdict: Verdict {
        if !outcome.hasPlacement { return .noPlacement }
        if let schedule, !schedule.hasSchedule { return .noSchedule }
        return .solved
    }
}
