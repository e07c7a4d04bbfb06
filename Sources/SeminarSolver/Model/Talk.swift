import Domain
import PlacementSolver

/// One talk a fellow must give: their `number`-th talk of `kind`.
public struct Talk: Hashable, Sendable {
    public var fellow: String
    public var fellowName: String
    public var kind: String
    /// 1-based among this fellow's talks of this kind.
    public var number: Int
    public var lab: String
    public var labName: String
    public var mentor: String
    public var mentorName: String
    public var track: String
    /// The kind needs the mentor in the room.
    public var mentorRequired: Bool

    /// Stable identity of the talk: the same talk keeps it when rescheduled.
    public var id: String { "\(fellow)-\(kind)-\(number)" }

    /// "the thesis talk of f017", "the 2nd wip talk of f003".
    public var phrase: String {
        let nth = number == 1 ? "" : NumberText.ordinal(number) + " "
        return "the \(nth)\(kind) talk of \(fellow)"
    }
}

/// The talks the `[seminars] talks` settings ask of the placed fellows.
/// Unplaced fellows give no talks.
public enum TalkList {
    public static func talks(for scenario: Scenario, placements: [FellowPlacement]) -> [Talk] {
        let fellows = Dictionary(uniqueKeysWithValues: scenario.fellows.map { ($0.id, $0) })
        let labs = Dictionary(uniqueKeysWithValues: scenario.labs.map { ($0.id, $0) })
        let mentors = Dictionary(uniqueKeysWithValues: scenario.mentors.map { ($0.id, $0) })
        let required = Set(scenario.settings.seminars.mentorRequired)
        var talks: [Talk] = []
        for p in placements where p.status != .unplaced {
            guard let f = fellows[p.fellow], let lab = p.lab, let mentor = p.mentor else { continue }
            var count: [String: Int] = [:]
            for req in scenario.settings.seminars.talks where req.status == nil || req.status == f.status {
                for _ in 0..<req.count {
                    count[req.kind, default: 0] += 1
                    talks.append(
                        Talk(
                            fellow: f.id, fellowName: f.name, kind: req.kind, number: count[req.kind]!, lab: lab,
                            labName: labs[lab]?.name ?? lab, mentor: mentor,
                            mentorName: mentors[mentor]?.name ?? mentor,
                            track: f.track, mentorRequired: required.contains(req.kind)))
                }
            }
        }
        return talks
    }
}

/// The talk kinds the rules name.
public enum TalkKind {
    /// Work in progress.
    public static let wip = "wip"
    /// The year-two thesis talk.
    public static let thesis = "thesis"
    /// Kinds a fellow gives in this order (every `wip` strictly before every `thesis`).
    public static let ordered = [wip, thesis]
}
