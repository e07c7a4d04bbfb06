import Foundation
import ZIPFoundation

/// The parts of an `.xlsx` file (a ZIP of XML parts), read with limits: a
/// workbook is data, never executed (macros and external links are not
/// read), and a part that inflates past ``WorkbookLimits/partBytes`` (a zip
/// bomb) ends the reading with a clear error.
struct WorkbookPackage {
    let archive: Archive
    let name: String

    /// Opens `url`; `name` is how messages show it.
    init(_ url: URL, name: String) throws(WorkbookError) {
        self.name = name
        do { archive = try Archive(url: url, accessMode: .read) } catch {
            throw WorkbookError(name, "is not an Excel workbook (.xlsx) that can be opened", hint: "save it as .xlsx")
        }
    }

    /// Whether the package has the part (`xl/workbook.xml`).
    func has(_ part: String) -> Bool { archive[part] != nil }

    /// A part's bytes; `nil` when absent.
    func part(_ path: String) throws(WorkbookError) -> Data? {
        guard let entry = archive[path] else { return nil }
        guard entry.uncompressedSize <= WorkbookLimits.partBytes else { throw tooLarge(path) }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                if data.count > WorkbookLimits.partBytes { throw PartTooLarge() }
            }
        } catch is PartTooLarge {
            throw tooLarge(path)
        } catch {
            throw WorkbookError(name, "its part \(path) cannot be read (\(error))", hint: "save the workbook again")
        }
        return data
    }

    private struct PartTooLarge: Error {}

    private func tooLarge(_ path: String) -> WorkbookError {
        WorkbookError(
            name, "its part \(path) is larger than \(WorkbookLimits.partBytes / (1 << 20)) MiB uncompressed",
            hint: "a scenario's workbook is far smaller: check that this is the right file")
    }
}

/// The documented limits of a workbook that is read.
public enum WorkbookLimits {
    /// Bytes of one part after decompression (a sheet, the shared strings).
    public static let partBytes = 64 << 20
    /// Rows of one sheet.
    public static let rows = 100_000
    /// Columns of one sheet.
    public static let columns = 200
}

/// A workbook that cannot be read at all (not a sheet's content: that is a
/// located `ScenarioIssue`).
struct WorkbookError: Error {
    var file: String
    var message: String
    var hint: String?

    init(_ file: String, _ message: String, hint: String? = nil) {
        self.file = file
        self.message = message
        self.hint = hint
    }
}
