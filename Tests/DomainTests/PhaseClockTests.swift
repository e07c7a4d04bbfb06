import Domain
import Testing

/// `PhaseClock`: phases listed once each, in the order they first ended,
/// with the sum of their times. No wall-clock time is asserted: the times
/// added here are given, the timed ones only checked to be listed.
@Suite struct PhaseClockTests {
    @Test func aPhaseTimedTwiceIsListedOnceWithTheSum() {
        let clock = PhaseClock()
        clock.add("read", seconds: 0.25)
        clock.add("placement", seconds: 1.5)
        clock.add("read", seconds: 0.5)
        #expect(
            clock.phases == [
                PhaseClock.Phase(name: "read", seconds: 0.75), PhaseClock.Phase(name: "placement", seconds: 1.5)
            ])
    }

    @Test func timingReturnsTheBodysValueAndListsThePhase() {
        let clock = PhaseClock()
        let value = clock.time("schedule") { 6 * 7 }
        #expect(value == 42)
        #expect(clock.phases.map(\.name) == ["schedule"])
        #expect(clock.phases.allSatisfy { $0.seconds >= 0 })
    }

    @Test func withoutAClockTheBodyStillRunsAndAThrowPassesThrough() {
        let none: PhaseClock? = nil
        #expect(none.time("schedule") { "ran" } == "ran")
        struct Refused: Error {}
        let clock: PhaseClock? = PhaseClock()
        #expect(throws: Refused.self) { try clock.time("write") { () throws(Refused) in throw Refused() } }
        // A phase that threw is still listed: its time was spent.
        #expect(clock?.phases.map(\.name) == ["write"])
    }
}
