import Domain
import Foundation
import Workbooks

extension Office {
    /// Reads and validates a program: a scenario folder, a workbook, or a
    /// what-if file (over a folder or a workbook).
    ///
    /// - Parameter path: the folder or the what-if `.toml` file, as the user
    ///   named it; problems show files relative to it.
    ///   With a `clock`, a folder's reading (`read`) and checking (`check`)
    ///   are timed apart; a workbook or a what-if is timed as one `read and check`.
    /// - Returns: the scenario with its warnings, notes and input hash.
    /// - Throws: ``OfficeError/Code/badInput`` with every problem found.
    public func open(_ path: String, clock: PhaseClock? = nil) throws(OfficeError) -> OpenedProgram {
        let location = ProgramLocation(path: path)
        switch location {
        case .folder: return try openFolder(location, clock: clock)
        case .whatIf: return try clock.time("read and check") { () throws(OfficeError) in try openWhatIf(location) }
        case .workbook:
            return try clock.time("read and check") { () throws(OfficeError) in try openWorkbook(location) }
        }
    }

    private func openWorkbook(_ location: ProgramLocation) throws(OfficeError) -> OpenedProgram {
        let path = location.path
        let input: WorkbookInput
        do { input = try WorkbookReader.read(URL(fileURLWithPath: path), shownAs: path) } catch {
            throw OfficeError.badInput(error.issues, path: path)
        }
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        do {
            let result = try ScenarioReader.parse(texts: input.texts, defaultName: name, initialIssues: input.issues)
            return OpenedProgram(
                location: location, scenario: result.scenario, warnings: input.located(result.warnings),
                notes: [], inputHash: InputHash.of(InputText.sorted(input.texts)), label: "base",
                description: result.scenario.settings.name)
        } catch {
            throw OfficeError.badInput(input.located(error.issues), path: path)
        }
    }

    private func openFolder(_ location: ProgramLocation, clock: PhaseClock?) throws(OfficeError) -> OpenedProgram {
        let path = location.path
        let folder = URL(fileURLWithPath: path)
        do {
            // ScenarioReader.read(folder:) in two timed steps.
            let (texts, issues) = try clock.time("read") { () throws(ScenarioError) in
                try ScenarioReader.loadTexts(folder: folder)
            }
            var result = try clock.time("check") { () throws(ScenarioError) in
                try ScenarioReader.parse(
                    texts: texts, defaultName: ScenarioReader.displayName(folder), initialIssues: issues)
            }
            result.inputs = InputText.sorted(texts)
            return OpenedProgram(
                location: location, scenario: result.scenario, warnings: result.warnings.map { shown($0, in: path) },
                notes: [], inputHash: InputHash.of(result.inputs), label: "base",
                description: result.scenario.settings.name)
        } catch {
            throw OfficeError.badInput(error.issues.map { shown($0, in: path) }, path: path)
        }
    }

    private func openWhatIf(_ location: ProgramLocation) throws(OfficeError) -> OpenedProgram {
        let path = location.path
        do {
            let w = try WhatIfReader.read(path: path, workbooks: Self.workbookBase)
            return OpenedProgram(
                location: location, scenario: w.scenario, warnings: w.warnings, notes: w.notes,
                inputHash: InputHash.of(w.inputs), label: w.label, description: w.description)
        } catch {
            throw OfficeError.badInput(error.issues, path: path)
        }
    }

    /// A what-if's base that is a workbook: its sheets as the folder's files,
    /// a problem in one of them shown at its cell.
    static let workbookBase: WorkbookOpener = { url, name throws(ScenarioError) in
        let input = try WorkbookReader.read(url, shownAs: name)
        return WhatIfBase(texts: input.texts, issues: input.issues, place: { input.located($0).place })
    }

    /// An issue with its file shown relative to the scenario folder as given.
    private func shown(_ issue: ScenarioIssue, in folder: String) -> ScenarioIssue {
        var shown = issue
        if !issue.file.hasPrefix("/") { shown.file = (folder as NSString).appendingPathComponent(issue.file) }
        return shown
    }
}

extension OfficeError {
    static func badInput(_ problems: [ScenarioIssue], path: String) -> OfficeError {
        let count = problems.filter { $0.severity == .error }.count
        return OfficeError(
            .badInput, "\(count) problem\(count == 1 ? "" : "s") in \(path)", problems: problems, path: path)
    }
}
