import Foundation
import Testing

/// The README's module table draws the graph the imports draw: each Swift
/// module's row lists exactly the project's modules its sources import.
@Suite struct ModuleGraphTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `module → listed imports` from the table's rows.
    static func table() throws -> [String: Set<String>] {
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        var rows: [String: Set<String>] = [:]
        var inTable = false
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("| module | imports | role |") {
                inTable = true
                continue
            }
            guard inTable else { continue }
            guard line.hasPrefix("|") else { break }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard cells.count > 3, let module = names(cells[1]).first else { continue }
            let imports = cells[2].split(separator: "(").first.map(String.init) ?? ""
            rows[module] = Set(names(imports))
        }
        return rows
    }

    static func names(_ text: String) -> [String] {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }
            .map { String($0.element) }
    }

    @Test func theReadmesModuleTableListsEachModulesImports() throws {
        let rows = try Self.table()
        let modules = Set(rows.keys)
        #expect(modules.count >= 15)
        for (module, listed) in rows {
            let folder = Self.root.appendingPathComponent("Sources/\(module)")
            let files = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [])
                .filter { $0.hasSuffix(".swift") }
            guard !files.isEmpty else { continue }  // C and system-library modules
            var imported = Set<String>()
            for file in files {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for line in text.split(separator: "\n") where line.hasPrefix("import ") {
                    let name = String(line.dropFirst("import ".count)).trimmingCharacters(in: .whitespaces)
                    if modules.contains(name) { imported.insert(name) }
                }
            }
            #expect(imported == listed, "\(module): imports \(imported.sorted()), the README lists \(listed.sorted())")
        }
    }
}
