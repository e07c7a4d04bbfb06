import ArgumentParser
import ProgramOffice

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write an empty scenario to fill in: a documented workbook (.xlsx) or a folder.",
        discussion: """
            The workbook has a sheet per file with its header row, ids formatted as text, money as currency, dates \
            as dates, dropdowns for citizenship, status, rule, track and references to labs, mentors and fellows, \
            a scenario sheet of settings and a README sheet.
            """)

    @Option(name: .long, help: "The workbook (.xlsx) or folder to write (created; must not exist).")
    var to: String

    func validate() throws {
        try requireNewFolder(to)
    }

    func run() throws {
        do { try Office().newScenario(at: to) } catch { throw failure(error, consequence: "nothing was written") }
        print("Wrote \(to): an empty scenario to fill in; `fellowmatch check \(to)` says what is missing.")
    }
}
