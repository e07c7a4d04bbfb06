import Synchronization

/// A request, from any thread, that running solves stop.
///
/// A backend asks ``isStopped`` while it searches (GLPK at every callback of
/// its branch-and-bound) and ends the solve as
/// ``TerminationReason/interrupted`` with the best solution found so far.
/// Once stopped, a signal stays stopped, so the later solves of a run that
/// holds it end at their first chance too.
public final class StopSignal: Sendable {
    private let stopped = Atomic<Bool>(false)
    private let following: StopSignal?

    /// - Parameter following: a signal this one also obeys: stopped when
    ///   either is (work of a run that may also be called off on its own).
    public init(following: StopSignal? = nil) { self.following = following }

    /// Asks every solve holding this signal to stop.
    public func stop() { stopped.store(true, ordering: .sequentiallyConsistent) }

    /// Whether ``stop()`` was called, here or on the signal this one follows.
    public var isStopped: Bool {
        stopped.load(ordering: .sequentiallyConsistent) || following?.isStopped == true
    }
}
