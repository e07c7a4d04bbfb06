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
/// A committee that breaks a rule only because one or two of its readers or
/// external members may no longer sit on it (gone, in conflict, `committee_load`
/// 0 or used up) keeps its other seats, and each lost seat is filled
/// (``repair(_:_:pool:index:settings:used:)``), after the committees kept whole.
///
/// The other fellows' committees are formed by ``CommitteeFormer`` over the
/// scenario without the kept fellows, each member's `committee_load` less
/// the kept committees they sit on. So a member who leaves changes only the
/// committees they sat on, and in each only their seat where it can be filled.
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
        formed.limit = nil  // counted over the seats the kept committees left, not the program's
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
        let keptFellows = Set(kept.map(\.fellow))
        for c in CommitteeCandidates.all(s, pool: pool) where !keptFellows.contains(c.fellow.id) {
            guard let seats = published[c.fellow.id],
                let repaired = repair(seats, c, pool: pool, index: index, settings: settings, used: used)
            else { continue }
            for m in repaired.seats.dropFirst() { used[m.member, default: 0] += 1 }
            kept.append(repaired)
        }
        let order = Dictionary(s.fellows.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        return (kept.sorted { order[$0.fellow, default: 0] < order[$1.fellow, default: 0] }, used)
    }

    /// A published committee that lost one or two members (gone, in
    /// conflict, no load left, …) with its other seats kept and the lost
    /// ones filled, each by a possible member of the same role with load left:
    /// the fill that keeps every rule with the largest expertise, the first
    /// in mentors.csv and faculty.csv order on a tie; a new member chairs
    /// (the first who may) only when the chair was lost. `nil` when the
    /// mentor changed, more than two seats were lost, or no fill keeps the
    /// rules: the committee is then formed again whole.
    static func repair(
        _ seats: [CommitteeOutcome.Seat], _ c: CommitteeCandidates, pool: [CommitteeMember], index: [String: Int],
        settings: CommitteeSettings, used: [String: Int]
    ) -> CommitteeOutcome.Committee? {
        guard let mentor = seats.first, mentor.role == .mentor, mentor.member == pool[c.mentor].id else { return nil }
        let readers = Set(c.readers), externals = Set(c.externals)
        func free(_ p: Int) -> Bool { (used[pool[p].id] ?? 0) < pool[p].load }
        func possible(_ seat: CommitteeOutcome.Seat) -> Bool {
            guard let p = index[seat.member], free(p) else { return false }
            return seat.role == .reader ? readers.contains(p) : seat.role == .external && externals.contains(p)
        }
        let stay = seats.dropFirst().filter(possible)
        let lost = seats.dropFirst().filter { !possible($0) }
        guard (1...2).contains(lost.count) else { return nil }
        let taken = Set(stay.compactMap { index[$0.member] })
        func open(_ role: CommitteeRole) -> [Int] {
            (role == .reader ? c.readers : c.externals).filter { !taken.contains($0) && free($0) }
        }
        var fills: [[Int]] = open(lost[0].role).map { [$0] }
        if lost.count == 2 {
            let second = open(lost[1].role)
            fills = fills.flatMap { f in
                second.filter { lost[0].role != lost[1].role ? $0 != f[0] : $0 > f[0] }.map { f + [$0] }
            }
        }
        let chaired = mentor.chair || stay.contains(where: \.chair)
        var best: CommitteeOutcome.Committee?
        for fill in fills {
            let chair = chaired ? nil : fill.first { pool[$0].chair }
            guard chaired || chair != nil else { continue }
            let added = zip(fill, lost).map { p, seat in
                CommitteeOutcome.Seat(member: pool[p].id, role: seat.role, chair: p == chair)
            }
            let others = (Array(stay) + added).sorted { index[$0.member]! < index[$1.member]! }
            let candidate = [mentor] + others
            guard valid(candidate, c, pool: pool, index: index, settings: settings) else { continue }
            let expertise = others.map { c.expertise[index[$0.member]!] }.reduce(0, +)
            if expertise > (best?.expertise ?? -1) {
                best = CommitteeOutcome.Committee(fellow: c.fellow.id, seats: candidate, expertise: expertise)
            }
        }
        return best
    }

    /// Whether `seats` keep every rule for `c` now (loads aside), every
    /// member locked to the fellow in committee_rules.csv seated.
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
        guard c.locked.isSubset(of: rest.compactMap { index[$0.member] }) else { return false }
        let areas = Set(rest.flatMap { pool[index[$0.member]!].areas })
        return c.uncovered.allSatisfy { areas.contains($0) }
    }
}
