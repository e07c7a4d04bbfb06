import ArgumentParser
import Domain
import Foundation
import Reports

/// `fellowmatch`: places fellows in labs with mentors and funding, and
/// schedules their seminars.
///
/// Exit status: 0 a solution, 1 no feasible placement (diagnosis printed),
/// 2 bad input or usage (nothing written).
@main
struct FellowMatch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fellowmatch",
        abstract: "Match postdoctoral fellows to labs, mentors and funding; schedule their seminars.",
        discussion: """
            Exit status: 0 when a placement was found, 1 when the scenario has no feasible placement \
            (the diagnosis is printed and written to summary.json), 2 for bad input or usage. \
            The input format, every rule and every limit: docs/scenario-format.md.
            """,
        version: FellowMatchVersion.current,
        subcommands: [
            RunCommand.self, ScheduleCommand.self, CompareCommand.self, ExplainCommand.self, BindsCommand.self,
            CheckCommand.self, ExportCommand.self, GenerateCommand.self, WorkbookCommand.self, NewCommand.self,
            HistoryCommand.self,
            PublishCommand.self,
            ApplyCommand.self, NextIntakeCommand.self, ServeCommand.self, UserCommand.self
        ]
    )

    /// Runs the command, mapping usage errors to exit status 2 (the scenario
    /// format's contract) instead of ArgumentParser's 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Writes a message to standard error, control characters made visible,
/// wrapped to 80 columns (continuation lines indented by four spaces).
func printError(_ text: String) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        .flatMap { TextLayout.wrap(terminalSafe(String($0)), indent: "    ") }
    FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
}

/// Writes one located problem (`file:line: column: message (hint)`) to
/// standard error on a single line, as compilers do, so editors and grep
/// find it whole.
func printProblem(_ text: String) {
    FileHandle.standardError.write(Data((terminalSafe(text) + "\n").utf8))
}

/// Every line the commands print goes through here: a name, room or path
/// holding an escape sequence is shown as `\u{1B}…`, never executed by the
/// terminal. (Shadows the standard library's `print` in this module.)
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    Swift.print(terminalSafe(items.map { "\($0)" }.joined(separator: separator)), terminator: terminator)
}

func terminalSafe(_ text: String) -> String { ScenarioIssue.visible(text, keeping: ["\n"]) }
