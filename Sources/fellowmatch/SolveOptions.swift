import ArgumentParser
import Domain
import Foundation
import ProgramOffice
import Reports

extension CutChoice: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

/// The options `run`, `schedule` and `compare` share: where to write, and
/// how to solve. Validated once, here.
struct SolveOptions: ParsableArguments {
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
        help: "Cut families for GLPK: \(CutChoice.help). Without it FellowMatch picks them by the model's shape.")
    var cuts: CutChoice?

    func validate() throws {
        if let t = timeLimit, !SolveLimits.isValid(t) {
            throw ValidationError("--time-limit must be more than 0 and at most \(Int(SolveLimits.longest)) seconds")
        }
        if let out, out.isEmpty { throw ValidationError("--out needs a folder path") }
    }

    var limits: SolveLimits { SolveLimits(timeLimit: timeLimit, cuts: cuts) }

    /// GLPK's log on standard error, with `--solver-log`.
    var log: (@Sendable (String) -> Void)? {
        guard solverLog else { return nil }
        return { @Sendable text in FileHandle.standardError.write(Data(text.utf8)) }
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

    func validate() throws {
        if noHistory && history.history != nil {
            throw ValidationError(
                "--no-history and --history contradict each other: --history PATH records the run there, "
                    + "--no-history records it nowhere; give one")
        }
    }

    /// The run's request with these options.
    func request(
        _ scenario: String, _ options: SolveOptions, today: CalendarDate?, keepPlacements: String? = nil,
        keepSchedule: String? = nil
    ) -> RunRequest {
        var r = RunRequest()
        r.output = options.out
        r.solve = options.limits
        r.solverLog = options.log
        r.keepPlacements = keepPlacements
        r.keepSchedule = keepSchedule
        r.today = today
        r.publicVariant = `public`
        r.history = history.path(scenario: scenario)
        r.record = !noHistory
        r.fresh = fresh
        r.hints = FrontEndHints(explainEveryone: "`fellowmatch explain --all` says why.")
        return r
    }
}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
