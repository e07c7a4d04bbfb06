import ArgumentParser
import ProgramOffice

struct WorkbookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workbook",
        abstract: "Write a scenario as one Excel workbook, or a workbook as a scenario folder.",
        discussion: """
            With --to FILE.xlsx, the scenario (a folder, a what-if or a workbook) becomes one workbook: a sheet per \
            file, row 1 the column names, a scenario sheet of key, value rows. With --to DIR, the scenario is \
            written as a folder. Either reads to the same scenario.
            """)

    @Argument(help: "The scenario: a folder, a what-if (.toml) or a workbook (.xlsx).")
    var scenario: String

    @Option(name: .long, help: "The workbook (.xlsx) or folder to write (created; must not exist).")
    var to: String

    func validate() throws {
        try requireNewFolder(to)
    }

    func run() throws {
        let office = Office()
        let program = try open(office, scenario)
        do {
            _ = try office.convert(program, to: to)
            print("Wrote \(to): \(program.description)")
        } catch {
            throw failure(error, consequence: "nothing was written")
        }
    }
}
