import Foundation
import Testing

@testable import Domain

/// docs/scenario-format.md stays true to the reader (issue 18), and every
/// link in the user-facing documents resolves inside the repository.
@Suite struct FormatDocumentTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static var document: String {
        (try? String(contentsOf: root.appendingPathComponent(FormatRule.document), encoding: .utf8)) ?? ""
    }

    @Test func everyFileAndColumnTheReaderAcceptsIsDocumented() {
        let doc = Self.document
        #expect(!doc.isEmpty)
        for (file, columns) in ScenarioReader.knownColumns {
            #expect(doc.contains("## \(file)") || doc.contains("`\(file)`"), "\(file)")
            for column in columns {
                #expect(doc.contains("`\(column)`"), "\(file): column \(column) is not in docs/scenario-format.md")
            }
        }
    }

    @Test func everySettingTheReaderAcceptsIsDocumented() {
        let doc = Self.document
        for (table, keys) in SettingsReader.known {
            for key in keys {
                let shown = table.isEmpty || table == "track" || table == "talk" ? "`\(key)`" : "`[\(table)] \(key)`"
                let found =
                    doc.contains(shown) || doc.contains("`\(key)`") || doc.contains("`[\(key)]")
                    || doc.contains("`[\(key).NAME]")
                #expect(found, "\(table).\(key) is not in docs/scenario-format.md")
            }
        }
        for kind in ObjectiveKind.allCases { #expect(doc.contains("`\(kind.rawValue)`")) }
    }

    @Test func everyRuleAMessageCitesIsNumberedThere() {
        let doc = Self.document
        for rule in FormatRule.allCases { #expect(doc.contains("\n\(rule.rawValue). **"), "rule \(rule.rawValue)") }
    }

    @Test func everyLimitIsDocumented() {
        let doc = Self.document
        for figure in [
            "1,000,000,000", "10,000", "86,400", "1900 to 2999", "64 characters", "200 characters", "32 MiB",
            "200,000 rows"
        ] {
            #expect(doc.contains(figure), "\(figure)")
        }
        #expect(
            InputLimits.money == 1_000_000_000 && InputLimits.capacity.upperBound == 10_000
                && InputLimits.idLength == 64)
    }

    /// Markdown links `[text](target)` in the README, docs/ and the demo's
    /// READMEs point at files in the repository (web links aside).
    @Test func everyLinkResolvesInsideTheRepository() throws {
        let fm = FileManager.default
        var documents = [
            "README.md", "Benchmarks/BENCHMARKS.md", "Scenarios/demo/README.md", "Scenarios/demo/what-if/README.md",
            "Tests/Data/gap/README.md"
        ]
        documents += ((try? fm.contentsOfDirectory(atPath: Self.root.appendingPathComponent("docs").path)) ?? [])
            .filter { $0.hasSuffix(".md") }.map { "docs/\($0)" }
        let link = try Regex(#"\]\(([^)\s]+)\)"#)
        for document in documents {
            let url = Self.root.appendingPathComponent(document)
            let text = try String(contentsOf: url, encoding: .utf8)
            let outside = ".." + "/shared"  // the team's folder beside the repository, which users do not have
            #expect(!text.contains(outside), "\(document) names \(outside)")
            for match in text.matches(of: link) {
                guard let target = match.output[1].substring.map(String.init) else { continue }
                if target.hasPrefix("http") || target.hasPrefix("#") || target.hasPrefix("mailto:") { continue }
                let path = String(target.split(separator: "#").first ?? "")
                let resolved = url.deletingLastPathComponent().appendingPathComponent(path).standardizedFileURL
                #expect(
                    resolved.path.hasPrefix(Self.root.standardizedFileURL.path),
                    "\(document): \(target) leaves the repository")
                #expect(fm.fileExists(atPath: resolved.path), "\(document): \(target) does not exist")
            }
        }
    }
}
