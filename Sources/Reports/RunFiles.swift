import Domain
import Foundation
import PlacementSolver

/// The files a `run` writes for an outcome: `placements.csv` (only when a
/// placement exists) and `summary.json` (always).
public enum RunFiles {
    public static func files(for outcome: PlacementOutcome, scenario: Scenario) -> [String: Data] {
        var files: [String: Data] = [:]
        if outcome.hasPlacement {
            files["placements.csv"] = Data(PlacementsFile.render(outcome).utf8)
        }
        files["summary.json"] = Data(SummaryFile(outcome, intake: scenario.settings.intake).render().utf8)
        return files
    }
}
