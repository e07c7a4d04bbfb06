import ArgumentParser
import Domain
import PlacementSolver

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a scenario and run the pre-checks, without solving.")

    @Argument(help: "The scenario folder.")
    var scenario: String

    func run() throws {
        let s = try loadScenario(scenario)
        let eligibility = Eligibility(s)
        let findings = PreChecks.run(s, eligibility)
        let newCount = s.newFellows.count
        print("\(scenario): \(s.fellows.count) fellows (\(newCount) new, \(s.fellows.count - newCount) continuing), "
              + "\(s.labs.count) labs, \(s.mentors.count) mentors, \(s.funding.count) funding sources"
              + (s.sessions.map { ", \($0.count) seminar sessions" } ?? ""))
        print("Placement model: \(eligibility.choices.count) eligible (fellow, lab, mentor) choices.")
        let blocking = findings.filter(\.blocking)
        for f in findings { print("\(f.blocking ? "problem" : "warning"): \(f.message)") }
        if blocking.isEmpty {
            print("No problem found before solving.")
        } else {
            print("\(blocking.count) problem\(blocking.count == 1 ? "" : "s") make a placement impossible.")
            throw ExitCode(1)
        }
    }
}
