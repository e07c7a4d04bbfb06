import Foundation
import Testing

/// Every command's help, as `--help` prints it, pinned to a reviewed copy in
/// Help/ (regenerate with `fellowmatch COMMAND --help > Help/COMMAND.txt`
/// after changing an option on purpose, and read the difference).
@Suite struct HelpTextTests {
    static let commands = [
        "", "run", "schedule", "compare", "explain", "binds", "check", "export", "generate", "workbook", "new",
        "history",
        "history list", "history show", "history diff", "publish", "apply", "next-intake", "serve", "user", "user add",
        "user list"
    ]

    @Test(arguments: commands)
    func helpIsAsReviewed(_ command: String) throws {
        let name = command.isEmpty ? "fellowmatch" : command.replacingOccurrences(of: " ", with: "-")
        let pinned = CLI.root.appendingPathComponent("Tests/FellowMatchCLITests/Help/\(name).txt")
        let expected = try String(contentsOf: pinned, encoding: .utf8)
        let words = command.split(separator: " ").map(String.init)
        let out = try CLI.run(words + ["--help"])
        #expect(out.status == 0)
        #expect(out.stdout + out.stderrAsPrinted == expected, "fellowmatch \(command) --help changed")
    }
}
