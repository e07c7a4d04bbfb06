import Domain
import Foundation
import PlacementSolver
import SeminarSolver

/// Sentences about outcomes, in the coordinator's terms. Solvers return
/// values; the words for them are written here.
public enum Wording {
    static let ordinalWords = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"
    ]

    /// "first", "second", …, "tenth", then "11th".
    public static func ordinalWord(_ n: Int) -> String {
        (1...ordinalWords.count).contains(n) ? ordinalWords[n - 1] : NumberText.ordinal(n)
    }

    /// "All 16 new fellows placed: 14 at their first choice, 2 at their second."
    public static func headline(_ o: PlacementOutcome) -> String {
        let new = o.placements.filter { $0.status != .continuing }.count
        let placed = new - o.unplaced.count
        guard new > 0 else { return "No new fellows to place." }
        let counts = o.rankProfile.sorted { $0.key < $1.key }
        var parts: [String] = []
        for (k, (rank, count)) in counts.enumerated() {
            parts.append("\(count) at their \(ordinalWord(rank))\(k == 0 ? " choice" : "")")
        }
        let who =
            placed == new
            ? (new == 1 ? "The new fellow placed" : "All \(new) new fellows placed")
            : "\(placed) of \(new) new fellows placed"
        var text = who + (parts.isEmpty ? "" : ": " + list(parts))
        if !o.unplaced.isEmpty { text += "; \(o.unplaced.count) unplaced" }
        return text + "."
    }

    /// How many placed new fellows are not at their first choice, from the
    /// rank profile (the headline's counts): "Every new fellow got their first
    /// choice." only when that is so. Without `reasonsShown` (the public page)
    /// it says where the reasons are.
    public static func notFirstSummary(_ o: PlacementOutcome, reasonsShown: Bool) -> String {
        let n = o.rankProfile.filter { $0.key != 1 }.values.reduce(0, +)
        guard n > 0 else {
            return o.unplaced.isEmpty
                ? "Every new fellow got their first choice." : "Every placed new fellow got their first choice."
        }
        let who = n == 1 ? "1 new fellow is" : "\(n) new fellows are"
        return "\(who) not at their first choice"
            + (reasonsShown ? ":" : "; the program office's report says why.")
    }

    /// How good the placement is, and why the search stopped, with the
    /// figures. Without `time` (pages, which must not change from run to
    /// run) the solve time is left out.
    public static func status(_ o: PlacementOutcome, time showTime: Bool = true) -> String {
        let objective = o.objective.map { "\(objectiveName(o.objectiveKind)) \(NumberText.number($0))" }
        let time: String? =
            showTime
            ? "solved in \(NumberText.seconds(o.solveSeconds))" + (o.solves > 1 ? " over \(o.solves) stages" : "")
            : (o.solves > 1 ? "in \(o.solves) stages" : nil)
        switch o.status {
        case .optimal:
            return "Proved the best possible placement (" + [objective, time].compactMap { $0 }.joined(separator: ", ")
                + ")." + (o.tiesSettled == false ? " " + tiesUnsettled : "")
        case .feasible:
            let distance =
                o.gap.map { "within \(NumberText.percent($0)) of the best possible" }
                ?? "no bound on the best possible was known yet"
            let bound = o.bound.map { ", bound \(NumberText.number($0))" } ?? ""
            return "A valid placement, not proved best: \(distance); the time limit stopped the search ("
                + [objective.map { $0 + bound }, time].compactMap { $0 }.joined(separator: ", ") + ")."
        case .infeasible:
            return "No placement exists."
        case .timeLimitNoSolution:
            return "No placement was found within the time limit; allow the solver more time."
        }
    }

    /// After the status, when a tie-break stage stopped at its search limit.
    static let tiesUnsettled =
        "The tie-break between equally good placements stopped at its search limit:"
        + " the placement is as good, its ties decided as far as the search went."

    /// What the objective value counts, in words.
    public static func objectiveName(_ kind: ObjectiveKind) -> String {
        switch kind {
        case .totalRank: return "total rank"
        case .score: return "total score"
        case .rankMaximal, .generous: return "sum of ranks"
        }
    }

    /// "Priya Raman (f001): Clinical NLP Lab, Dr. Chidi Okafor → Genomics Lab, Dr. Ana Costa".
    public static func move(_ m: PlacementMove, _ names: Directory) -> String {
        "\(names.fellow(m.fellow)): \(m.from.map(names.place) ?? "not in the earlier run") → \(m.to.map(names.place) ?? "no longer in the program")"
    }

    /// A talk's kind as a title: "Work in progress", "Thesis presentation".
    public static func talkTitle(_ kind: String) -> String {
        kind == "wip" ? "Work in progress" : kind == "thesis" ? "Thesis presentation" : kind.capitalized
    }

    /// "Priya Raman's work-in-progress talk: Thu 17 Sep 2026, 12:00 → Thu 1 Oct 2026, 12:00".
    public static func talkMove(_ m: TalkMove, _ names: Directory) -> String {
        let talk = "\(names.fellow(m.fellow)), \(talkTitle(m.talkKind).lowercased()) talk"
        switch m.kind {
        case .moved: return "\(talk): \(m.from.map(names.session) ?? "?") → \(m.to.map(names.session) ?? "?")"
        case .added: return "\(talk): new, on \(m.to.map(names.session) ?? "?")"
        case .dropped: return "\(talk): no longer given (was on \(m.from.map(names.session) ?? "?"))"
        }
    }

    /// "Equally good placements exist: Elena Petrova (f015) could be in Imaging Informatics Lab instead of …".
    public static func ties(_ ties: [Tie], _ names: Directory) -> String {
        "Equally good placements exist (the choice between them was a tie): "
            + ties.map {
                "\(names.fellow($0.fellow)) could be in \(names.labName($0.alternative)) instead of \(names.labName($0.lab))"
                    + " (\(decided($0.decidedBy)))"
            }
            .joined(separator: "; ") + "."
    }

    /// What decided a tie, in a few words.
    public static func decided(_ d: TieDecision) -> String {
        switch d {
        case .mentors: return "decided by the mentors' rankings"
        case .lottery(let seed): return "decided by the lottery, seed \(seed)"
        case .search: return "decided by the solver's search: no tie-break policy"
        }
    }

    /// What decided a tie, as `summary.json` names it.
    public static func decidedCode(_ d: TieDecision) -> String {
        switch d {
        case .mentors: return "mentors"
        case .lottery: return "lottery"
        case .search: return "search"
        }
    }

    /// A schedule in two sentences: how many talks in how many sessions, from
    /// when to when and whether proved best; how the soft aims came out.
    public static func scheduleSummary(_ s: ScheduleOutcome) -> [String] {
        let sessions = Set(s.talks.map(\.session.id)).count
        var text = "Seminars: \(s.talks.count) talks in \(sessions) sessions"
        if let first = s.talks.first, let last = s.talks.last {
            text += ", \(DateText.long(first.session.date)) to \(DateText.long(last.session.date))"
        }
        if s.status == .optimal {
            text += " (the best schedule possible)."
        } else if let penalty = s.penalty, let bound = s.penaltyBound {
            text +=
                " (a valid schedule; not proved best: its soft-aim penalty is \(NumberText.number(penalty)), "
                + "the least possible at least \(NumberText.number(bound))"
                + (s.gap.map { ", so it is within \(NumberText.percent($0)) of the best possible" } ?? "") + ")."
        } else {
            text += " (a valid schedule; not proved best)."
        }
        let aims =
            s.sessionsWithSameLab == 0 && s.sessionsWithSameTrack == 0
            ? "No session has two talks from one lab or from one track."
            : "Sessions with two talks from one lab: \(s.sessionsWithSameLab); from one track: \(s.sessionsWithSameTrack)."
        guard !s.emptySessions.isEmpty else { return [text, aims] }
        let free =
            "Sessions without a talk (free for a guest speaker): "
            + ListText.joined(s.emptySessions.map { DateText.long($0.date) + ($0.room.isEmpty ? "" : ", \($0.room)") })
            + "."
        return [text, aims, free]
    }

    /// "a, b and c".
    public static func list(_ items: [String]) -> String { ListText.joined(items) }
}

extension Directory {
    /// A `Place` in words: "Clinical NLP Lab, Dr. Chidi Okafor", "unplaced".
    func place(_ p: Place?) -> String {
        guard let p else { return "not in the program" }
        return place(lab: p.lab, mentor: p.mentor, unplaced: p.isUnplaced)
    }
}
