import Domain
import Modeling

/// The diagnosis for fellows without a thesis committee or defense, as
/// placements are diagnosed: for each such fellow, the smallest changes
/// (one each) that would give them one, each verified by solving again.
///
/// A change holds for fellow f when, on the scenario with that change, the
/// committee former (``CommitteeFormer/formsEveryone(_:keeping:)``) gives f a committee, or
/// the defense scheduler (``DefenseScheduler/schedule(_:committees:lastTalks:)``)
/// gives f a defense, and every fellow who had one before still has one.
/// The other fellows without one are set aside for that re-solve, so its
/// most-fellows aim answers exactly "f and everyone who had one": a change
/// that would serve another fellow without one instead of f is not f's.
/// At most ``perFellow`` changes are kept per fellow, in the order they are
/// tried; the whole diagnosis makes at most ``resolves`` re-solves for the
/// committees and as many for the defenses, within ``timeLimit`` (one
/// budget for the committees' re-solves, one for the defenses'). Nothing is
/// solved when every fellow has one, nor for a fellow whose reason is that
/// the search itself stopped (`notFound`: a re-solve would stop as well).
/// A re-solve that does not give the fellow one and was not proved leaves
/// the fellow's diagnosis incomplete rather than ruling the change out.
public struct ThesisDiagnoser: Sendable {
    public var former: CommitteeFormer
    public var scheduler: DefenseScheduler
    public var perFellow: Int
    public var resolves: Int
    public var timeLimit: Double?

    public init(
        former: CommitteeFormer, scheduler: DefenseScheduler, perFellow: Int = 3, resolves: Int = 30,
        timeLimit: Double? = nil
    ) {
        self.former = former
        self.scheduler = scheduler
        self.perFellow = perFellow
        self.resolves = resolves
        self.timeLimit = timeLimit
    }

    /// For every fellow of `o` without a committee: a named member's
    /// `committee_load` one higher, for each member who could sit on the
    /// committee but for their load (every committee they may sit on taken;
    /// never a member in conflict, the mentor or one of the fellow's lab),
    /// most expertise for the fellow first, then those who may chair, then
    /// mentors.csv and faculty.csv order. When none holds and a kind of member
    /// is missing (a reader, an external member, a chair, an interest's
    /// area), that kind as a hint, not verified.
    public func committees(_ s: Scenario, _ o: CommitteeOutcome) throws(SolverError) -> [ThesisSuggestions] {
        guard !o.unformed.isEmpty else { return [] }
        var search = DiagnosisSearch(left: resolves, budget: TimeBudget(seconds: timeLimit), perFellow: perFellow)
        let pool = CommitteeMember.pool(s)
        let all = CommitteeCandidates.all(s, pool: pool)
        var found: [ThesisSuggestions] = []
        for u in o.unformed where u.reason != .notFound {
            let candidates =
                search.isSpent
                ? [] : loadCandidates(s, u, pool: pool, loads: o.loads).map { DiagnosisSearch.Candidate(change: $0) }
            let budget = search.budget
            let others = Set(o.unformed.map(\.fellow)).subtracting([u.fellow])
            let theirs = all.filter { !others.contains($0.fellow.id) }
            var suggestions = try search.suggestions(for: u.fellow, candidates) { change throws(SolverError) in
                var changed = change.applied(to: s)
                changed.fellows.removeAll { others.contains($0.id) }
                var former = self.former
                former.options = DiagnosisSearch.options(former.options, within: budget)
                let given = Self.raised(change, pool: pool, theirs)
                return try former.formsEveryone(changed, keeping: o, given: given)
            }
            if search.isSpent && candidates.isEmpty { suggestions.complete = false }
            if suggestions.changes.isEmpty { suggestions.hint = Self.hint(u.reason) }
            found.append(suggestions)
        }
        return found
    }

    /// The `committee_load + 1` changes worth a re-solve for `u`: members
    /// allowed on the committee but for a used-up load. When the fellow's
    /// committee breaks a rule on its own (too few readers, …), only members
    /// with `committee_load` 0 can change that, and only those whose one
    /// seat meets every such rule are kept.
    func loadCandidates(_ s: Scenario, _ u: CommitteeOutcome.Unformed, pool: [CommitteeMember], loads: [String: Int])
        -> [ThesisChange]
    {
        guard let f = s.fellow(u.fellow), let mentorID = f.mentor,
            let mentor = pool.firstIndex(where: { $0.id == mentorID })
        else { return [] }
        let conflicts = Set(s.conflicts.filter { $0.fellow == f.id }.map(\.person))
        let rules = Dictionary(
            s.committeeRules.filter { $0.fellow == f.id }.map { ($0.member, $0.kind) },
            uniquingKeysWith: { first, _ in first })
        let plain = Self.hint(u.reason) != nil
        let possible = pool.indices.filter { p in
            let m = pool[p]
            return p != mentor && !conflicts.contains(m.id) && rules[m.id] != .forbid
                && (m.lab == nil || m.lab != f.lab)
                && (loads[m.id] ?? 0) >= m.load && m.load < InputLimits.committeeLoad.upperBound
                && (!plain || m.load == 0)
        }
        let ranked = possible.sorted { a, b in
            let ka = (pool[a].expertise(for: f.interests), pool[a].chair ? 1 : 0, -a)
            let kb = (pool[b].expertise(for: f.interests), pool[b].chair ? 1 : 0, -b)
            return ka > kb
        }
        let settings = s.settings.committee ?? CommitteeSettings()
        let holders = CommitteeCandidates.holders(pool)  // a load raised leaves every area as it is
        return ranked.filter { p in
            guard plain else { return true }
            var raised = pool
            raised[p].load += 1
            let c = CommitteeCandidates(
                fellow: f, mentor: mentor, pool: raised, holders: holders, settings: settings,
                conflicted: { conflicts.contains(raised[$0].id) }, rule: { rules[raised[$0].id] })
            return c.shortfall == nil
        }.map { ThesisChange.committeeLoad(member: pool[$0].id, from: pool[$0].load) }
    }

    /// The pool with `change`'s `committee_load` raised, and `candidates`
    /// as they are, when the load raised is above 0 (candidates count a
    /// load only as 0 or not); `nil` for any other change.
    static func raised(_ change: ThesisChange, pool: [CommitteeMember], _ candidates: [CommitteeCandidates]) -> (
        pool: [CommitteeMember], candidates: [CommitteeCandidates]
    )? {
        guard case .committeeLoad(let member, let from) = change, from > 0,
            let p = pool.firstIndex(where: { $0.id == member })
        else { return nil }
        var raised = pool
        raised[p].load = from + 1
        return (raised, candidates)
    }

    /// The kind of member a shortfall lacks.
    static func hint(_ reason: CommitteeShortfall) -> ThesisHint? {
        switch reason {
        case .tooFewReaders: .addReader
        case .tooFewExternals: .addExternal
        case .noChair: .addChair
        case .interestUncovered(let interest): .addArea(interest)
        case .loadsUsedUp, .notFound: nil
        }
    }
}
