/// Names of the people, labs, sources and sessions of one scenario, for
/// everything a person reads: "Priya Raman (f001)", "Clinical NLP Lab",
/// "Dr. Chidi Okafor". An id the scenario does not know is shown as it is.
public struct Directory: Sendable {
    /// An empty directory: every id is shown as it is.
    public init() {}

    var fellows: [String: Fellow] = [:]
    var labs: [String: Lab] = [:]
    var mentors: [String: Mentor] = [:]
    var sources: [String: FundingSource] = [:]
    var sessions: [String: SeminarSession] = [:]

    public init(_ s: Scenario) {
        for f in s.fellows + s.withdrawn { fellows[f.id] = f }
        for l in s.labs { labs[l.id] = l }
        for m in s.mentors { mentors[m.id] = m }
        for f in s.funding { sources[f.id] = f }
        for x in s.sessions ?? [] { sessions[x.id] = x }
    }

    /// A directory from recorded names alone (id → name per kind).
    public init(fellows: [String: String], labs: [String: String], mentors: [String: String], sources: [String: String])
    {
        for (id, name) in fellows {
            self.fellows[id] = Fellow(id: id, name: name, track: "", citizenship: .other, interests: [], cost: 0)
        }
        for (id, name) in labs { self.labs[id] = Lab(id: id, name: name, areas: [], capacity: 0) }
        for (id, name) in mentors { self.mentors[id] = Mentor(id: id, name: name, lab: "", capacity: 0) }
        for (id, name) in sources { self.sources[id] = FundingSource(id: id, name: name, budget: 0) }
    }

    /// This directory with `other`'s entries added; where both know an id,
    /// `other`'s name is used.
    public func merging(_ other: Directory) -> Directory {
        var d = self
        d.fellows.merge(other.fellows) { _, new in new }
        d.labs.merge(other.labs) { _, new in new }
        d.mentors.merge(other.mentors) { _, new in new }
        d.sources.merge(other.sources) { _, new in new }
        d.sessions.merge(other.sessions) { _, new in new }
        return d
    }

    /// "Name (id)", or the id alone when the name is the id.
    public static func named(_ name: String?, _ id: String) -> String {
        guard let name, name != id else { return id }
        return "\(name) (\(id))"
    }

    public func fellowName(_ id: String) -> String { fellows[id]?.name ?? id }
    public func fellow(_ id: String) -> String { Self.named(fellows[id]?.name, id) }
    public func labName(_ id: String) -> String { labs[id]?.name ?? id }
    public func lab(_ id: String) -> String { Self.named(labs[id]?.name, id) }
    public func mentorName(_ id: String) -> String { mentors[id]?.name ?? id }
    public func mentor(_ id: String) -> String { Self.named(mentors[id]?.name, id) }
    public func sourceName(_ id: String) -> String { sources[id]?.name ?? id }
    public func source(_ id: String) -> String { Self.named(sources[id]?.name, id) }
    public func institution(ofLab id: String) -> String { labs[id]?.institution ?? "" }

    /// "Clinical NLP Lab, Dr. Chidi Okafor", "unplaced".
    public func place(lab: String?, mentor: String?, unplaced: Bool = false) -> String {
        guard let lab else { return unplaced ? "unplaced" : "no lab" }
        return labName(lab) + (mentor.map { ", " + mentorName($0) } ?? "")
    }

    /// A session as people say it: "Thu 17 Sep 2026, 12:00".
    public func session(_ id: String) -> String {
        guard let s = sessions[id] else { return id }
        return DateText.long(s.date) + ", \(s.start)"
    }
}
