import ArgumentParser
import ProgramOffice
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
        let office = Office()
        let program = try open(office, scenario)
        let result: ExplainResult
        do { result = try office.explain(program, fellow.map { .one($0) } ?? .everyoneNotAtFirstChoice) } catch {
            throw failure(error)
        }
        guard result.verdict == .solved else {
            for line in OfficeText.nothingToExplain(result.base) { print(line) }
            throw ExitStatus.of(result.verdict)
        }
        let s = program.scenario
        var lines = result.explanations.flatMap { ExplainReport.lines($0, scenario: s) + [""] }
        var markdown = result.explanations.flatMap { ExplainReport.markdown($0, scenario: s) + [""] }
        if result.explanations.isEmpty {
            lines.append(OfficeText.everyoneAtFirstChoice)
            markdown.append(OfficeText.everyoneAtFirstChoice)
        }
        print(lines.joined(separator: "\n"))
        guard let output else { return }
        let document = OfficeText.explanationHeading + "\n\n" + markdown.joined(separator: "\n") + "\n"
        do { try office.writeDocument(document, to: output, signatures: [OfficeText.explanationHeading]) } catch {
            throw failure(error)
        }
    }
}
