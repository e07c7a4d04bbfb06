import Domain
import Foundation

/// A workbook read as the files of a scenario folder: one sheet per CSV file
/// (named as the file without `.csv`: `fellows`, `labs`, …), row 1 the CSV's
/// column names, and a `scenario` sheet for `scenario.toml`. The texts then go
/// through the same reader as a folder's files, and every problem is shown at
/// its cell: `book.xlsx: fellows!C14: cost: …`.
public struct WorkbookInput: Sendable {
    /// The texts, keyed by the file each sheet stands for.
    public var texts: [String: String]
    /// Problems of the workbook itself (unknown or misnamed sheets, merged
    /// cells, formulas without a value), located.
    public var issues: [ScenarioIssue]
    /// The sheets that were not read (listed once).
    public var ignoredSheets: [String]
    let name: String
    var places: [String: Place]

    struct Place: Sendable {
        var sheet: String
        var rows: [Int: Int]
        var columns: [String: String]
    }

    /// The reader's issues shown at their cells, without those at a cell the
    /// workbook itself already reported (a formula without a value is then
    /// not also "empty"): one message per mistake.
    public func located(_ issues: [ScenarioIssue]) -> [ScenarioIssue] {
        let own = Set(self.issues.compactMap(\.place))
        return issues.map(located).filter { !own.contains($0.place ?? "") || self.issues.contains($0) }
    }

    /// The issue shown at its cell (`book.xlsx: fellows!C14`), or at its row
    /// (`book.xlsx: fellows!14`) when it concerns a whole line.
    public func located(_ issue: ScenarioIssue) -> ScenarioIssue {
        var shown = issue
        guard shown.place == nil else { return shown }
        guard let place = places[issue.file] else {
            if let sheet = WorkbookReader.sheets.first(where: { $0.value == issue.file })?.key {
                shown.place = "\(name): \(sheet) sheet"
            }
            return shown
        }
        let row = place.rows[issue.line].map(String.init) ?? "?"
        let letters = place.columns[issue.column] ?? ""
        shown.place = "\(name): \(place.sheet)!\(letters)\(row)"
        return shown
    }
}

public enum WorkbookReader {
    /// The sheet names a scenario workbook may have, by the file each stands for.
    public static let sheets: [String: String] = Dictionary(
        uniqueKeysWithValues: ScenarioReader.knownColumns.keys.map { (String($0.dropLast(4)), $0) }
            + [("scenario", "scenario.toml")])

    /// Reads a workbook's sheets as a scenario's files.
    ///
    /// - Parameters:
    ///   - url: the `.xlsx` file.
    ///   - name: how messages show it (the path as the user gave it).
    /// - Throws: `ScenarioError` when the workbook cannot be read at all.
    public static func read(_ url: URL, shownAs name: String) throws(ScenarioError) -> WorkbookInput {
        do {
            return try readParts(url, name: name)
        } catch {
            throw ScenarioError(issues: [
                ScenarioIssue(file: error.file, line: 1, column: "-", message: error.message, hint: error.hint)
            ])
        }
    }

    private static func readParts(_ url: URL, name: String) throws(WorkbookError) -> WorkbookInput {
        let package = try WorkbookPackage(url, name: name)
        let book = try WorkbookSheets.read(package)
        guard let strings = SharedStrings.read(try package.part("xl/sharedStrings.xml")),
            let styles = CellStyles.read(try package.part("xl/styles.xml"))
        else { throw WorkbookError(name, "its shared strings or styles are not well-formed XML") }
        var input = WorkbookInput(texts: [:], issues: [], ignoredSheets: [], name: name, places: [:])
        for sheet in book.sheets {
            guard let file = file(for: sheet.name, input: &input), input.texts[file] == nil else { continue }
            guard let data = try package.part(sheet.part),
                let cells = SheetCells.read(data, strings: strings, styles: styles)
            else {
                throw WorkbookError(name, "its sheet \(sheet.name) cannot be read", hint: "save the workbook again")
            }
            if cells.tooLarge {
                throw WorkbookError(
                    name,
                    "its sheet \(sheet.name) has more than \(WorkbookLimits.rows) rows or \(WorkbookLimits.columns) columns"
                )
            }
            for range in cells.merged {
                var issue = ScenarioIssue(
                    file: file, line: 1, column: "-", message: "the cells \(range) are merged",
                    hint: "unmerge them: only the top-left cell of a merged range holds a value")
                issue.place = "\(name): \(sheet.name)!\(range)"
                input.issues.append(issue)
            }
            if file == "scenario.toml" {
                let settings = SettingsSheet(cells, date1904: book.date1904)
                input.texts[file] = settings.toml
                input.places[file] = .init(sheet: sheet.name, rows: settings.rows, columns: [:])
            } else {
                let table = SheetTable(cells, file: file, date1904: book.date1904)
                input.texts[file] = table.text
                input.places[file] = .init(sheet: sheet.name, rows: table.rows, columns: table.columns)
                input.issues += table.issues
            }
        }
        input.issues = input.issues.map(input.located)
        if !input.ignoredSheets.isEmpty {
            var issue = ScenarioIssue(
                file: name, line: 1, column: "-",
                message: "sheets not read: \(input.ignoredSheets.joined(separator: ", "))",
                hint: "a scenario workbook's sheets are named as the format's files", severity: .warning)
            issue.place = name
            input.issues.append(issue)
        }
        return input
    }

    /// The file a sheet stands for; a name close to one is a problem ("did
    /// you mean"), and the sheet is read as that one so that nothing else
    /// is reported because of it; README and other sheets are not read.
    private static func file(for sheet: String, input: inout WorkbookInput) -> String? {
        let key = sheet.trimmingCharacters(in: .whitespaces).lowercased()
        if let file = sheets[key] { return file }
        if key == "readme" { return nil }
        if let near = Identifier.nearest(to: key, in: sheets.keys.sorted()) {
            var issue = ScenarioIssue(
                file: input.name, line: 1, column: "-", message: "a sheet is named \"\(sheet)\"",
                hint: "did you mean \(near)? rename the sheet")
            issue.place = input.name
            input.issues.append(issue)
            return sheets[near]
        } else {
            input.ignoredSheets.append(sheet)
        }
        return nil
    }
}
