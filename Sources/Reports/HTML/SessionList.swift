import Domain
import SeminarSolver

/// The seminar series as one compact list, for the printed report: every
/// session of the series in date order, held or not, with its talks, and
/// those without a talk marked free for a guest speaker. Written directly,
/// as ``MonthCalendar``: one `<li>` per session.
enum SessionList {
    static func html(_ s: ScheduleOutcome, names: Directory) -> String {
        let bySession = Dictionary(grouping: s.talks, by: \.session.id)
        var sessions: [String: SeminarSession] = [:]
        for t in s.talks { sessions[t.session.id] = t.session }
        for e in s.emptySessions { sessions[e.id] = e }
        var html = ""
        for session in sessions.values.sorted(by: { ($0.date, $0.start, $0.id) < ($1.date, $1.start, $1.id) }) {
            let talks = (bySession[session.id] ?? []).sorted { $0.talk.fellow < $1.talk.fellow }
            html += "<li><span class=\"when\">" + TableRows.escape(DateText.long(session.date)) + ", "
            html += TableRows.escape("\(session.start)") + "</span> <span class=\"room\">· "
            html += TableRows.escape(session.room) + "</span>: "
            if talks.isEmpty { html += "<em class=\"free\">free for a guest speaker</em>" }
            for t in talks {
                let text =
                    "\(names.fellowName(t.talk.fellow)) (\(t.talk.kind == "wip" ? "work in progress" : t.talk.kind)"
                    + (t.talk.mentorRequired ? ", \(names.mentorName(t.talk.mentor)) attends" : "") + ")"
                html += "<span class=\"item\">" + TableRows.escape(text) + "</span>"
            }
            html += "</li>\n"
        }
        return html
    }
}
