import Foundation
import Modeling
import Synchronization
import Testing

@testable import ProgramOffice

/// Work started ahead for a likely input (``WorkAhead``) gives its value only
/// for that input; other work started meanwhile calls it off.
@Suite struct WorkAheadTests {
    /// Work that doubles its input; `calls` counts the inputs it was started for.
    final class Doubling: Sendable {
        let calls = Mutex<[Int]>([])
        func ahead(stop: StopSignal? = nil) -> WorkAhead<Int, Int> {
            WorkAhead(stop: stop) { input, _ in
                self.calls.withLock { $0.append(input) }
                return 2 * input
            }
        }
    }

    @Test func theValueIsGivenForTheInputItWasStartedFor() {
        let doubling = Doubling()
        let ahead = doubling.ahead()
        ahead.start(21)
        #expect(ahead.value(for: 21) == 42)
        #expect(ahead.value(for: 21) == 42)
        #expect(doubling.calls.withLock { $0 } == [21])
    }

    @Test func anotherInputGetsNothingAndCallsTheWorkOff() {
        let stops = Mutex<[Bool]>([])
        let ahead = WorkAhead<Int, Int>(stop: nil) { input, stop in
            // Waits until called off (at most 10 s), then says whether it was.
            let deadline = Date().addingTimeInterval(10)
            while !stop.isStopped && Date() < deadline { usleep(1000) }
            stops.withLock { $0.append(stop.isStopped) }
            return input
        }
        ahead.start(1)
        #expect(ahead.value(for: 2) == nil)
        // Started again for the input that came: the first work was called off when asked for 2.
        ahead.start(3)
        ahead.start(4)
        #expect(ahead.value(for: 5) == nil)
        let deadline = Date().addingTimeInterval(20)
        while stops.withLock({ $0.count }) < 3 && Date() < deadline { usleep(1000) }
        #expect(stops.withLock { $0 } == [true, true, true])
    }

    @Test func theLastStartedWorkIsTheOneThatCounts() {
        let doubling = Doubling()
        let ahead = doubling.ahead()
        ahead.start(1)
        ahead.start(2)
        #expect(ahead.value(for: 1) == nil)
        let again = doubling.ahead()
        again.start(1)
        again.start(2)
        #expect(again.value(for: 2) == 4)
    }

    @Test func nothingStartedGivesNothing() {
        #expect(Doubling().ahead().value(for: 1) == nil)
    }

    @Test func theRunsSignalStopsTheWorkToo() {
        let run = StopSignal()
        let ahead = WorkAhead<Int, Bool>(stop: run) { _, stop in
            let deadline = Date().addingTimeInterval(10)
            while !stop.isStopped && Date() < deadline { usleep(1000) }
            return stop.isStopped
        }
        ahead.start(1)
        run.stop()
        #expect(ahead.value(for: 1) == true)
    }
}
