import ArgumentParser
import Domain
import Foundation
import Modeling

extension CutSelection: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

/// The options `run`, `schedule` and `compare` share: where to write, and
/// how to solve. Validated once, here.
struct SolveOptions: ParsableArguments {
    /// The longest `--time-limit` (and `[solver] time_limit`) accepted: a day.
    static let longestTimeLimit: Double = 86_400

    @Option(
        name: .long,
        help:
            "Output folder. Created if missing; an earlier run's output folder is replaced as a whole, anything else is refused."
    )
    var out: String?

    @Option(
        name: .long,
        help: "Seconds allowed for each solve (more than 0, at most 86400). Results are then not reproducible.")
    var timeLimit: Double?

    @Flag(name: .long, help: "Print GLPK's own log to standard error.")
    var solverLog = false

    @Option(
        name: .long,
        help: "Cut families for GLPK: \(CutSelection.help). Without it FellowMatch picks them by the model's shape.")
    var cuts: CutSelection?

    func validate() throws {
        if let t = timeLimit, !(t > 0 && t <= Self.longestTimeLimit) {
            throw ValidationError("--time-limit must be more than 0 and at most \(Int(Self.longestTimeLimit)) seconds")
        }
        if let out, out.isEmpty { throw ValidationError("--out needs a folder path") }
    }

    /// Solver options for these choices: deterministic unless a time limit was given.
    func solverOptions() -> SolverOptions {
        var options = SolverOptions.deterministic
        options.timeLimit = timeLimit
        options.cuts = cuts?.families
        if solverLog {
            options.logLevel = .normal
            options.logSink = { text in FileHandle.standardError.write(Data(text.utf8)) }
        }
        return options
    }
}

/// What `run` and `schedule` share beyond solving: the shareable variant and
/// the run history.
struct RunRecordOptions: ParsableArguments {
    @Flag(
        name: .long,
        help:
            "Also write report-public.html and placements-public.csv: no citizenship, external funding, funding splits or availability, for sharing beyond the program office."
    )
    var `public` = false

    @OptionGroup var history: HistoryOptions

    @Flag(name: .long, help: "Do not record this run in the run history.")
    var noHistory = false

    @Flag(
        name: .long,
        help: "Ignore the intake's official match (by default a run keeps it as far as the scenario allows).")
    var fresh = false

    /// The pipeline for a scenario with these options.
    func pipeline(
        _ scenario: String, _ options: SolveOptions, today: CalendarDate?, keepPlacements: String? = nil,
        keepSchedule: String? = nil
    ) -> Pipeline {
        Pipeline(
            scenarioPath: scenario, options: options, previousSchedule: keepSchedule, today: today,
            previousPlacements: keepPlacements,
            publicVariant: `public`, historyPath: history.path(scenario: scenario), recordRun: !noHistory, fresh: fresh)
    }
}
