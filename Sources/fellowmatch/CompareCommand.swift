import ArgumentParser
import ProgramOffice
import Reports

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Solve a base scenario and what-if variants side by side.",
        discussion: """
            Each WHATIF is a .toml file naming its base folder and the changes to it (see Scenarios/demo/what-if/). \
            All scenarios are solved at once, each on a thread of its own. Prints a table of measures and who moves, \
            and writes comparison.md, comparison.csv and comparison.json.
            """)

    @Argument(help: "The base scenario folder.")
    var base: String

    @Argument(help: "What-if files (.toml).")
    var whatIfs: [String] = []

    @OptionGroup var options: SolveOptions

    func run() throws {
        let office = Office()
        let opened: OpenedComparison
        do { opened = try office.openComparison(base: base, whatIfs: whatIfs) } catch { throw failure(error) }
        printWarnings(opened.base)
        for (path, whatIf) in opened.whatIfs {
            switch whatIf {
            case .success(let program): printWarnings(program)
            case .failure(let error):
                for problem in error.problems { printProblem(problem.description) }
                printError(OfficeText.leftOut(path, problems: error.errorCount))
            }
        }
        let result: ComparisonResult
        do { result = try office.compare(opened, output: options.out, solve: options.limits, log: options.log) } catch {
            throw failure(error)
        }
        printComparison(result)
        if !result.unreadable.isEmpty {
            printError(OfficeText.leftOut(result.unreadable.count, of: result.whatIfCount))
        }
        throw ExitStatus.of(result.verdict)
    }

    private func printComparison(_ result: ComparisonResult) {
        let comparison = result.comparison
        print(comparison.descriptions().joined(separator: "\n"))
        print("")
        print(comparison.table())
        print(comparison.diffLines().joined(separator: "\n"))
        let notes = comparison.noteLines()
        if !notes.isEmpty { print("\n" + notes.joined(separator: "\n")) }
        for note in result.writeNotes { printError("note: \(note)") }
        print("\n" + ConsoleReport.wrote(result.output, files: result.files.keys.sorted()))
    }
}
