import Domain
import Modeling

/// The thesis committees a re-plan keeps from the intake's published run
/// (see "Thesis committees", *Keeping a published committee*, in
/// docs/scenario-format.md), and the forming of the others.
///
/// A fellow's published committee is kept, seat for seat and with its
/// chair, when it still keeps every rule of the scenario as it is now:
///
/// - its first seat is the fellow's mentor now;
/// - every reader (external member) is still a possible reader (external
///   member) of the fellow (``CommitteeCandidates``: in the pool, not in the
///   fellow's lab, no conflict, `committee_load` above 0);
/// - the counts of readers and external members are within `[committee]`;
///   one member chairs, and may (`chair = true`; the mentor only with
///   `mentor_may_chair` and no conflict); with `cover_interests`, every
///   interest of the fellow is an area of a member;
/// - taken in fellows.csv order, no member sits on more kept committees
///   than their `committee_load` (a committee that would pass it is not kept).
///
/// The other fellows' committees are formed by ``CommitteeFormer`` over the
/// scenario without the kept fellows, each member's `committee_load` less
/// the kept committees they sit on. So a member who leaves changes only the
/// committees they sat on; those are formed again whole.
public enum KeptCommittees {
    /// Every committee of `scenario`, keeping `published` (seats by fellow) where still valid.
    /// - Throws: `SolverError` when the solver itself fails.
    public static func form(
        _ scenario: Scenario, published: [String: [CommitteeOutcome.Seat]], former: CommitteeFormer
    ) throws(SolverError) -> CommitteeOutcome {
        guard !published.isEmpty else { return try former.form(scenario) }
        let (kept, used) = keptCommittees(scenario, published: published)
        guard !kept.isEmpty else { return try former.form(scenario) }
        var rest = scenario
        let keptFellows = Set(kept.map(\.fellow))
        rest.fellows.removeAll { keptFellows.contains($0.id) }
        for i in rest.mentors.indices { rest.mentors[i].committeeLoad -= used[rest.mentors[i].id] ?? 0 }
        for i in rest.faculty.indices { rest.faculty[i].committeeLoad -= used[rest.faculty[i].id] ?? 0 }
        var formed = try former.form(rest)
        let order = Dictionary(
            scenario.fellows.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        formed.committees = (formed.committees + kept).sorted {
            order[$0.fellow, default: 0] < order[$1.fellow, default: 0]
        }
        formed.loads.merge(used, uniquingKeysWith: +)
        return formed
    }

    /// The published committees still valid, in fellows.csv order, and the
    /// loads they use (readers and externals) by member.
    static func keptCommittees(_ s: Scenario, published: [String: [CommitteeOutcome.Seat]])
        -> (kept: [CommitteeOutcome.Committee], used: [String: Int])
    {
        let settings = s.settings.committee ?? CommitteeSettings()
        let pool = CommitteeMember.pool(s)
        let index = Dictionary(pool.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var kept: [CommitteeOutcome.Committee] = []
        var used: [String: Int] = [:]
        for c in CommitteeCandidates.all(s, pool: pool) {
            guard let seats = published[c.fellow.id],
                valid(seats, c, pool: pool, index: index, settings: settings)
            else { continue }
            let members = seats.dropFirst().map(\.member)
            guard members.allSatisfy({ (used[$0] ?? 0) < pool[index[$0]!].load }) else { continue }
            for m in members { used[m, default: 0] += 1 }
            let expertise = members.map { c.expertise[index[$0]!] }.reduce(0, +)
            kept.append(CommitteeOutcome.Committee(fellow: c.fellow.id, seats: seats, expertise: expertise))
        }
        return (kept, used)
    }

    /// Whether `seats` keep every rule for `c` now (loads aside).
    static func valid(
        _ seats: [CommitteeOutcome.Seat], _ c: CommitteeCandidates, pool: [CommitteeMember], index: [String: Int],
        settings: CommitteeSettings
    ) -> Bool {
        guard let first = seats.first, first.role == .mentor, first.member == pool[c.mentor].id else { return false }
        let rest = Array(seats.dropFirst())
        let readers = Set(c.readers), externals = Set(c.externals)
        for seat in rest {
            guard let p = index[seat.member] else { return false }
            switch seat.role {
            case .reader: guard readers.contains(p) else { return false }
            case .external: guard externals.contains(p) else { return false }
            case .mentor: return false
            }
        }
        guard Set(rest.map(\.member)).count == rest.count else { return false }
        let readerCount = rest.filter { $0.role == .reader }.count
        guard readerCount >= settings.minReaders, readerCount <= settings.maxReaders,
            rest.count - readerCount == settings.externals
        else { return false }
        let chairs = seats.filter(\.chair)
        guard chairs.count == 1 else { return false }
        if chairs[0].role == .mentor {
            guard c.mentorMayChair else { return false }
        } else if !pool[index[chairs[0].member]!].chair {
            return false
        }
        let areas = Set(rest.flatMap { pool[index[$0.member]!].areas })
        return c.uncovered.allSatisfy { areas.contains($0) }
    }
}
