import ArgumentParser
import Domain
import Foundation
import RunHistory

struct NextIntakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next-intake",
        abstract: "Write next year's scenario folder from this intake's official match.",
        discussion: """
            This year's new fellows become continuing with the lab, mentor and funding needs of the official match; \
            second-years graduate and leave; labs, mentors and funding are copied for you to edit; preferences.csv is \
            ready for the new applicants. The folder passes `fellowmatch check` once new fellows are added.
            """)

    @Argument(help: "This year's scenario folder (its intake must have a published run).")
    var scenario: String

    @Option(name: .long, help: "The folder to write (created; must not exist).")
    var to: String

    @OptionGroup var history: HistoryOptions

    func validate() throws {
        try requireNewFolder(to)
    }

    func run() throws {
        let s = try loadScenario(scenario)
        let store = try history.openExisting(scenario: scenario)
        let key = s.settings.intake ?? s.settings.name
        let official: RunRecord?
        do { official = try store.official(intakeKey: key) } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        guard let official else {
            printError(
                "\(key) has no official match yet: `fellowmatch history \(scenario)` lists its runs and `fellowmatch publish RUN --note TEXT` makes one official."
            )
            throw ExitCode(1)
        }
        let (next, notes) = NextIntake.scenario(from: s, official: official)
        do { try ScenarioWriter.write(next, to: URL(fileURLWithPath: to)) } catch {
            printError("error: \(to) could not be written: \(error)")
            throw ExitCode(2)
        }
        print(
            "Wrote \(to) for \(next.settings.intake ?? next.settings.name) from run \(official.id): \(next.fellows.count) continuing fellows, "
                + "\(next.labs.count) labs, \(next.mentors.count) mentors, \(next.funding.count) funding sources.")
        for n in notes { printError("note: \(n)") }
    }
}
