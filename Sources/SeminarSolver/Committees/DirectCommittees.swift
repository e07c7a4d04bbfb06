import Domain

/// Committees chosen directly, one fellow after another, before any model:
/// a valid start that, on a program with members to spare, already reaches
/// every bound of ``CommitteeBounds`` and so needs no integer program at all.
///
/// Fellows are taken in order of their best possible expertise `best_f`,
/// lowest first (they decide the worst-served fellow when all are formed) or,
/// the other try, highest first (when members run out, the fellows who can be
/// served best), then by fewer possible members; ``CommitteeFormer`` keeps the
/// better of the two (``key``). Each takes, among members with load left, the committee that
/// maximises, in order: its expertise `Σ e_fp`; minus the largest load any of
/// its members would then carry; minus its seats. Only committees over a
/// short list are tried (the best few readers and externals by expertise,
/// then least used, plus the best who may chair and the best for each
/// interest the mentor does not cover), at most ``combinationLimit`` of them
/// per fellow; a fellow for whom none of them meets every rule (readers,
/// externals, a chair, interests covered, every locked member seated) gets no
/// direct committee and is left to the model.
///
/// Nothing here is claimed best: ``CommitteeFormer`` compares the result with
/// the bounds and solves the model only for the stages it does not reach.
struct DirectCommittees {
    /// One fellow's direct committee.
    struct Choice: Equatable {
        /// Readers, then externals, each in pool order (as the model seats them).
        var members: [Int]
        /// The chair's pool index (the mentor's when the mentor chairs).
        var chair: Int
        var expertise: Int
    }

    /// Per open fellow, in the order given.
    var chosen: [Choice?]
    /// Committees per pool member.
    var loads: [Int]

    /// Whether a committee holding one member who may chair is preferred to
    /// any holding more (``CommitteeBounds/chairsBind``): each such member's
    /// seat is one fewer committee another fellow can have.
    var spareChairs = false

    /// Committees tried per fellow, at most.
    static let combinationLimit = 4096

    /// No committee chosen yet, members already carrying `loads`.
    init(loads: [Int]) {
        chosen = []
        self.loads = loads
    }

    init(
        _ open: [CommitteeCandidates], pool: [CommitteeMember], settings: CommitteeSettings, bounds: CommitteeBounds,
        highestFirst: Bool = false
    ) {
        chosen = Array(repeating: nil, count: open.count)
        loads = Array(repeating: 0, count: pool.count)
        spareChairs = bounds.chairsBind
        let order = open.indices.sorted { a, b in
            let sa = highestFirst ? -bounds.best[a] : bounds.best[a],
                sb = highestFirst ? -bounds.best[b] : bounds.best[b]
            let ka = (sa, open[a].readers.count + open[a].externals.count, a)
            let kb = (sb, open[b].readers.count + open[b].externals.count, b)
            return ka < kb
        }
        for i in order {
            if let choice = choose(open[i], pool: pool, settings: settings) { seat(choice, for: i) }
        }
    }

    var formed: Int { chosen.filter { $0 != nil }.count }
    var worst: Int? { chosen.compactMap { $0?.expertise }.min() }
    var total: Int { chosen.compactMap { $0?.expertise }.reduce(0, +) }
    var seats: Int { chosen.compactMap { $0?.members.count }.reduce(0, +) }
    var largestLoad: Int { loads.max() ?? 0 }
    /// Per pool member, the fellows whose committee holds them, in order.
    var sitting: [[Int]] {
        var sitting = [[Int]](repeating: [], count: loads.count)
        for (f, choice) in chosen.enumerated() { for p in choice?.members ?? [] { sitting[p].append(f) } }
        return sitting
    }

    /// `choice` as fellow `i`'s committee, its members' loads counted.
    mutating func seat(_ choice: Choice, for i: Int) {
        chosen[i] = choice
        take(choice)
    }

    /// Counts `choice`'s seats on its members' loads.
    mutating func take(_ choice: Choice) {
        for p in choice.members { loads[p] += 1 }
    }

    /// Fellow `i` without a committee, its members' seats given back.
    mutating func unseat(_ i: Int) {
        for p in chosen[i]?.members ?? [] { loads[p] -= 1 }
        chosen[i] = nil
    }

    /// The stages' order: more formed, a better worst, more in all, a
    /// smaller largest load, fewer seats.
    var key: (Int, Int, Int, Int, Int) { (formed, worst ?? 0, total, -largestLoad, -seats) }

    /// The better of the two orders' committees for `open`.
    static func best(
        _ open: [CommitteeCandidates], pool: [CommitteeMember], settings: CommitteeSettings, bounds: CommitteeBounds
    ) -> DirectCommittees {
        let low = DirectCommittees(open, pool: pool, settings: settings, bounds: bounds)
        if low.reaches(bounds, fellows: open.count) { return low }
        let high = DirectCommittees(open, pool: pool, settings: settings, bounds: bounds, highestFirst: true)
        let better = high.key > low.key ? high : low
        let shared = sharedOut(open, pool: pool, settings: settings, bounds: bounds, after: better)
        return shared.map { $0.key > better.key ? $0 : better } ?? better
    }

    /// Whether these committees reach every bound: as many formed as can be
    /// (all fellows, or ``CommitteeBounds/formed``), the worst and total
    /// expertise at their bounds for that many, the largest load at its
    /// floor with the fewest seats. Then every stage is proved best.
    func reaches(_ bounds: CommitteeBounds, fellows: Int) -> Bool {
        let (largest, fewest) = bounds.loads(forming: formed, atBestTotal: true)
        return formed == min(fellows, bounds.formed) && worst == bounds.worst(forming: formed)
            && total == bounds.total(forming: formed) && largestLoad == largest && seats == fewest
    }

    /// Whether these committees reach the bounds of the first two stages:
    /// as many formed as can be, the worst-served fellow at its bound for
    /// that many.
    func reachesFormedAndWorst(_ bounds: CommitteeBounds, fellows: Int) -> Bool {
        formed == min(fellows, bounds.formed) && worst == bounds.worst(forming: formed)
    }

    /// The best committee over `c`'s short lists of members with load left
    /// (and those in `freed`), of expertise at least `minimum`, or `nil`.
    /// With `prices` (one per pool member, see ``PricedCommittees``) the
    /// best is the one of most expertise less its members' prices, and the
    /// short lists hold the members of most expertise less price.
    func choose(
        _ c: CommitteeCandidates, pool: [CommitteeMember], settings: CommitteeSettings, minimum: Int = 0,
        freed: Set<Int> = [], prices: [Double]? = nil
    ) -> Choice? {
        let worth = { (p: Int) in Double(c.expertise[p]) - (prices?[p] ?? 0) }
        let readers = shortList(c.readers, c, pool: pool, keep: settings.maxReaders, freed: freed, worth: worth)
        let externals = shortList(c.externals, c, pool: pool, keep: settings.externals, freed: freed, worth: worth)
        let cover = Self.coverBits(readers + externals, c, pool: pool)
        let part = { (p: Int) in
            Tally(p, c, pool: pool, loads: loads, cover: cover, worth: prices == nil ? nil : worth(p))
        }
        let (readerParts, externalParts) = (readers.map(part), externals.map(part))
        let all: UInt64 = c.uncovered.count >= 64 ? ~0 : (1 << UInt64(c.uncovered.count)) - 1
        var (outside, outsideTallies): ([[Int]], [Tally]) = ([], [])
        Self.forEachSubset(Array(externals.indices), settings.externals) { xs in
            outside.append(xs.map { externals[$0] })
            outsideTallies.append(Tally(xs, of: externalParts))
            return outside.count < Self.combinationLimit
        }
        // The best: its key, its readers' positions in `readers`, its externals' index in `outside`.
        var best: (key: (Int, Double, Int, Int), readers: [Int], outside: Int)?
        var tried = 0
        // What the loop below reads of c and self, read once: touching c there copies it per committee tried.
        let (lockedCount, mentorMayChair, spare) = (c.locked.count, c.mentorMayChair, spareChairs)
        let isValid = { (members: [Int]) in valid(members, c, pool: pool) != nil }
        let mostOutside = outsideTallies.map(\.value).max() ?? 0
        for r in settings.minReaders...max(settings.minReaders, settings.maxReaders) {
            let more = Self.forEachSubset(Array(readers.indices), r) { positions in
                let read = Tally(positions, of: readerParts)
                if let b = best, b.key.0 == 0, read.value + mostOutside < b.key.1 {
                    // No committee with these readers can come first: all count as tried.
                    tried += outside.count
                    return tried <= Self.combinationLimit
                }
                for o in outsideTallies.indices {
                    tried += 1
                    guard tried <= Self.combinationLimit else { return false }
                    let t = read.adding(outsideTallies[o])
                    guard t.expertise >= minimum, t.locked == lockedCount, mentorMayChair || t.chairs > 0,
                        cover == nil ? isValid(positions.map { readers[$0] } + outside[o]) : t.bits == all
                    else { continue }
                    let key = (spare ? -max(0, t.chairs - 1) : 0, t.value, -t.busiest, -(r + settings.externals))
                    if best.map({ key > $0.key }) ?? true { best = (key, positions, o) }
                }
                return true
            }
            guard more else { break }
        }
        return best.flatMap {
            valid($0.readers.map { readers[$0] } + outside[$0.outside], c, pool: pool, minimum: minimum, cover: cover)
        }
    }

    /// What ``choose(_:pool:settings:minimum:freed:prices:)`` weighs of a
    /// part of a committee: worked out once per short-listed member, then
    /// summed for every committee it is part of.
    private struct Tally {
        var expertise = 0, locked = 0, chairs = 0, busiest = 0
        var bits: UInt64 = 0
        /// Expertise, or expertise less prices when priced.
        var value = 0.0

        /// Member `p` alone; `worth` its expertise less its price, when priced.
        init(
            _ p: Int, _ c: CommitteeCandidates, pool: [CommitteeMember], loads: [Int], cover: [UInt64]?, worth: Double?
        ) {
            expertise = c.expertise[p]
            locked = !c.locked.isEmpty && c.locked.contains(p) ? 1 : 0
            chairs = pool[p].chair ? 1 : 0
            busiest = loads[p] + 1
            bits = cover?[p] ?? 0
            value = worth ?? Double(expertise)
        }

        /// The members at `positions` of the list whose tallies are `parts`, summed in order.
        init(_ positions: [Int], of parts: [Tally]) {
            for j in positions { self = adding(parts[j]) }
        }

        func adding(_ other: Tally) -> Tally {
            var t = self
            t.expertise += other.expertise
            t.locked += other.locked
            t.chairs += other.chairs
            t.busiest = max(busiest, other.busiest)
            t.bits |= other.bits
            t.value += other.value
            return t
        }
    }

    /// The committee of `members` when it meets the chair and interest rules
    /// and has expertise at least `minimum` (interests checked on `cover`'s
    /// bits when given, see ``coverBits(_:_:pool:)``).
    func valid(
        _ members: [Int], _ c: CommitteeCandidates, pool: [CommitteeMember], minimum: Int = 0,
        cover: [UInt64]? = nil
    ) -> Choice? {
        let expertise = members.reduce(0) { $0 + c.expertise[$1] }
        guard expertise >= minimum, c.locked.allSatisfy(members.contains) else { return nil }
        if let cover {
            let all: UInt64 = c.uncovered.count == 64 ? ~0 : (1 << UInt64(c.uncovered.count)) - 1
            guard members.reduce(0, { $0 | cover[$1] }) == all else { return nil }
        } else {
            let areas = Set(members.flatMap { pool[$0].areas })
            guard c.uncovered.allSatisfy(areas.contains) else { return nil }
        }
        let chair = c.mentorMayChair ? c.mentor : members.first { pool[$0].chair }
        guard let chair else { return nil }
        let seated = members.sorted { (pool[$0].external ? 1 : 0, $0) < (pool[$1].external ? 1 : 0, $1) }
        return Choice(members: seated, chair: chair, expertise: expertise)
    }

    /// Per pool member in `members`, one bit for each of `c`'s uncovered
    /// interests they work on (bit i: `uncovered[i]`), so that the many
    /// committees ``choose(_:pool:settings:minimum:freed:)`` tries are checked
    /// without comparing names; `nil` above 64 uncovered interests.
    static func coverBits(_ members: [Int], _ c: CommitteeCandidates, pool: [CommitteeMember]) -> [UInt64]? {
        guard c.uncovered.count <= 64 else { return nil }
        var bits = [UInt64](repeating: 0, count: pool.count)
        for p in members {
            for (i, interest) in c.uncovered.enumerated() where pool[p].areas.contains(interest) {
                bits[p] |= 1 << UInt64(i)
            }
        }
        return bits
    }

    /// Members with load left (or in `freed`): those locked to the fellow,
    /// the best `keep + 4` by `worth` then least used, the two best who
    /// may chair and the two best for each uncovered interest (in that
    /// order, each group best first, a member listed once). One pass keeps
    /// each group's best (``Best``) instead of ranking every member.
    private func shortList(
        _ members: [Int], _ c: CommitteeCandidates, pool: [CommitteeMember], keep: Int, freed: Set<Int>,
        worth: (Int) -> Double
    ) -> [Int] {
        guard keep > 0 else { return [] }
        var locked = Best(keep: .max, loads: loads), top = Best(keep: keep + 4, loads: loads)
        var chairs = Best(keep: 2, loads: loads)
        var covering = [Best](repeating: Best(keep: 2, loads: loads), count: c.uncovered.count)
        for p in members where loads[p] < pool[p].load || (!freed.isEmpty && freed.contains(p)) {
            let w = worth(p)
            if !c.locked.isEmpty && c.locked.contains(p) { locked.offer(p, w) }
            top.offer(p, w)
            if pool[p].chair { chairs.offer(p, w) }
            guard c.expertise[p] > 0 else { continue }  // covers none of the fellow's interests
            for (i, interest) in c.uncovered.enumerated() where pool[p].areas.contains(interest) {
                covering[i].offer(p, w)
            }
        }
        var list = locked.members
        for group in [top, chairs] + covering {
            for p in group.members where !list.contains(p) { list.append(p) }
        }
        return list
    }

    /// The `keep` best members offered, by worth, then least used, then
    /// pool order: the first `keep` of them ranked.
    private struct Best {
        let keep: Int
        let loads: [Int]
        private(set) var ranked: [(member: Int, worth: Double)] = []

        init(keep: Int, loads: [Int]) {
            self.keep = keep
            self.loads = loads
        }

        var members: [Int] { ranked.map(\.member) }

        mutating func offer(_ p: Int, _ w: Double) {
            guard ranked.count < keep || before((p, w), ranked[ranked.count - 1]) else { return }
            let at = ranked.firstIndex { before((p, w), $0) } ?? ranked.count
            ranked.insert((p, w), at: at)
            if ranked.count > keep { ranked.removeLast() }
        }

        private func before(_ a: (member: Int, worth: Double), _ b: (member: Int, worth: Double)) -> Bool {
            (-a.worth, loads[a.member], a.member) < (-b.worth, loads[b.member], b.member)
        }
    }

    /// Calls `body` with every subset of `items` holding `size` of them, in
    /// lexicographic order, until it returns false; returns false then.
    @discardableResult
    static func forEachSubset(_ items: [Int], _ size: Int, _ body: ([Int]) -> Bool) -> Bool {
        var pick: [Int] = []
        func go(_ from: Int) -> Bool {
            if pick.count == size { return body(pick) }
            guard items.count - from >= size - pick.count else { return true }
            for j in from..<items.count {
                pick.append(items[j])
                defer { pick.removeLast() }
                guard go(j + 1) else { return false }
            }
            return true
        }
        return go(0)
    }
}
