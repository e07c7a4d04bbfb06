import Domain
import Modeling
import SeminarSolver
import Synchronization

/// Work started ahead, on a thread of its own, for the input it will most
/// likely get, and used only if the input it finally gets is the same: a
/// pure function of its input, so the result never depends on whether the
/// work was done ahead.
///
/// A run makes its seminar schedule ahead (``ScheduleAhead``) while GLPK
/// splits the placement's funding, an LP that takes up to half of a large
/// placement's time while the other core has nothing to do. The schedule
/// takes of a placement only its talks (`TalkList`): who gives which talk,
/// from which lab, with which mentor. They are known once the placement is
/// decided (`PlacementEngine.placed`), and the funding split changes none of
/// them. When rule 8's exact model places the fellows anew, the talks the
/// run finally has differ from those of the schedule made ahead: that work
/// is called off and the schedule is made again.
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
    /// needs), calling off the work started before.
    func start(_ input: Input) {
        let stop = StopSignal(following: runStop)
        let work = self.work
        let value = WorkBeside(stackSize: 16 << 20) { work(input, stop) }
        let before = started.withLock { slot -> Started? in
            defer { slot = Started(input: input, value: value, stop: stop) }
            return slot
        }
        before?.stop.stop()
    }

    /// The value of the work started last, once it has ended, when it was
    /// started for `input`; else `nil` (and that work called off).
    func value(for input: Input) -> Value? {
        guard let last = started.withLock({ $0 }) else { return nil }
        guard last.input == input else {
            last.stop.stop()
            return nil
        }
        return last.value.value()
    }
}

/// The seminar schedule of a placement's talks, made ahead (see ``WorkAhead``).
typealias ScheduleAhead = WorkAhead<[Talk], Result<ScheduleOutcome, SolverError>>
