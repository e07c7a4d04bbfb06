import ArgumentParser
import ProgramOffice
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
        let office = Office()
        let program = try open(office, scenario)
        let result: BindsResult
        do { result = try office.binds(program) } catch { throw failure(error) }
        guard result.verdict == .solved, let objective = result.base.objective else {
            print(OfficeText.noPlacementToLoosen + "; see `fellowmatch run` for the diagnosis.")
            throw ExitStatus.of(result.verdict)
        }
        print(
            BindsReport.lines(result.limits, objective: objective, scenario: program.scenario).joined(separator: "\n"))
    }
}
