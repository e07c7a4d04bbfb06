import Domain
import Foundation
import PlacementSolver
import SeminarSolver

/// The files a run writes: `placements.csv` (only when a placement exists),
/// `summary.json` (always), and with a schedule `schedule.csv` and `calendar/`.
public enum RunFiles {
    public static func files(for outcome: PlacementOutcome, scenario: Scenario, schedule: ScheduleOutcome? = nil,
                             today: CalendarDate? = nil) throws -> [String: Data] {
        var files: [String: Data] = [:]
        if outcome.hasPlacement {
            files["placements.csv"] = Data(PlacementsFile.render(outcome, scenario: scenario).utf8)
            files["funding.csv"] = Data(PlacementsFile.funding(outcome, scenario: scenario).utf8)
            files["budgets.csv"] = Data(PlacementsFile.budgets(outcome, scenario: scenario).utf8)
        }
        if let schedule, schedule.hasSchedule {
            files["schedule.csv"] = Data(ScheduleFiles.scheduleCSV(schedule).utf8)
            for (name, text) in ScheduleFiles.calendars(schedule, scenario: scenario, today: today) {
                files[name] = Data(text.utf8)
            }
        }
        files["summary.json"] = Data(try SummaryFile(outcome, intake: scenario.settings.intake, schedule: schedule).render().utf8)
        return files
    }
}
