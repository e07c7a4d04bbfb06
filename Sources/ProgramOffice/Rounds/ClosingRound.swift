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
    /// The rankings are read, the files written and the round closed in one
    /// transaction of the history: a ranking saved meanwhile waits for it (and
    /// then finds the round closed), and a failure leaves the round open.
    public func closeRound(_ program: OpenedProgram, history: String, by: String) throws(OfficeError) -> ClosedRound {
        guard let status = try roundStatus(intakeKey: program.intakeKey, history: history),
            status.round.state == .open
        else { throw OfficeError(.roundClosed, "there is no open preference round for this intake") }
        let s = program.scenario
        let fellows = Set(status.people.filter { $0.kind == .fellow }.map(\.person))
        let mentors = Set(status.people.filter { $0.kind == .mentor }.map(\.person))
        var closed = ClosedRound(fellowsCertified: 0, mentorsCertified: 0, fellowsKept: 0, mentorsKept: 0, keptIn: nil)
        let store = try historyStore(history)
        var writeError: OfficeError?
        do {
            // The rankings are read, the files written and the round closed in one transaction.
            try store.closeRound(status.round.id, at: now(), by: by) { rankings in
                let certified = rankings.filter { $0.value.state == .certified }
                let fellowRanks = certified.filter { fellows.contains($0.key) }
                let mentorRanks = certified.filter { mentors.contains($0.key) }
                let files = [
                    ("preferences.csv", Data(Self.preferencesFile(s, fellowRanks).utf8)),
                    ("mentor_preferences.csv", Data(Self.mentorPreferencesFile(s, mentorRanks).utf8))
                ]
                let folder = program.location.path
                let written = Result { () throws(OfficeError) in try replaceInputs(in: folder, files) }
                switch written {
                case .success(let kept): closed.keptIn = kept
                case .failure(let error):
                    writeError = error
                    throw error
                }
                closed.fellowsCertified = fellowRanks.count
                closed.mentorsCertified = mentorRanks.count
                closed.fellowsKept = Set(s.preferences.map(\.fellow)).subtracting(fellowRanks.keys).count
                closed.mentorsKept = Set(s.mentorPreferences.map(\.mentor)).subtracting(mentorRanks.keys).count
            }
        } catch {
            throw writeError ?? Self.roundError(error, history)
        }
        return closed
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
