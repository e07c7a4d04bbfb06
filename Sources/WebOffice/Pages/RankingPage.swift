import Domain
import Foundation
import ProgramOffice
import RunHistory

/// A person's ranking page: a fellow ranks the labs open to them (the
/// others listed with the reason, rule 3), a mentor ranks the fellows who
/// ranked their lab (name, track and interests only). One select box per
/// choice, checked on the server; nobody sees anyone else's ranking.
struct RankingPage {
    var access: RoundAccess
    var csrf: String
    var action: String
    var saved: String?
    var problems: [String] = []
    /// The coordinator entering it on the person's behalf, if so.
    var coordinator: OfficeSession?
    var programID: String?
    /// The boxes as submitted, when a submission was refused (shown again).
    var submitted: [String]?

    func page() -> WebPage {
        let s = access.program.scenario
        let p = access.person
        var c: [String: Any] = [
            "heading": coordinator == nil ? "Your ranking, \(p.name)" : "The ranking of \(p.name)",
            "program": s.settings.name, "deadline": access.round.deadline, "csrf": csrf, "action": action,
            "state": Self.state(access.current), "problems": problems, "canSave": access.canSave || coordinator != nil,
            "name": p.name
        ]
        if let saved { c["saved"] = saved }
        if coordinator != nil { c["onBehalf"] = true }
        if let programID { c["backPath"] = WebPath.component(programID) }
        let names: [String: String]
        if p.kind == .fellow {
            c["fellow"] = true
            c["labs"] = access.choices.compactMap { id in s.labs.first { $0.id == id } }.map { lab -> [String: Any] in
                [
                    "name": lab.name, "institution": lab.institution, "areas": lab.areas.joined(separator: ", "),
                    "mentors": s.mentors.filter { $0.lab == lab.id }.map(\.name).joined(separator: ", ")
                ]
            }
            c["closedLabs"] = Self.closedLabs(p.person, s, open: Set(access.choices))
            names = Dictionary(s.labs.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        } else {
            c["mentor"] = true
            let fellows = access.choices.compactMap { s.fellow($0) }
            c["fellows"] = fellows.map {
                ["name": $0.name, "track": $0.track, "interests": $0.interests.joined(separator: ", ")]
            }
            names = Dictionary(fellows.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        }
        c["boxes"] = boxes(names)
        return WebPage(title: "Ranking", template: "ranking", context: c, session: coordinator, program: programID)
    }

    /// One box per choice the person may make (at most 30), each preset to
    /// the current ranking (or to what was just submitted and refused).
    private func boxes(_ names: [String: String]) -> [[String: Any]] {
        let current = submitted ?? access.current?.ranked ?? []
        let count = min(max(access.choices.count, 0), 30)
        let sorted = access.choices.sorted { (names[$0] ?? $0, $0) < (names[$1] ?? $1, $1) }
        return (0..<count).map { i in
            let chosen = i < current.count ? current[i] : ""
            return [
                "position": i + 1,
                "options": sorted.map { ["id": $0, "label": names[$0] ?? $0, "selected": $0 == chosen] }
            ]
        }
    }

    static func state(_ r: RoundRanking?) -> String {
        guard let r else { return "not started" }
        let when = IntakePage.when(r.savedAt)
        let by = r.savedBy == "self" ? "" : " (entered by the program coordinator \(r.savedBy))"
        let what = r.state == .certified ? "certified on \(when)" : "a draft saved on \(when), not certified"
        return "\(what), \(r.ranked.count) choice\(r.ranked.count == 1 ? "" : "s")\(by)"
    }

    /// The labs a fellow cannot rank, each with why (rule 3).
    static func closedLabs(_ fellow: String, _ s: Scenario, open: Set<String>) -> [String] {
        guard let f = s.fellow(fellow) else { return [] }
        return s.labs.filter { !open.contains($0.id) }.map {
            "\($0.name): funded for \($0.areas.joined(separator: ", ")), none of your interests ("
                + f.interests.joined(separator: ", ") + ")"
        }
    }
}
