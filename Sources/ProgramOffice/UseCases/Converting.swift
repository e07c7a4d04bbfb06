import Domain
import Foundation
import Workbooks

extension Office {
    /// Writes a program as one Excel workbook (a folder or a what-if's
    /// scenario as sheets), or a workbook as a scenario folder: the same data
    /// either way, read by the same reader.
    ///
    /// - Parameters:
    ///   - program: the program, opened.
    ///   - path: an `.xlsx` file to create, or a folder to create.
    public func convert(_ program: OpenedProgram, to path: String) throws(OfficeError) -> WrittenScenario {
        if (path as NSString).pathExtension.lowercased() == "xlsx" {
            try claimNewFile(path)
            let texts = ScenarioWriter.files(for: program.scenario)
            do { try ScenarioWorkbook.write(texts, to: path) } catch {
                try? FileManager.default.removeItem(atPath: path)
                throw OfficeError(.writeFailed, "\(path) could not be written: \(error)", path: path)
            }
            return WrittenScenario(folder: path, scenario: program.scenario, notes: [])
        }
        try writeScenario(program.scenario, to: path)
        return WrittenScenario(folder: path, scenario: program.scenario, notes: [])
    }
}
