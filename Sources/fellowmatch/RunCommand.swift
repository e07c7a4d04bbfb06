import ArgumentParser
import Domain
import Foundation
import GLPKBackend
import Modeling
import PlacementSolver
import Reports

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Place every new fellow and split funding; write placements.csv and summary.json.")

    @Argument(help: "The scenario folder (scenario.toml and CSV files).")
    var scenario: String

    @Option(name: .long, help: "Output folder (default: SCENARIO/out). Created if missing; replaced as a whole.")
    var out: String?

    @Option(name: .long, help: "Seconds allowed for each solve. Results are then not reproducible.")
    var timeLimit: Double?

    func validate() throws {
        if let t = timeLimit, !(t > 0) { throw ValidationError("--time-limit must be a positive number of seconds") }
    }

    func run() throws {
        let s = try loadScenario(scenario)
        let outURL = URL(fileURLWithPath: out ?? (scenario as NSString).appendingPathComponent("out"))
        let folder = OutputFolder(outURL)
        do { try folder.checkReplaceable() } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        var options = SolverOptions.deterministic
        options.timeLimit = timeLimit
        let progress = ProgressLine()
        var engine = PlacementEngine(solver: GLPKSolver(), options: options)
        if progress.enabled {
            engine.progress = { @Sendable p in progress.report(p) }
        }
        let outcome: PlacementOutcome
        do {
            outcome = try engine.run(s)
        } catch {
            progress.finish()
            printError("error: \(error)")
            throw ExitCode(2)
        }
        progress.finish()
        let files = RunFiles.files(for: outcome, scenario: s)
        do { try folder.write(files) } catch {
            printError("error: could not write \(outURL.path): \(error)")
            throw ExitCode(2)
        }
        print(ConsoleReport.render(outcome, scenario: s))
        print("Wrote " + files.keys.sorted().map { (outURL.path as NSString).appendingPathComponent($0) }.joined(separator: ", "))
        if !outcome.hasPlacement { throw ExitCode(1) }
    }
}
