import ArgumentParser
import Domain
import Foundation
import GLPKBackend
import Modeling
import PlacementSolver
import Reports

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Why didn't a fellow get a lab they ranked higher?",
        discussion: """
            For every lab the fellow ranked above the one they got: the rule that makes it ineligible (with the \
            numbers), or what placing them there would cost (re-solved with the fellow locked there: the change in \
            the objective and who would be displaced), or why that is impossible.
            """)

    @Argument(help: "The scenario folder.")
    var scenario: String

    @Option(name: .long, help: "The fellow's id.")
    var fellow: String?

    @Flag(name: .long, help: "Explain every new fellow not at their first choice.")
    var all = false

    @Option(name: .long, help: "Also write the explanation to this file (Markdown).")
    var output: String?

    func validate() throws {
        if fellow == nil && !all { throw ValidationError("give --fellow ID or --all") }
    }

    func run() throws {
        let s = try loadScenario(scenario)
        if let fellow, s.fellow(fellow) == nil {
            printError("error: no fellow \"\(fellow)\" in \(scenario)/fellows.csv")
            throw ExitCode(2)
        }
        let engine = PlacementEngine(solver: GLPKSolver())
        let base: PlacementOutcome
        do { base = try engine.run(s) } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        guard base.hasPlacement else {
            print("The scenario has no placement, so there is nothing to compare with:")
            for line in base.diagnosis?.lines ?? [] { print("  - \(line)") }
            throw ExitCode(1)
        }
        let ids =
            all
            ? base.placements.filter {
                $0.status == .unplaced || ($0.status == .new && ($0.rank ?? 1) > minimumRank(s, $0.fellow))
            }.map(\.fellow)
            : [fellow!]
        var lines: [String] = []
        var markdown: [String] = []
        let explanations = SolveThreads.map(ids) { id in
            Result { () throws(SolverError) -> FellowExplanation in try engine.explain(s, base: base, fellow: id) }
        }
        for result in explanations {
            switch result {
            case .success(let e):
                lines += ExplainReport.lines(e, scenario: s) + [""]
                markdown += ExplainReport.markdown(e, scenario: s) + [""]
            case .failure(let error):
                printError("error: \(error)")
                throw ExitCode(2)
            }
        }
        if ids.isEmpty {
            lines.append("Every new fellow got their first choice.")
            markdown.append("Every new fellow got their first choice.")
        }
        print(lines.joined(separator: "\n"))
        if let output {
            let document = Self.heading + "\n\n" + markdown.joined(separator: "\n") + "\n"
            do {
                try OutputFile(URL(fileURLWithPath: output), signatures: [Self.heading]).write(Data(document.utf8))
            } catch {
                printError("error: \(error)")
                throw ExitCode(2)
            }
        }
    }

    /// The first line of every file `explain --output` writes (and may replace).
    static let heading = "# Why not a better-ranked lab?"

    /// The best rank the fellow gave (ranks may start above 1).
    func minimumRank(_ s: Scenario, _ fellow: String) -> Int {
        s.preferences.filter { $0.fellow == fellow }.map(\.rank).min() ?? 1
    }
}
