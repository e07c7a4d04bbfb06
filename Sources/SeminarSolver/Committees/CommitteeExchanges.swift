import Domain

/// Committees improved by moving members between them, for programs whose
/// members run out (after ``PricedCommittees``): what the total stage's
/// solver would find by pivoting, found by local search instead.
///
/// With `e_fp` the expertise of member p for fellow f, a move replaces p by
/// q in f's committee (same role: reader for reader, external for
/// external), gaining `e_fq − e_fp > 0`:
///
/// - when q has load left, that is the whole move;
/// - when q's load is used up, q leaves one of its committees, g's, and g
///   takes instead a member r of the same role with load left (p included,
///   whom f gives up), so no load grows: the move gains
///   `e_fq − e_fp + e_gr − e_gq`, which must be positive.
///
/// A fellow with fewer than `max` readers also takes a reader with load
/// left and positive expertise. Every changed committee must stay valid
/// (``DirectCommittees/valid(_:_:pool:minimum:cover:)``: locks, chair,
/// interests) with expertise at least the start's worst, so the committees
/// formed and the worst-served fellow stay as they were and the total grows
/// by at least 1 with every move: the stages' order (``DirectCommittees/key``)
/// never prefers the start. Moves are taken as found, fellows in order,
/// each fellow's candidates by expertise, highest first, until a pass finds
/// none (or ``passLimit`` passes). Nothing here is claimed best.
struct CommitteeExchanges {
    /// Passes over every fellow, at most.
    static let passLimit = 50
    /// Members looked at for one replacement in g, at most.
    static let replacementLimit = 400

    var d: DirectCommittees
    let open: [CommitteeCandidates]
    let pool: [CommitteeMember]
    let floor: Int
    /// Per pool member, the fellows whose committee holds them.
    var sitting: [[Int]]
    /// Per fellow, its possible readers and externals by expertise, highest first.
    let readersByExpertise: [[Int]]
    let externalsByExpertise: [[Int]]
    /// Per fellow, the members who may be its readers, and its externals.
    let isReader: [Set<Int>]
    let isExternal: [Set<Int>]
    /// Per fellow, the most expertise any of its committees can have (``CommitteeBounds/best``).
    let bounds: [Int]

    /// `start` improved by moves, or `start` itself.
    static func improve(
        _ start: DirectCommittees, _ open: [CommitteeCandidates], pool: [CommitteeMember],
        settings: CommitteeSettings, bounds: CommitteeBounds, budget: TimeBudget = TimeBudget()
    ) -> DirectCommittees {
        let best = bounds.best
        guard let floor = start.worst else { return start }
        var search = CommitteeExchanges(start, open, pool: pool, floor: floor, best: best)
        for _ in 0..<passLimit where !budget.isSpent {
            guard search.pass(settings: settings) else { break }
        }
        return search.d.key > start.key ? search.d : start
    }

    private init(
        _ d: DirectCommittees, _ open: [CommitteeCandidates], pool: [CommitteeMember], floor: Int, best: [Int]
    ) {
        self.d = d
        self.open = open
        self.pool = pool
        self.floor = floor
        sitting = d.sitting
        let ranked = { (c: CommitteeCandidates, members: [Int]) in
            members.sorted { (-c.expertise[$0], $0) < (-c.expertise[$1], $1) }
        }
        readersByExpertise = open.map { ranked($0, $0.readers) }
        externalsByExpertise = open.map { ranked($0, $0.externals) }
        isReader = open.map { Set($0.readers) }
        isExternal = open.map { Set($0.externals) }
        bounds = best
    }

    /// One pass over every formed fellow, then every fellow left out;
    /// whether any move was made.
    private mutating func pass(settings: CommitteeSettings) -> Bool {
        var moved = false
        for f in open.indices where d.chosen[f] != nil {
            while improveOnce(f, maxReaders: settings.maxReaders) { moved = true }
        }
        for g in open.indices where d.chosen[g] == nil {
            if takePlace(g, settings: settings) { moved = true }
        }
        return moved
    }

    /// Whether fellow `g`, left out, can take the place of a formed fellow
    /// f whose externals g may have too, with more expertise than f's
    /// committee; the move made when so. A first estimate (f's externals and
    /// the best readers among f's and those with load left) picks the
    /// fellows worth a full choice over the loads f gives back.
    private mutating func takePlace(_ g: Int, settings: CommitteeSettings) -> Bool {
        let c = open[g]
        let spare = readersByExpertise[g].filter { c.expertise[$0] > 0 && hasLoadLeft($0) }.prefix(settings.maxReaders)
        for f in open.indices {
            guard let theirs = d.chosen[f], theirs.expertise < bounds[g] else { continue }
            let externals = theirs.members.filter { pool[$0].external }
            guard externals.allSatisfy({ isExternal[g].contains($0) }) else { continue }
            let readers = (Array(spare) + theirs.members.filter { isReader[g].contains($0) })
                .map { c.expertise[$0] }.sorted(by: >).prefix(settings.maxReaders)
            let estimate = readers.reduce(0, +) + externals.reduce(0) { $0 + c.expertise[$1] }
            guard estimate > theirs.expertise else { continue }
            var trial = d
            trial.unseat(f)
            guard let mine = trial.choose(c, pool: pool, settings: settings, minimum: floor),
                mine.expertise > theirs.expertise
            else { continue }
            unseat(f)
            seat(mine, for: g)
            return true
        }
        return false
    }

    /// The first improving move for `f`'s committee, made; whether there was one.
    private mutating func improveOnce(_ f: Int, maxReaders: Int) -> Bool {
        guard let mine = d.chosen[f] else { return false }
        let c = open[f]
        let readers = mine.members.filter { !pool[$0].external }.count
        if readers < maxReaders {
            for q in readersByExpertise[f] where c.expertise[q] > 0 && hasLoadLeft(q) && !mine.members.contains(q) {
                if replace(f, mine.members + [q]) { return true }
            }
        }
        for p in mine.members where !c.locked.contains(p) {
            let ranked = pool[p].external ? externalsByExpertise[f] : readersByExpertise[f]
            for q in ranked {
                let gain = c.expertise[q] - c.expertise[p]
                guard gain > 0 else { break }
                guard !mine.members.contains(q) else { continue }
                let members = mine.members.filter { $0 != p } + [q]
                if hasLoadLeft(q) {
                    if replace(f, members) { return true }
                    continue
                }
                if takeFromOthers(q, for: f, members: members, freeing: p, gain: gain) { return true }
            }
        }
        return false
    }

    /// Whether some committee holding `q` can give `q` to `f` (whose
    /// committee becomes `members`) by taking another member with load left,
    /// or `p`, for a positive total gain; the move made when so.
    private mutating func takeFromOthers(_ q: Int, for f: Int, members: [Int], freeing p: Int, gain: Int) -> Bool {
        guard let forF = d.valid(members, open[f], pool: pool, minimum: floor) else { return false }
        for g in sitting[q] where g != f {
            guard let theirs = d.chosen[g], !open[g].locked.contains(q) else { continue }
            let c = open[g]
            let ranked = pool[q].external ? externalsByExpertise[g] : readersByExpertise[g]
            var looked = 0
            for r in ranked {
                guard gain + c.expertise[r] - c.expertise[q] > 0, looked < Self.replacementLimit else { break }
                looked += 1
                guard r != q, !theirs.members.contains(r), r == p || hasLoadLeft(r) else { continue }
                let next = theirs.members.filter { $0 != q } + [r]
                guard let forG = d.valid(next, c, pool: pool, minimum: floor) else { continue }
                seat(forF, for: f)
                seat(forG, for: g)
                return true
            }
        }
        return false
    }

    private func hasLoadLeft(_ p: Int) -> Bool { d.loads[p] < pool[p].load }

    /// `members` as `f`'s committee when valid; whether it was.
    private mutating func replace(_ f: Int, _ members: [Int]) -> Bool {
        guard let choice = d.valid(members, open[f], pool: pool, minimum: floor) else { return false }
        seat(choice, for: f)
        return true
    }

    /// `f` without a committee, in ``d`` and in ``sitting``.
    private mutating func unseat(_ f: Int) {
        for p in d.chosen[f]?.members ?? [] { sitting[p].removeAll { $0 == f } }
        d.unseat(f)
    }

    private mutating func seat(_ choice: DirectCommittees.Choice, for f: Int) {
        unseat(f)
        d.seat(choice, for: f)
        for p in choice.members { sitting[p].append(f) }
    }
}
