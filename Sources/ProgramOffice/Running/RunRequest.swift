import Domain
import Modeling
import Reports

/// What a run is asked to do beyond the program itself: where to write, how
/// to solve, what to keep from an earlier run, and whether to record it.
public struct RunRequest: Sendable {
    /// The output folder; `nil`: the program's ``ProgramLocation/defaultOutput``.
    public var output: String?
    /// How long each solve may take; see ``SolveLimits``.
    public var solve = SolveLimits()
    /// An earlier run's `placements.csv` to keep as far as the scenario allows.
    public var keepPlacements: String?
    /// An earlier run's `schedule.csv` to keep as far as the sessions allow.
    public var keepSchedule: String?
    /// In a re-plan, talks before this date are history; `nil`: the default
    /// `ReplanDate` explains (the latest withdrawal, recording or publication).
    public var today: CalendarDate?
    /// Also write the shareable report and placements (a run into a folder
    /// that holds them writes them again without being asked).
    public var publicVariant = false
    /// The run history: its official match is kept and the run recorded
    /// there; `nil`: no history.
    public var history: String?
    /// Record the run in ``history``.
    public var record = true
    /// Ignore the intake's official match.
    public var fresh = false
    /// Receives the solver's progress during a long solve (any thread).
    public var progress: (@Sendable (SolveProgress) -> Void)?
    /// Receives GLPK's own log (any thread); `nil`: no log.
    public var solverLog: (@Sendable (String) -> Void)?
    /// Stops the run's solves when signalled (the run then ends with what it has).
    public var stop: StopSignal?
    /// Solve at a lower CPU priority (nice 10, on the run's thread and the
    /// threads it starts), so that a server's pages stay quick while it solves.
    public var lowPriority = false
    /// Times the run's phases when given (`fellowmatch run --timings`);
    /// the times never reach the output files.
    public var clock: PhaseClock?
    /// What the front end tells its users to do next, for the report.
    public var hints = FrontEndHints()

    public init() {}

    /// Whether the run starts from the intake's official match (neither
    /// fresh nor keeping an earlier run's file).
    var startsFromOfficial: Bool { !fresh && keepPlacements == nil && keepSchedule == nil }
}
