import ArgumentParser
import Domain
import Foundation
import GLPKBackend
import Modeling
import PlacementSolver
import Reports

struct BindsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "binds",
        abstract: "Which capacities and budgets are used up, and what loosening each would gain.",
        discussion: """
            Lists labs and mentors at capacity and budgets with less left than one fellow's need (the median need \
            of the new fellows). Each is re-solved with one more place or that much more money, on separate threads, \
            and the gain in the objective is shown with who would move.
            """)

    @Argument(help: "The scenario folder.")
    var scenario: String

    func run() throws {
        let s = try loadScenario(scenario)
        let engine = PlacementEngine(solver: GLPKSolver())
        let base: PlacementOutcome
        do { base = try engine.run(s) } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        guard base.hasPlacement, let objective = base.objective else {
            print("The scenario has no placement; see `fellowmatch run` for the diagnosis.")
            throw ExitCode(1)
        }
        let limits = engine.bindingLimits(s, base: base) { jobs in SolveThreads.map(jobs) { $0() } }
        print(BindsReport.lines(limits, objective: objective, scenario: s).joined(separator: "\n"))
    }
}
