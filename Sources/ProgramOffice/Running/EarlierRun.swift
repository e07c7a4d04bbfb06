import Domain
import Foundation
import RunHistory

/// What a run keeps from before: an earlier run's files, or the intake's
/// official match from the history.
struct EarlierRun: Sendable {
    var placements: [PreviousPlacement]?
    var talks: [PreviousTalk]?
    /// The official match, when it is what is kept.
    var official: RunRecord?
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
        let usesOfficial = !request.fresh && request.keepPlacements == nil && request.keepSchedule == nil
        guard usesOfficial, let official = try officialMatch(program, history: request.history) else { return earlier }
        earlier.official = official
        earlier.placements = official.placements.map(\.asPrevious)
        if !official.talks.isEmpty { earlier.talks = official.talks.map(\.asPrevious) }
        return earlier
    }

    /// The published run of the program's intake, if the history has one.
    private func officialMatch(_ program: OpenedProgram, history: String?) throws(OfficeError) -> RunRecord? {
        guard let history, HistoryStore.exists(at: history) else { return nil }
        do { return try HistoryStore(path: history).official(intakeKey: program.intakeKey) } catch {
            throw Self.historyError(error, history)
        }
    }
}
