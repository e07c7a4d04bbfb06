import Domain

/// Who may sit on one continuing fellow's committee, by index into the
/// member pool (``CommitteeMember/pool(_:)``), and why no committee can be
/// formed for them when that is plain before any solve.
///
/// A member `p` may be a reader of fellow `f` when `p` is not external, not
/// `f`'s mentor, not in `f`'s lab, not in conflict with `f` (conflicts.csv)
/// and has a `committee_load` above 0; an external member likewise, with
/// `external = true`. The mentor sits by right and may chair only with
/// `[committee] mentor_may_chair`, `chair = true` and no conflict.
///
/// committee_rules.csv: a member forbidden for `f` is no candidate; a member
/// locked to `f` stays a candidate and is listed in ``locked`` (the model
/// seats them whenever `f` has a committee, and every kept list holds them).
/// With locks, the seats left to choose are `max − locked readers` and
/// `externals − locked externals`; the chair and every uncovered interest
/// must be found among the locked members and those free seats' candidates.
public struct CommitteeCandidates: Sendable {
    public var fellow: Fellow
    /// The mentor's index in the pool.
    public var mentor: Int
    public var readers: [Int]
    public var externals: [Int]
    /// Members locked to this committee (committee_rules.csv), among `readers` and `externals`.
    public var locked: Set<Int> = []
    /// Whether the mentor may chair this committee.
    public var mentorMayChair: Bool
    /// The fellow's interests the mentor's areas do not hold: each needs a
    /// reader or external who works on it (with `cover_interests`).
    public var uncovered: [String]
    /// Expertise of every pool member for this fellow.
    public var expertise: [Int]
    /// Set when no committee can exist for this fellow whatever the others get.
    public var shortfall: CommitteeShortfall?

    /// Candidates for every continuing fellow with a mentor in the pool, in fellows.csv order.
    public static func all(_ s: Scenario, pool: [CommitteeMember]) -> [CommitteeCandidates] {
        let settings = s.settings.committee ?? CommitteeSettings()
        let index = Dictionary(pool.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var conflicts: [String: Set<Int>] = [:]
        for c in s.conflicts { if let p = index[c.person] { conflicts[c.fellow, default: []].insert(p) } }
        var rules: [String: [Int: CommitteeRule.Kind]] = [:]
        for r in s.committeeRules {
            if let p = index[r.member], rules[r.fellow]?[p] == nil { rules[r.fellow, default: [:]][p] = r.kind }
        }
        let holders = holders(pool)
        return s.continuingFellows.compactMap { f in
            guard let m = f.mentor.flatMap({ index[$0] }) else { return nil }
            let conflicted = conflicts[f.id] ?? []
            let mine = rules[f.id] ?? [:]
            return CommitteeCandidates(
                fellow: f, mentor: m, pool: pool, holders: holders, settings: settings,
                conflicted: { !conflicted.isEmpty && conflicted.contains($0) },
                rule: { mine.isEmpty ? nil : mine[$0] })
        }
    }

    /// Per area, the pool members who work on it (each once, in pool order):
    /// a fellow's expertise counts are summed over their interests' lists
    /// rather than by looking up every interest in every member's areas.
    static func holders(_ pool: [CommitteeMember]) -> [String: [Int]] {
        var holders: [String: [Int]] = [:]
        for (p, member) in pool.enumerated() {
            for area in Set(member.areas) { holders[area, default: []].append(p) }
        }
        return holders
    }

    init(
        fellow f: Fellow, mentor m: Int, pool: [CommitteeMember], holders: [String: [Int]],
        settings: CommitteeSettings, conflicted: (Int) -> Bool, rule: (Int) -> CommitteeRule.Kind? = { _ in nil }
    ) {
        fellow = f
        mentor = m
        let possible = pool.indices.filter { p in
            p != m && pool[p].load > 0 && !conflicted(p) && (pool[p].lab == nil || pool[p].lab != f.lab)
                && rule(p) != .forbid
        }
        readers = possible.filter { !pool[$0].external }
        externals = possible.filter { pool[$0].external }
        locked = Set(possible.filter { rule($0) == .lock })
        mentorMayChair = settings.mentorMayChair && pool[m].chair && !conflicted(m)
        let interests = Self.distinct(f.interests)
        uncovered = settings.coverInterests ? interests.filter { !pool[m].areas.contains($0) } : []
        var expertise = [Int](repeating: 0, count: pool.count)
        for interest in interests { for p in holders[interest] ?? [] { expertise[p] += 1 } }
        self.expertise = expertise
        shortfall = Self.shortfall(
            readers: readers, externals: externals, locked: locked, mentorMayChair: mentorMayChair,
            uncovered: uncovered, pool: pool, settings: settings)
    }

    /// The same fellow with at most about `k` readers and `k` externals kept:
    /// the `k` best of each by expertise (then those who may chair, then the
    /// larger `committee_load`), the `k` best who may chair and, for every
    /// uncovered interest, the `k` best who work on it, and every locked member. Ties are taken from a
    /// point of the pool that `rotation` moves, so fellows alike do not all
    /// keep the same members. Shortfalls were found on the full lists; the
    /// model over kept candidates is checked against ``CommitteeBounds``.
    func keeping(_ k: Int, pool: [CommitteeMember], rotation: Int) -> CommitteeCandidates {
        var c = self
        c.readers = Self.keep(readers, k, self, pool, rotation)
        c.externals = Self.keep(externals, k, self, pool, rotation)
        return c
    }

    /// The same fellow with `members` (readers or externals of the full
    /// lists) kept too, so a committee chosen beforehand fits the model.
    func including(_ members: [Int], pool: [CommitteeMember]) -> CommitteeCandidates {
        var c = self
        let missing = members.filter { !c.readers.contains($0) && !c.externals.contains($0) }
        guard !missing.isEmpty else { return c }
        c.readers = (c.readers + missing.filter { !pool[$0].external }).sorted()
        c.externals = (c.externals + missing.filter { pool[$0].external }).sorted()
        return c
    }

    private static func keep(
        _ members: [Int], _ k: Int, _ c: CommitteeCandidates, _ pool: [CommitteeMember], _ rotation: Int
    ) -> [Int] {
        guard members.count > k else { return members }
        let n = max(pool.count, 1)
        let ranked = members.sorted { a, b in
            let ka = (c.expertise[a], pool[a].chair ? 1 : 0, pool[a].load, -((a + n - rotation % n) % n))
            let kb = (c.expertise[b], pool[b].chair ? 1 : 0, pool[b].load, -((b + n - rotation % n) % n))
            return ka > kb
        }
        var kept = Set(ranked.prefix(k)).union(c.locked)
        kept.formUnion(ranked.filter { pool[$0].chair }.prefix(k))
        for interest in c.uncovered {
            kept.formUnion(ranked.filter { pool[$0].areas.contains(interest) }.prefix(k))
        }
        return members.filter { kept.contains($0) }
    }

    private static func distinct(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.filter { seen.insert($0).inserted }
    }

    /// The first rule this fellow's committee cannot meet on its own.
    /// Seats left beside the locked members are filled from the other
    /// candidates of their kind; when locks fill them all, only the locked
    /// members (and the mentor) can chair and cover the interests.
    static func shortfall(
        readers: [Int], externals: [Int], locked: Set<Int> = [], mentorMayChair: Bool, uncovered: [String],
        pool: [CommitteeMember], settings: CommitteeSettings
    ) -> CommitteeShortfall? {
        if readers.count < settings.minReaders {
            return .tooFewReaders(needed: settings.minReaders, available: readers.count)
        }
        if externals.count < settings.externals {
            return .tooFewExternals(needed: settings.externals, available: externals.count)
        }
        let lockedReaders = readers.filter { locked.contains($0) }
        let lockedExternals = externals.filter { locked.contains($0) }
        let seats =
            (settings.maxReaders > lockedReaders.count ? readers : lockedReaders)
            + (settings.externals > lockedExternals.count ? externals : lockedExternals)
        if !mentorMayChair && !seats.contains(where: { pool[$0].chair }) { return .noChair }
        for interest in uncovered where !seats.contains(where: { pool[$0].areas.contains(interest) }) {
            return .interestUncovered(interest)
        }
        return nil
    }
}
