import Foundation
import Modeling
import Synchronization
import Testing

@testable import ProgramOffice

/// Work started ahead for a likely input (``WorkAhead``) gives its value only
/// for that input; work started for another input, or called off, is stopped.
@Suite struct WorkAheadTests {
    /// Work that doubles its input; `calls` lists the inputs it was started for.
    final class Doubling: Sendable {
        let calls = Mutex<[Int]>([])
        func ahead() -> WorkAhead<Int, Int> {
            WorkAhead(stop: nil) { input, _ in
                self.calls.withLock { $0.append(input) }
                return 2 * input
            }
        }
    }

    /// Work that waits until it is stopped (at most 10 s), then records
    /// its input and whether it was stopped.
    final class Waiting: Sendable {
        let ended = Mutex<[Int: Bool]>([:])
        func ahead(stop run: StopSignal? = nil) -> WorkAhead<Int, Bool> {
            WorkAhead(stop: run) { input, stop in
                let deadline = Date().addingTimeInterval(10)
                while !stop.isStopped && Date() < deadline { usleep(1000) }
                self.ended.withLock { $0[input] = stop.isStopped }
                return stop.isStopped
            }
        }

        /// The record once `count` works have ended (waiting at most 20 s).
        func whenEnded(_ count: Int) -> [Int: Bool] {
            let deadline = Date().addingTimeInterval(20)
            while ended.withLock({ $0.count }) < count && Date() < deadline { usleep(1000) }
            return ended.withLock { $0 }
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

    @Test func workForTheSameInputIsKeptNotStartedAgain() {
        let doubling = Doubling()
        let ahead = doubling.ahead()
        ahead.start(5)
        ahead.start(5)
        #expect(ahead.value(for: 5) == 10)
        #expect(doubling.calls.withLock { $0 } == [5])
    }

    @Test func anotherInputGetsNothingAndCallsTheWorkOff() {
        let waiting = Waiting()
        let ahead = waiting.ahead()
        ahead.start(1)
        #expect(ahead.value(for: 2) == nil)
        #expect(waiting.whenEnded(1) == [1: true])
        // Called off, nothing is left for the input it was started for either.
        #expect(ahead.value(for: 1) == nil)
    }

    @Test func startingForAnotherInputCallsOffTheWorkBefore() {
        let waiting = Waiting()
        let ahead = waiting.ahead()
        ahead.start(1)
        ahead.start(2)
        #expect(waiting.whenEnded(1) == [1: true])
        #expect(ahead.value(for: 1) == nil)
        #expect(waiting.whenEnded(2) == [1: true, 2: true])
    }

    @Test func calledOffWorkGivesNothing() {
        let waiting = Waiting()
        let ahead = waiting.ahead()
        ahead.start(7)
        ahead.callOff()
        #expect(waiting.whenEnded(1) == [7: true])
        #expect(ahead.value(for: 7) == nil)
        ahead.callOff()
    }

    @Test func nothingStartedGivesNothing() {
        #expect(Doubling().ahead().value(for: 1) == nil)
    }

    @Test func theRunsSignalStopsTheWorkToo() {
        let run = StopSignal()
        let ahead = Waiting().ahead(stop: run)
        ahead.start(1)
        run.stop()
        #expect(ahead.value(for: 1) == true)
    }
}
