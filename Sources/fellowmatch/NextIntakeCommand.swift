import ArgumentParser
import ProgramOffice
import Reports

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
        let office = Office()
        let program = try open(office, scenario)
        let result: NextIntakeResult
        do { result = try office.nextIntake(program, history: history.path(scenario: scenario), to: to) } catch {
            if error.code == .noOfficialMatch {
                printError(
                    "\(error.message): `fellowmatch history \(scenario)` lists its runs and "
                        + "`fellowmatch publish RUN --note TEXT` makes one official.")
                throw ExitStatus.of(error)
            }
            throw failure(error)
        }
        print(OfficeText.nextIntake(result.written.scenario, folder: to, from: result.official.id))
        for note in result.written.notes { printError("note: \(note)") }
    }
}
