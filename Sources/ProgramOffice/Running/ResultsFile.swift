import Domain
import Foundation
import PlacementSolver
import Reports
import Workbooks

/// `results.xlsx` of a run: the CSV outputs as typed sheets, a summary in
/// words and numbers, and the inputs copied in.
enum ResultsFile {
    /// The sheets of the inputs copied in, made from the scenario alone (so
    /// beside the placement solve).
    static func inputTables(_ s: Scenario) -> [WorkbookTable] {
        ResultsWorkbook.inputTables(ScenarioWriter.files(for: s))
    }

    static func data(
        _ o: PlacementOutcome, scenario s: Scenario, files: [String: Data],
        inputs: [WorkbookTable]
    ) throws -> Data {
        let outputs = files.filter { $0.key.hasSuffix(".csv") && !$0.key.contains("/") }
            .mapValues { String(decoding: $0, as: UTF8.self) }
        let new = o.placements.filter { $0.status != .continuing }
        let first = FirstChoices(s)
        let summary: [(String, CellValue)] = [
            ("Program", .text(s.settings.name)), ("Intake", .text(s.settings.intakeKey)),
            ("What happened", .text(Wording.headline(o))), ("Solve", .text(Wording.status(o, time: false))),
            ("New fellows", .number(Double(new.count))),
            ("New fellows placed", .number(Double(new.filter { $0.status == .new }.count))),
            ("At their first choice", .number(Double(new.count - o.notAtFirstChoice(first).count))),
            ("Continuing fellows", .number(Double(o.placements.count - new.count))),
            ("Money used", .money(Double(o.budgets.map(\.usedCents).reduce(0, +)) / 100)),
            ("Money left", .money(Double(o.budgets.map(\.leftCents).reduce(0, +)) / 100))
        ]
        return try ResultsWorkbook.data(summary: summary, outputs: outputs, inputTables: inputs)
    }
}
