import Domain
import SeminarSolver

/// The seminar series as one compact list, for the printed report: every
/// session of the series in date order, held or not, with its talks, and
/// those without a talk marked free for a guest speaker.
enum SessionList {
    static func sessions(_ s: ScheduleOutcome, names: Directory) -> [[String: Any]] {
        let bySession = Dictionary(grouping: s.talks, by: \.session.id)
        var sessions: [String: SeminarSession] = [:]
        for t in s.talks { sessions[t.session.id] = t.session }
        for e in s.emptySessions { sessions[e.id] = e }
        return sessions.values.sorted { ($0.date, $0.start, $0.id) < ($1.date, $1.start, $1.id) }.map { session in
            let talks = (bySession[session.id] ?? []).sorted { $0.talk.fellow < $1.talk.fellow }
            return [
                "date": DateText.long(session.date), "time": "\(session.start)", "room": session.room,
                "free": talks.isEmpty,
                "talks": talks.map { t in
                    "\(names.fellowName(t.talk.fellow)) (\(t.talk.kind == "wip" ? "work in progress" : t.talk.kind)"
                        + (t.talk.mentorRequired ? ", \(names.mentorName(t.talk.mentor)) attends" : "") + ")"
                }
            ] as [String: Any]
        }
    }
}
