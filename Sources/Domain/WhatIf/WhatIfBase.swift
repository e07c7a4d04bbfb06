import Foundation

/// The files of a what-if's base, and where a problem in one of them is
/// shown: a scenario folder (read here), or one Excel workbook, which a
/// module above Domain reads (``WorkbookOpener``) since Domain knows nothing
/// of workbooks.
///
/// A base is a workbook when its path ends in `.xlsx` and it is not itself a
/// folder holding `scenario.toml` (as `ProgramLocation` decides for any
/// scenario path). Its sheets are the folder's files; a problem at line L of
/// `fellows.csv` is shown at the workbook's cell (`intake.xlsx: fellows!C14`).
public struct WhatIfBase: Sendable {
    /// The texts, keyed by file name (`fellows.csv`, `scenario.toml`).
    public var texts: [String: String]
    /// Problems of the base itself (a file that cannot be read, a merged
    /// cell), with files shown as given.
    public var issues: [ScenarioIssue]
    /// Where a problem at a line of one of the files (`fellows.csv`, 14) is
    /// in the base, when that is not the file's line: `intake.xlsx: fellows!C14`.
    public var place: @Sendable (ScenarioIssue) -> String?

    public init(
        texts: [String: String], issues: [ScenarioIssue],
        place: @escaping @Sendable (ScenarioIssue) -> String? = { _ in nil }
    ) {
        self.texts = texts
        self.issues = issues
        self.place = place
    }

    /// Whether the base at `url` is a workbook rather than a folder.
    public static func isWorkbook(_ url: URL) -> Bool {
        url.pathExtension.lowercased() == "xlsx"
            && !FileManager.default.fileExists(atPath: url.appendingPathComponent("scenario.toml").path)
    }

    /// The name a base gives its scenario when its settings give none: the
    /// folder's name, or the workbook's without `.xlsx`.
    static func defaultName(_ url: URL) -> String {
        ScenarioReader.displayName(isWorkbook(url) ? url.deletingPathExtension() : url)
    }

    /// An issue of the base's file `basePath/fellows.csv` shown at its place in the base.
    func shown(_ issue: ScenarioIssue, basePath: String) -> ScenarioIssue {
        guard issue.place == nil, issue.file.hasPrefix(basePath + "/") else { return issue }
        var plain = issue
        plain.file = String(issue.file.dropFirst(basePath.count + 1))
        var shown = issue
        shown.place = place(plain)
        return shown
    }
}

/// Reads a workbook (`url`, shown in messages as `name`) as a what-if's base.
public typealias WorkbookOpener = @Sendable (_ url: URL, _ name: String) throws(ScenarioError) -> WhatIfBase
