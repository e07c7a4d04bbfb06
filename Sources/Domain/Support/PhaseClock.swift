import Foundation

/// How long each phase of a use case took (reading, checking, the placement
/// solve, the seminar schedule, each output file, writing, the history), in
/// the order the phases ended: what `fellowmatch run --timings` prints.
///
/// A clock is given to a use case only when someone asked for the times;
/// the times never reach an output file (the same input gives the same
/// bytes). A phase timed twice under one name is listed once, with the sum.
/// Any thread may time a phase.
public final class PhaseClock: @unchecked Sendable {
    /// One phase: its name (stable, lower case, e.g. `placement` or
    /// `file report.html`) and its wall-clock seconds.
    public struct Phase: Sendable, Equatable {
        public var name: String
        public var seconds: Double

        public init(name: String, seconds: Double) {
            self.name = name
            self.seconds = seconds
        }
    }

    private let lock = NSLock()
    private var list: [Phase] = []
    private let started = ContinuousClock.now

    public init() {}

    /// The phases timed so far, each name once, in the order each first ended.
    public var phases: [Phase] { lock.withLock { list } }

    /// Seconds since the clock was made.
    public var elapsed: Double { Self.seconds(ContinuousClock.now - started) }

    /// Adds `seconds` to the phase `name`.
    public func add(_ name: String, seconds: Double) {
        lock.withLock {
            if let k = list.firstIndex(where: { $0.name == name }) {
                list[k].seconds += seconds
            } else {
                list.append(Phase(name: name, seconds: seconds))
            }
        }
    }

    /// Runs `body`, adding its time to the phase `name`.
    public func time<T, E: Error>(_ name: String, _ body: () throws(E) -> T) throws(E) -> T {
        let start = ContinuousClock.now
        defer { add(name, seconds: Self.seconds(ContinuousClock.now - start)) }
        return try body()
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}

extension Optional where Wrapped == PhaseClock {
    /// Runs `body`, timing it as `name` when there is a clock.
    public func time<T, E: Error>(_ name: String, _ body: () throws(E) -> T) throws(E) -> T {
        guard let clock = self else { return try body() }
        return try clock.time(name, body)
    }
}
