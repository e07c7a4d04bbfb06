import Domain
import Foundation
import PlacementSolver
import Reports
import RunHistory
import SeminarSolver

extension Office {
    /// Records a run in the history, before its files are written (the
    /// report shows its run); through `store` when the run read the history
    /// through it (``EarlierRun/store``) and its path still names that file.
    /// A history that cannot be written is a warning, not a failure: the
    /// files are written all the same.
    /// A run that began from the intake's official match (`startedFrom`:
    /// its id, or `.some(nil)` when there was none; `nil` when the run set it
    /// aside) and finds another when it is recorded (published or replaced
    /// meanwhile) says so in a warning.
    func record(
        _ program: OpenedProgram, _ request: RunRequest, outcome: PlacementOutcome, schedule: ScheduleOutcome?,
        committees: CommitteeOutcome? = nil, defenses: DefenseOutcome? = nil, startedFrom: Int64?? = nil,
        store: HistoryStore? = nil, warnings: inout [String]
    ) -> (id: Int64, at: String)? {
        guard request.record, let history = request.history else { return nil }
        let at = now()
        let run = RunRecord(
            outcome: outcome, schedule: schedule, scenario: program.scenario,
            scenarioPath: URL(fileURLWithPath: program.location.path).standardizedFileURL.path,
            inputHash: program.inputHash, settings: Self.settingsLine(program.scenario, request), recordedAt: at,
            committees: committees, defenses: defenses)
        do {
            let reused = store.flatMap { $0.stillAtItsPath ? $0 : nil }
            let (id, seen) = try (reused ?? HistoryStore(path: history)).recordSeeingOfficial(run)
            if let official = startedFrom, seen != official {
                warnings.append(OfficeText.officialChanged(run: id, intake: run.intakeKey, from: official, to: seen))
            }
            return (id, at)
        } catch {
            warnings.append("\(error)")
            return nil
        }
    }

    /// The settings a run was made with, as the history keeps them:
    /// `objective=…; mentor_weight=…; allow_unplaced=…` and whatever the
    /// request added (time limit, cuts, files kept, reference date).
    static func settingsLine(_ s: Scenario, _ request: RunRequest) -> String {
        var parts = [
            "objective=\(s.settings.objective.rawValue)", "mentor_weight=\(s.settings.mentorWeight)",
            "allow_unplaced=\(s.settings.allowUnplaced)",
            "tie_break=\(s.settings.tieBreak.rawValue)", "seed=\(s.settings.seed)"
        ]
        if s.settings.stability != .report { parts.append("stability=\(s.settings.stability.rawValue)") }
        if let t = request.solve.timeLimit { parts.append("time_limit=\(t)") }
        if let c = request.solve.cuts {
            parts.append("cuts=\(c.families.map(\.rawValue).sorted().joined(separator: ","))")
        }
        if let k = request.keepPlacements { parts.append("keep=\(k)") }
        if let k = request.keepSchedule { parts.append("keep_schedule=\(k)") }
        if let t = request.today { parts.append("today=\(t)") }
        return parts.joined(separator: "; ")
    }
}
