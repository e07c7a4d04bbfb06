import Domain

/// A better-ranked lab a placed fellow could move to now: it has a free
/// place, a mentor with room who may take them (rules 3, 4, 6), and money
/// left that may pay their need there (rule 5).
public struct Opportunity: Sendable, Hashable {
    public var fellow: String
    public var currentLab: String
    public var currentRank: Int
    public var lab: String
    public var rank: Int
    public var mentors: [String]
}

/// Opportunities that a placement leaves open, e.g. after a withdrawal freed
/// a place: nothing is moved; the coordinator decides.
///
/// A fellow f at rank r has an opportunity at lab l when f ranked l better
/// than r, (f, l, m) is an eligible choice for some mentor m, and in the
/// placement lab l and mentor m are below capacity and the budgets left of
/// the sources that may pay for f at l cover f's need there. Only f moves, so
/// these checks are exact for a single move.
public enum Opportunities {
    public static func find(_ s: Scenario, _ o: PlacementOutcome) -> [Opportunity] {
        guard o.hasPlacement else { return [] }
        let e = Eligibility(s)
        let sources = SourcesAtLab(s)
        let labLoad = Dictionary(o.labLoads.map { ($0.id, $0.total) }, uniquingKeysWith: { a, _ in a })
        let mentorLoad = Dictionary(o.mentorLoads.map { ($0.id, $0.total) }, uniquingKeysWith: { a, _ in a })
        let leftCents = Dictionary(o.budgets.map { ($0.source, $0.leftCents) }, uniquingKeysWith: { a, _ in a })
        let rows = Dictionary(o.placements.map { ($0.fellow, $0) }, uniquingKeysWith: { a, _ in a })
        var found: [Opportunity] = []
        for (fi, f) in s.fellows.enumerated() where f.isNew {
            guard let p = rows[f.id], p.status == .new, let lab = p.lab, let rank = p.rank else { continue }
            let choices = (e.choicesOfFellow[fi] ?? []).map { e.choices[$0] }
            var byLab: [Int: [String]] = [:]
            for c in choices where c.rank < rank {
                let l = s.labs[c.lab], m = s.mentors[c.mentor]
                guard (labLoad[l.id] ?? 0) < l.capacity, (mentorLoad[m.id] ?? 0) < m.capacity else { continue }
                let money = sources.payers(for: f, at: l.id).reduce(0) { $0 + (leftCents[s.funding[$1].id] ?? 0) }
                guard money >= c.need * 100 else { continue }
                byLab[c.lab, default: []].append(m.id)
            }
            for (li, mentors) in byLab.sorted(by: { $0.key < $1.key }) {
                let r = choices.first { $0.lab == li }?.rank ?? rank
                found.append(
                    Opportunity(
                        fellow: f.id, currentLab: lab, currentRank: rank, lab: s.labs[li].id, rank: r, mentors: mentors)
                )
            }
        }
        return found.sorted {
            ($0.rank - $0.currentRank, $0.fellow, $0.lab) < ($1.rank - $1.currentRank, $1.fellow, $1.lab)
        }
    }
}
