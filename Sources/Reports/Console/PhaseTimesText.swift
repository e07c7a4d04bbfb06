import Domain
import Foundation

/// The phases of a run and their times, as `fellowmatch run --timings`
/// prints them (to standard error, never into a file): one line per phase
/// in the order the phases ended, its seconds and its share of the whole,
/// then what no phase covers and the whole. Phases run side by side (the
/// calendars and letters beside the report and the workbook) overlap, so
/// the shares may add up to more than 100 %.
///
///     Timings (seconds, share of the whole run):
///       read                      0.120    2.1 %
///       …
///       other                     0.012    0.2 %
///       whole run                 5.731  100.0 %
public enum PhaseTimesText {
    public static func render(_ phases: [PhaseClock.Phase], whole: Double) -> String {
        let covered = phases.reduce(0) { $0 + $1.seconds }
        let rows = phases.map { ($0.name, $0.seconds) } + [("other", max(0, whole - covered)), ("whole run", whole)]
        let width = max(24, rows.map(\.0.count).max() ?? 0)
        var lines = ["Timings (seconds, share of the whole run):"]
        for (name, seconds) in rows {
            let share = whole > 0 ? seconds / whole * 100 : 0
            lines.append(
                "  " + name.padding(toLength: width, withPad: " ", startingAt: 0)
                    + String(format: " %8.3f %6.1f %%", seconds, share))
        }
        return lines.joined(separator: "\n")
    }
}
