import Foundation
import Testing

/// The README's examples are the demo's actual output (issue 17): each is
/// run in a copy of the demo named `demo`, and the README's block must
/// appear, line for line, in what the command prints.
@Suite struct ReadmeExampleTests {
    struct Example: Sendable, CustomTestStringConvertible {
        var marker: String
        var edits: [(file: String, old: String, new: String)]
        var testDescription: String { marker }
    }

    static let examples: [Example] = [
        Example(
            marker: "bad-input",
            edits: [
                ("labs.csv", "decision-support;pediatrics,3", "decision-support;pediatrics,three"),
                ("preferences.csv", "f014,lab01,1", "f014,lab13,1")
            ]),
        Example(marker: "diagnosis", edits: [("funding.csv", ",1100000,", ",900000,")]),
        Example(marker: "compare", edits: [])
    ]

    /// The block after `<!-- readme-example: NAME -->`: its command and the printed lines.
    func block(_ marker: String) throws -> (command: [String], lines: [String]) {
        let readme = try String(contentsOf: CLI.root.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "<!-- readme-example: \(marker) -->") else { return ([], []) }
        let lines = readme[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2)
        let body = lines.prefix { $0 != "```" }.map(String.init)
        let command =
            body.first.map { $0.dropFirst("$ fellowmatch ".count).split(separator: " ").map(String.init) } ?? []
        return (command, Array(body.dropFirst()))
    }

    @Test(arguments: examples)
    func theExampleIsWhatTheDemoPrints(_ example: Example) throws {
        let (command, expected) = try block(example.marker)
        #expect(!command.isEmpty && !expected.isEmpty, "README has no example \(example.marker)")
        let folder = CLI.temporary("readme")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let demo = folder.appendingPathComponent("demo")
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Scenarios/demo"), to: demo)
        for edit in example.edits {
            let url = demo.appendingPathComponent(edit.file)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.contains(edit.old), "\(edit.file) has no \(edit.old)")
            try Data(text.replacingOccurrences(of: edit.old, with: edit.new).utf8).write(to: url)
        }
        let r = try CLI.run(command + ["--no-history"].filter { _ in command.first == "run" }, in: folder)
        let printed = (r.stdout + "\n" + r.stderrAsPrinted).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        let found = printed.indices.contains { (i: Int) -> Bool in
            let end: Int = i + expected.count
            guard end <= printed.count else { return false }
            return Array(printed[i..<end]) == expected
        }
        #expect(found, "README example \(example.marker) differs from the output:\n\(printed.joined(separator: "\n"))")
    }
}
