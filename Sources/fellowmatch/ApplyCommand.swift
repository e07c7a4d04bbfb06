import ArgumentParser
import ProgramOffice
import Reports

struct ApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Write the scenario a what-if file describes as a folder of its own.",
        discussion: "The folder must not exist yet. Running the folder gives the same results as comparing the what-if."
    )

    @Argument(help: "The what-if file (.toml).")
    var whatIf: String

    @Option(name: .long, help: "The folder to write (created; must not exist).")
    var to: String

    func validate() throws {
        try requireNewFolder(to)
    }

    func run() throws {
        let office = Office()
        do {
            let program = try office.open(whatIf)
            printWarnings(program)
            _ = try office.apply(program, to: to)
            print(OfficeText.applied(folder: to, description: program.description))
        } catch {
            throw failure(error, consequence: "nothing was written")
        }
    }
}
