import Domain
import Modeling
import SeminarSolver
import Synchronization

/// Work started ahead, on a thread of its own, for the input it will most
/// likely get, and used only if the input it finally gets is the same. The
/// work is a function of its input alone (but for what a time limit or a
/// stop cuts short), so the result does not depend on whether it was done
/// ahead.
///
/// A run makes its seminar schedule ahead (``ScheduleAhead``) while GLPK
/// splits the placement's funding, an LP that takes half or more of a large
/// placement's time while the other core has nothing to do. The schedule
/// takes of a placement only its talks (`TalkList`): who gives which talk,
/// from which lab, with which mentor. They are known once the placement is
/// decided (`PlacementEngine.whenDecided`), and the funding split changes
/// none of them. When rule 8's relaxation placed fellows its split cannot
/// pay, the engine sets that placement aside: the work is called off
/// (``callOff()``) and started again for the exact model's placement.
/// Should the run's talks still differ from those the work was started for,
/// the run makes the schedule itself.
///
/// Calling off stops what obeys a ``StopSignal`` (GLPK's search); the
/// schedule's own construction runs to its end, seconds at most.
final class WorkAhead<Input: Equatable & Sendable, Value: Sendable>: Sendable {
    /// The work: its value for `input`, ending early when `stop` says so.
    typealias Work = @Sendable (_ input: Input, _ stop: StopSignal) -> Value

    private struct Started: Sendable {
        var input: Input
        var value: WorkBeside<Value>
        var stop: StopSignal
    }

    private let work: Work
    /// The run's own signal, which all work started here also obeys.
    private let runStop: StopSignal?
    private let started = Mutex<Started?>(nil)

    init(stop: StopSignal?, work: @escaping Work) {
        self.work = work
        self.runStop = stop
    }

    /// Starts the work for `input` (on a thread with the stack GLPK's search
    /// needs), calling off the work started before; work already started
    /// for the same input is kept.
    func start(_ input: Input) {
        let before = started.withLock { slot -> Started? in
            if let kept = slot, kept.input == input { return nil }
            let stop = StopSignal(following: runStop)
            let work = self.work
            let value = WorkBeside(stackSize: 16 << 20) { work(input, stop) }
            defer { slot = Started(input: input, value: value, stop: stop) }
            return slot
        }
        before?.stop.stop()
    }

    /// Calls off the work started last, if any: its value is never used.
    func callOff() {
        started.withLock { slot -> Started? in
            defer { slot = nil }
            return slot
        }?.stop.stop()
    }

    /// The value of the work started last, once it has ended, when it was
    /// started for `input`; else `nil` (and that work called off).
    func value(for input: Input) -> Value? {
        guard let last = started.withLock({ $0 }) else { return nil }
        guard last.input == input else {
            callOff()
            return nil
        }
        return last.value.value()
    }
}

/// The seminar schedule of a placement's talks, made ahead (see ``WorkAhead``).
typealias ScheduleAhead = WorkAhead<[Talk], Result<ScheduleOutcome, SolverError>>
