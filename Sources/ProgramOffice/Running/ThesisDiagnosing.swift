import Domain
import Modeling
import SeminarSolver

extension Office {
    /// Each fellow's last work-in-progress talk of the seminar schedule (date and start):
    /// their defense comes after it.
    static func lastTalks(_ schedule: ScheduleOutcome?) -> [String: (CalendarDate, TimeOfDay)] {
        var last: [String: (CalendarDate, TimeOfDay)] = [:]
        for t in schedule?.talks ?? [] where t.talk.kind == "wip" {
            let at = (t.session.date, t.session.start)
            if let seen = last[t.talk.fellow], seen >= at { continue }
            last[t.talk.fellow] = at
        }
        return last
    }

    /// The diagnosis of the fellows without a committee or a defense
    /// (`ThesisDiagnoser`), kept in the outcomes: nothing is solved when
    /// every fellow has both. The run's time limit, when it has one, is one
    /// budget for the committees' re-solves and another for the defenses'
    /// (without one the re-solves' count alone bounds it, so results stay
    /// reproducible).
    func diagnoseTheses(
        _ s: Scenario, _ request: RunRequest, committees: inout CommitteeOutcome?, defenses: inout DefenseOutcome?,
        schedule: ScheduleOutcome?
    ) throws(OfficeError) {
        guard let formed = committees else { return }
        let needed = !formed.unformed.isEmpty || !(defenses?.unscheduled.isEmpty ?? true)
        guard needed else { return }
        let options = request.solve.scheduleOptions(s, log: request.solverLog, stop: request.stop)
        let diagnoser = ThesisDiagnoser(
            former: CommitteeFormer(solver: solver, options: options),
            scheduler: DefenseScheduler(solver: solver, options: options),
            timeLimit: options.timeLimit)
        do {
            committees?.suggestions = try diagnoser.committees(s, formed)
            if let d = defenses {
                defenses?.suggestions = try diagnoser.defenses(
                    s, committees: formed, d, lastTalks: Self.lastTalks(schedule))
            }
        } catch {
            throw OfficeError(.solverFailed, "\(error)")
        }
    }
}
