import Foundation
import Testing

/// The words of issue 25: report pages that agree with the terminal, and
/// `explain` and "did you mean" that say what is so.
@Suite struct WordingTests {
    /// Runs `run --public` on `dir`; the terminal's text and both pages' text.
    func run(_ dir: URL) throws -> (terminal: String, report: String, shared: String) {
        let r = try CLI.run(["run", dir.path, "--public"])
        #expect(r.status == 0, "\(r.stderr)")
        func text(_ page: String) throws -> String {
            let html = try String(contentsOf: dir.appendingPathComponent("out/\(page)"), encoding: .utf8)
            // Each "at capacity" tag kept as a line of its own, to be counted.
            return html.replacingOccurrences(of: "<span class=\"tag full\">at capacity</span>", with: "\n@full\n")
                .replacingOccurrences(of: "<[^>]*>", with: "\n", options: .regularExpression)
                .replacingOccurrences(of: "&#39;", with: "'")
        }
        return (r.stdout, try text("report.html"), try text("report-public.html"))
    }

    func expectAgreement(_ dir: URL) throws {
        let (terminal, report, shared) = try run(dir)
        let lines = terminal.split(separator: "\n").map(String.init)
        let headline = lines[1]
        #expect(headline.contains("new fellows placed"), "\(headline)")
        // Placed new fellows not at their first choice, counted on the terminal's list.
        let notFirst = lines.filter { $0.hasPrefix(" ") && $0.contains(" → ") && !$0.hasPrefix("  1st ") }.count
        let sentence =
            notFirst == 0
            ? "Every new fellow got their first choice."
            : "\(notFirst) new fellow\(notFirst == 1 ? " is" : "s are") not at their first choice"
        let seminars = terminal.replacingOccurrences(of: "\n  ", with: " ").firstMatch(
            of: /Seminars: \d+ talks in \d+ sessions/
        ).map { String($0.output) }
        // Labs and mentors at capacity, as the terminal counts them.
        let full = [/Labs at capacity \((\d+)\)/, /Mentors at capacity \((\d+)\)/].map { pattern in
            terminal.firstMatch(of: pattern).flatMap { Int($0.output.1) } ?? 0
        }.reduce(0, +)
        for (name, page) in [("report.html", report), ("report-public.html", shared)] {
            #expect(page.components(separatedBy: "\n@full\n").count - 1 == full, "\(name): \(full) at capacity")
            #expect(page.contains(headline), "\(name): \(headline)")
            #expect(page.contains(sentence), "\(name): \(sentence)")
            if notFirst > 0 { #expect(!page.contains("Every new fellow got their first choice"), "\(name)") }
            if let seminars { #expect(page.contains(seminars), "\(name): \(seminars)") }
        }
    }

    @Test func theSharedPageAgreesWithTheTerminalOnTheDemo() throws {
        try expectAgreement(try CLI.demoCopy())
    }

    @Test func theSharedPageAgreesWithTheTerminalOnAGeneratedIntake() throws {
        let dir = CLI.temporary("generated")
        let g = try CLI.run(["generate", "--fellows", "40", "--out", dir.path])
        #expect(g.status == 0, "\(g.stderr)")
        try expectAgreement(dir)
    }

    @Test func explainOnAContinuingFellowSaysThereIsNothingToExplain() throws {
        let r = try CLI.run(["explain", try CLI.demoCopy().path, "--fellow", "f101"])
        #expect(r.status == 0)
        #expect(
            r.stdout.replacingOccurrences(of: "\n  ", with: " ").trimmingCharacters(in: .newlines)
                == "Yuki Tanaka (f101) is continuing in Clinical NLP Lab, Dr. Chidi Okafor; only new fellows are placed, so there is nothing to explain."
        )
    }

    @Test func aLabOrMentorGivenByNameIsToldItsId() throws {
        let dir = try CLI.demoCopy()
        var line = 0
        try Sheet.edit(dir, "preferences.csv") {
            $0.map("lab", when: { $0[0] == "f001" && $0[1] == "lab01" }) { _ in "Clinical NLP Lab" }
            line = $0.rows.firstIndex { $0[1] == "Clinical NLP Lab" }! + 2
        }
        try Sheet.edit(dir, "rules.csv") { $0.map("mentor", when: { $0[2] == "m13" }) { _ in "Dr. Dmitri Volkov" } }
        let c = try Checked(dir)
        #expect(c.status == 2)
        #expect(
            c.problems == [
                "preferences.csv:\(line): lab: \"Clinical NLP Lab\" is not a valid id (did you mean lab01? \"Clinical NLP Lab\" is the name of lab01; give its id)",
                "rules.csv:2: mentor: \"Dr. Dmitri Volkov\" is not a valid id (did you mean m13? \"Dr. Dmitri Volkov\" is the name of m13; give its id)"
            ])
    }
}
