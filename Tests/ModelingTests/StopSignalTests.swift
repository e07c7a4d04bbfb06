import Modeling
import Testing

/// A stop signal stays stopped once stopped; one that follows another stops with it, not it with this one.
@Suite struct StopSignalTests {
    @Test func aSignalStaysStopped() {
        let signal = StopSignal()
        #expect(!signal.isStopped)
        signal.stop()
        #expect(signal.isStopped)
        signal.stop()
        #expect(signal.isStopped)
    }

    @Test func aFollowingSignalStopsWithTheOneItFollowsButNotTheOtherWay() {
        let run = StopSignal()
        let mine = StopSignal(following: run)
        let other = StopSignal(following: run)
        mine.stop()
        #expect(mine.isStopped && !run.isStopped && !other.isStopped)
        run.stop()
        #expect(other.isStopped)
    }
}
