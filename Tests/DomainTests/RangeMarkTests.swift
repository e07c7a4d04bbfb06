import Foundation
import Testing

@testable import Domain

/// A date cell's range mark, sought in bytes first, is the one Foundation's
/// `contains` finds (as before the byte search), also where a combining
/// accent follows a mark's last space.
@Suite struct RangeMarkTests {
    @Test(arguments: [
        "2026-12-21", "2026-12-21..2026-12-24", "2026-12-21 to 2026-12-24", "2026-12-21 – 2026-12-24",
        "2026-12-21 — 2026-12-24", "2026-12-21 - 2026-12-24", "2026-12-21 - \u{301}2026-12-24",
        "2026-12-21 -\u{301} 2026-12-24", "21.12.2026", "2026-12-21 .. 2026-12-24 to 2026-12-30", "", " - ", "x to"
    ])
    func theMarkIsTheOneFoundationFinds(cell: String) {
        let foundation = ScenarioBuilder.rangeMarks.first { cell.contains($0) }
        #expect(ScenarioBuilder.rangeMark(in: cell) == foundation, "\(cell.debugDescription)")
    }
}
