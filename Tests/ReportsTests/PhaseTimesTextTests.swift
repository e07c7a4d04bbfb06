import Domain
import Reports
import Testing

/// `fellowmatch run --timings`' table, from given times (worked by hand).
@Suite struct PhaseTimesTextTests {
    @Test func eachPhaseWithItsShareThenWhatNoPhaseCoversAndTheWhole() {
        let text = PhaseTimesText.render(
            [
                PhaseClock.Phase(name: "placement", seconds: 1.5),
                PhaseClock.Phase(name: "file report.html", seconds: 0.25)
            ],
            whole: 2.0)
        // other: 2.0 − 1.5 − 0.25 = 0.25; shares 75 %, 12.5 %, 12.5 %, 100 %.
        #expect(
            text == """
                Timings (seconds, share of the whole run):
                  placement                   1.500   75.0 %
                  file report.html            0.250   12.5 %
                  other                       0.250   12.5 %
                  whole run                   2.000  100.0 %
                """)
    }
}
