import Domain
import Foundation
import Workbooks

extension Office {
    /// Writes an empty, documented scenario workbook to fill in (or, for a
    /// path that is not `.xlsx`, an empty scenario folder with every file's
    /// header row).
    public func newScenario(at path: String) throws(OfficeError) {
        guard (path as NSString).pathExtension.lowercased() == "xlsx" else {
            try claimNewFolder(path)
            do {
                for (name, text) in Self.emptyFiles {
                    try Data(text.utf8).write(to: URL(fileURLWithPath: path).appendingPathComponent(name))
                }
            } catch {
                throw OfficeError(.writeFailed, "\(path) could not be written: \(error)", path: path)
            }
            return
        }
        try claimNewFile(path)
        do { try Template.write(to: path) } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw OfficeError(.writeFailed, "\(path) could not be written: \(error)", path: path)
        }
    }

    /// A folder's empty files: the header rows, and settings to edit.
    static var emptyFiles: [String: String] {
        var files: [String: String] = [
            "scenario.toml": "name = \"Our fellowship\"\nintake = \"2026-27\"\n\n[objective]\nkind = \"total-rank\"\n"
        ]
        for (name, columns) in ScenarioReader.knownColumns { files[name] = columns.joined(separator: ",") + "\n" }
        return files
    }
}
