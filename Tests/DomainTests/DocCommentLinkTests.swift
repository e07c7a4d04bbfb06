import Foundation
import Testing

/// Every DocC symbol link (``Name`` or ``Name/member``) in a doc comment
/// names a declaration of the same module, so no link is broken (issue 18).
/// Links across modules are written with single backticks.
@Suite struct DocCommentLinkTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    @Test func everySymbolLinkResolvesInItsModule() throws {
        let fm = FileManager.default
        let declaration = try Regex(
            #"\b(?:struct|enum|class|protocol|actor|typealias|func|var|let|case|init)\s+`?([A-Za-z_][A-Za-z0-9_]*)"#)
        let link = try Regex(#"``([^`]+)``"#)
        var broken: [String] = []
        for module in try fm.contentsOfDirectory(atPath: Self.sources.path).sorted() {
            let folder = Self.sources.appendingPathComponent(module)
            let files = (fm.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).filter {
                $0.hasSuffix(".swift")
            }
            let texts = try files.map {
                (String(describing: $0), try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8))
            }
            var declared: Set<String> = ["init"]
            for (_, text) in texts {
                for m in text.matches(of: declaration) {
                    if let name = m.output[1].substring { declared.insert(String(name)) }
                }
            }
            for (file, text) in texts {
                for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                where line.trimmingCharacters(in: .whitespaces).hasPrefix("///") {
                    for m in line.matches(of: link) {
                        let target = String(m.output[1].substring ?? "")
                        for part in target.split(whereSeparator: { $0 == "/" || $0 == "." }) {
                            let name = String(part.prefix { $0 != "(" })
                            if !name.isEmpty && !declared.contains(name) {
                                broken.append("\(module)/\(file):\(n + 1): ``\(target)``")
                            }
                        }
                    }
                }
            }
        }
        #expect(broken.isEmpty, "\(broken.joined(separator: "\n"))")
    }
}
