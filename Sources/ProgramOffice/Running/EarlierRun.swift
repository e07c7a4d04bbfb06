import Domain
import Foundation
import RunHistory
import SeminarSolver

/// What a run keeps from before: an earlier run's files, or the intake's
/// official match from the history.
struct EarlierRun: Sendable {
    var placements: [PreviousPlacement]?
    var talks: [PreviousTalk]?
    /// The official match, when it is what is kept.
    var official: RunRecord?
    /// The schedules of the intake's runs since it was first published,
    /// oldest first: calendars may have been sent from any of them.
    var issued: [[PreviousTalk]] = []
    /// The defenses of the same runs, oldest first, each with its committee.
    var issuedDefenses: [[PreviousDefense]] = []
    /// The intake's latest run in the history, whichever it is: its id and when it was recorded.
    var latest: (id: Int64, recordedAt: String)?
    /// The official match of the intake in the history, kept or not.
    var published: RunRecord?
    /// The history these were read from: the run records itself through the
    /// same store, which then verifies the history again only if another
    /// writer changed it meanwhile.
    var store: HistoryStore?
}

extension Office {
    /// The earlier run a run keeps: the files the request names, else (unless
    /// ``RunRequest/fresh``) the intake's official match. A history that
    /// exists but cannot be trusted (changed outside FellowMatch, damaged,
    /// newer, not a history) stops the run: starting fresh in silence would
    /// ignore the official match.
    func earlierRun(_ program: OpenedProgram, _ request: RunRequest, warnings: inout [String])
        throws(OfficeError) -> EarlierRun
    {
        if request.fresh && (request.keepPlacements != nil || request.keepSchedule != nil) {
            throw OfficeError(
                .contradictoryRequest,
                "a fresh run sets every earlier run aside, so it cannot also keep an earlier run's file: ask for one or "
                    + "the other")
        }
        var earlier = EarlierRun()
        do {
            if let path = request.keepSchedule {
                earlier.talks = try PreviousRun.schedule(at: URL(fileURLWithPath: path))
            }
            if let path = request.keepPlacements {
                earlier.placements = try PreviousRun.placements(at: URL(fileURLWithPath: path))
            }
        } catch {
            throw OfficeError(.badEarlierRun, "an earlier run's file has problems", problems: error.issues)
        }
        guard !request.fresh, let history = request.history, HistoryStore.exists(at: history) else { return earlier }
        let runs: IntakeRuns
        do {
            let store = try HistoryStore(path: history)
            runs = try store.intakeRuns(program.intakeKey)
            earlier.store = store
        } catch {
            throw Self.historyError(error, history)
        }
        earlier.latest = runs.latest
        earlier.published = runs.official
        earlier.issued = runs.sent.reversed().map(\.talks)
        earlier.issuedDefenses = runs.sent.reversed().map(\.defenses)
        guard request.keepPlacements == nil && request.keepSchedule == nil, let official = earlier.published else {
            return earlier
        }
        earlier.official = official
        earlier.placements = official.placements.map(\.asPrevious)
        if !official.talks.isEmpty { earlier.talks = official.talks.map(\.asPrevious) }
        return earlier
    }

    /// The date before which a re-plan treats talks as held: `--today` when
    /// given, else (when the run keeps an earlier schedule) the latest
    /// withdrawal, recording or publication date (`ReplanDate`); `nil`
    /// when the run re-plans nothing.
    func replanDate(_ program: OpenedProgram, _ request: RunRequest, earlier: EarlierRun) -> ReplanDate? {
        if let today = request.today { return ReplanDate(date: today, source: .given) }
        guard earlier.talks != nil else { return nil }
        var candidates: [(CalendarDate, ReplanDate.Source)] = program.scenario.withdrawn.sorted { $0.id < $1.id }
            .compactMap { f in f.withdrawnOn.map { ($0, .withdrawal(f.id)) } }
        if let run = earlier.latest, let day = CalendarDate(String(run.recordedAt.prefix(10))) {
            candidates.append((day, .recorded(run.id)))
        }
        if let run = earlier.published, let at = run.publishedAt, let day = CalendarDate(String(at.prefix(10))) {
            candidates.append((day, .published(run.id)))
        }
        return ReplanDate.latest(of: candidates)
    }
}
