import Domain
import Foundation
import RunHistory

/// A round closed: what it wrote.
public struct ClosedRound: Sendable {
    /// New fellows and mentors whose certified ranking was written.
    public var fellowsCertified: Int
    public var mentorsCertified: Int
    /// Those without one, whose rows in the files were kept as they were.
    public var fellowsKept: Int
    public var mentorsKept: Int
    /// Where the earlier files were kept.
    public var keptIn: String?
}

extension Office {
    /// Closes the intake's open round and writes `preferences.csv` and
    /// `mentor_preferences.csv` as the format defines them: each certified
    /// ranking in rank order (1 first); a person without a certified ranking
    /// keeps their rows of the files as they were (drafts are not written).
    /// The files are written before the round is closed, so a failure leaves
    /// the round open.
    public func closeRound(_ program: OpenedProgram, history: String, by: String) throws(OfficeError) -> ClosedRound {
        guard let status = try roundStatus(intakeKey: program.intakeKey, history: history),
            status.round.state == .open
        else { throw OfficeError(.roundClosed, "there is no open preference round for this intake") }
        let s = program.scenario
        let certified = status.rankings.filter { $0.value.state == .certified }
        let fellows = Set(status.people.filter { $0.kind == .fellow }.map(\.person))
        let mentors = Set(status.people.filter { $0.kind == .mentor }.map(\.person))
        let fellowRanks = certified.filter { fellows.contains($0.key) }
        let mentorRanks = certified.filter { mentors.contains($0.key) }
        let prefs = Self.preferencesFile(s, fellowRanks)
        let mentorPrefs = Self.mentorPreferencesFile(s, mentorRanks)
        let keptIn = try replaceInputs(
            in: program.location.path,
            [("preferences.csv", Data(prefs.utf8)), ("mentor_preferences.csv", Data(mentorPrefs.utf8))])
        let store = try historyStore(history)
        do { try store.closeRound(status.round.id, at: now(), by: by) } catch {
            throw Self.roundError(error, history)
        }
        return ClosedRound(
            fellowsCertified: fellowRanks.count, mentorsCertified: mentorRanks.count,
            fellowsKept: Set(s.preferences.map(\.fellow)).subtracting(fellowRanks.keys).count,
            mentorsKept: Set(s.mentorPreferences.map(\.mentor)).subtracting(mentorRanks.keys).count, keptIn: keptIn)
    }

    /// `fellow,lab,rank` (and `score` when a kept row has one), in fellows.csv's order.
    static func preferencesFile(_ s: Scenario, _ ranks: [String: RoundRanking]) -> String {
        let kept = Dictionary(grouping: s.preferences.filter { ranks[$0.fellow] == nil }, by: \.fellow)
        let withScore = kept.values.joined().contains { $0.score != nil }
        var lines = [withScore ? "fellow,lab,rank,score" : "fellow,lab,rank"]
        for f in s.fellows {
            if let r = ranks[f.id] {
                lines += r.ranked.enumerated().map { "\(f.id),\($1),\($0 + 1)" + (withScore ? "," : "") }
            } else {
                lines += (kept[f.id] ?? []).sorted { $0.line < $1.line }.map {
                    "\($0.fellow),\($0.lab),\($0.rank)"
                        + (withScore ? "," + ($0.score.map(NumberText.number) ?? "") : "")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `mentor,fellow,rank`, in mentors.csv's order.
    static func mentorPreferencesFile(_ s: Scenario, _ ranks: [String: RoundRanking]) -> String {
        let kept = Dictionary(grouping: s.mentorPreferences.filter { ranks[$0.mentor] == nil }, by: \.mentor)
        var lines = ["mentor,fellow,rank"]
        for m in s.mentors {
            if let r = ranks[m.id] {
                lines += r.ranked.enumerated().map { "\(m.id),\($1),\($0 + 1)" }
            } else {
                lines += (kept[m.id] ?? []).map { "\($0.mentor),\($0.fellow),\($0.rank)" }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
