import Domain

/// What no choice of committees can beat, worked out from each fellow's full
/// candidates alone, so that a model over fewer candidates (see
/// ``CommitteeCandidates/keeping(_:pool:rotation:)``) can prove its answer
/// best for the whole program.
///
/// With `e_fp` the expertise of member p for fellow f, for every open fellow f:
///
/// - `best_f` = the sum of the `max` largest `e_fp` over f's possible readers
///   plus the `externals` largest over f's possible externals: no committee of
///   f has more (chair, interests and loads only lower it); with members
///   locked to f, their `e_fp` and the largest of the other candidates for
///   the seats the locks leave;
/// - `fewest_f` = `max(min, l_f + k_f) + externals`, `l_f` the locked readers
///   and `k_f` the number of positive `e_fp` among the other readers counted
///   in `best_f`: a committee whose expertise is `best_f` holds its locked
///   readers and needs at least `k_f` more with expertise (fewer sum to less,
///   as the `k_f`-th is positive), and at least `min`;
/// - when every fellow has a committee of expertise `best_f`, a member's load is
///   at least `⌈Σ_f max(min, k_f) / R⌉` (R the members who may read for some
///   fellow), `⌈externals · F / X⌉` (X the possible externals) and
///   `⌈C / H⌉` (C the fellows whose mentor may not chair, H the members who may
///   chair for some of them), and at least 1 when any seat is needed.
///
/// No more fellows than `formed` can have a committee, the least of: F; the
/// fellows whose mentor may chair plus the committees the members who may
/// chair for the others can sit on (`Σ committee_load`); `⌊Σ load / externals⌋`
/// over the possible externals; `⌊Σ load / min⌋` over the possible readers.
///
/// A restricted model's stage is proved best for the whole program when its
/// value reaches the bound: formed = `formed`; then, with K fellows formed,
/// worst = the K-th largest `best_f`, total = the sum of the K largest (any K
/// fellows' committees have no more); when K = F, largest load = the load
/// floor with seats = `Σ_f fewest_f` (with fewer fellows formed the loads
/// stage is proved only by a solve over the full lists). A later stage is
/// proved only when the ones before are.
struct CommitteeBounds {
    var best: [Int]
    var fewest: [Int]
    var loadFloor: Int
    var formed: Int
    /// Whether the chairs' loads are what limits `formed` below the fellows:
    /// then no committee reaching it holds two members who may chair.
    var chairsBind = false
    /// Per fellow, the fewest seats of any of its committees: `max(min, l_f) + externals`.
    var least: [Int] = []
    /// The members who may read, be external, or chair for some fellow
    /// (R, X and H above), how many fellows' mentors may chair, and the
    /// largest `committee_load` of those who may chair.
    var reading = 0, externals = 0, chairing = 0, mentorsChair = 0, chairLoadMax = 0
    var minReaders = 0, externalSeats = 0
    /// The count that gives `formed`, when it is below the fellows.
    var limit: CommitteeLimit?

    init(_ fellows: [CommitteeCandidates], pool: [CommitteeMember], settings: CommitteeSettings) {
        var readerSeats = 0
        // Per pool member, whether they may read, be external, or chair for some fellow.
        let none = [Bool](repeating: false, count: pool.count)
        var (readersAnywhere, externalsAnywhere, chairsAnywhere) = (none, none, none)
        var needChair = 0
        let load = { (marked: [Bool]) in marked.indices.reduce(0) { marked[$1] ? $0 + pool[$1].load : $0 } }
        let count = { (marked: [Bool]) in marked.reduce(0) { $1 ? $0 + 1 : $0 } }
        best = []
        fewest = []
        for c in fellows {
            let (r, lockedReaders) = Self.best(c.readers, settings.maxReaders, c)
            let (x, _) = Self.best(c.externals, settings.externals, c)
            best.append(r.reduce(0, +) + x.reduce(0, +))
            let readers = max(settings.minReaders, lockedReaders + r.dropFirst(lockedReaders).filter { $0 > 0 }.count)
            fewest.append(readers + settings.externals)
            least.append(max(settings.minReaders, lockedReaders) + settings.externals)
            readerSeats += readers
            for p in c.readers { readersAnywhere[p] = true }
            for p in c.externals { externalsAnywhere[p] = true }
            if !c.mentorMayChair {
                needChair += 1
                for p in c.readers + c.externals where pool[p].chair { chairsAnywhere[p] = true }
            }
        }
        func ceil(_ a: Int, _ b: Int) -> Int { b == 0 ? 0 : (a + b - 1) / b }
        let seats = readerSeats + settings.externals * fellows.count
        let (readerCount, externalCount, chairCount) = (
            count(readersAnywhere), count(externalsAnywhere), count(chairsAnywhere)
        )
        loadFloor = max(
            seats > 0 ? 1 : 0, ceil(readerSeats, readerCount), ceil(settings.externals * fellows.count, externalCount),
            ceil(needChair, chairCount))
        let byChairs = fellows.count - needChair + min(needChair, load(chairsAnywhere))
        var formed = byChairs
        if byChairs < fellows.count { limit = .chairs(members: chairCount, seats: load(chairsAnywhere)) }
        let (externalLoad, readerLoad) = (load(externalsAnywhere), load(readersAnywhere))
        if settings.externals > 0 && externalLoad / settings.externals < formed {
            formed = externalLoad / settings.externals
            limit = .externals(members: externalCount, seats: externalLoad, each: settings.externals)
        }
        if settings.minReaders > 0 && readerLoad / settings.minReaders < formed {
            formed = readerLoad / settings.minReaders
            limit = .readers(members: readerCount, seats: readerLoad, each: settings.minReaders)
        }
        self.formed = formed
        chairsBind = formed == byChairs && formed < fellows.count
        (reading, externals, chairing) = (readerCount, externalCount, chairCount)
        let chairLoads = pool.indices.filter { chairsAnywhere[$0] }.map { pool[$0].load }
        (mentorsChair, chairLoadMax) = (fellows.count - needChair, chairLoads.max() ?? 0)
        (minReaders, externalSeats) = (settings.minReaders, settings.externals)
    }

    /// No worst-served fellow among any `k` fellows' committees has more.
    func worst(forming k: Int) -> Int {
        k >= best.count ? worst : k > 0 ? best.sorted(by: >)[k - 1] : 0
    }

    /// No `k` fellows' committees have more expertise in all.
    func total(forming k: Int) -> Int { best.sorted(by: >).prefix(k).reduce(0, +) }

    /// No `k` fellows' committees have a smaller largest load, nor, with
    /// it, fewer seats: with every fellow formed and the total at its bound
    /// (`atBestTotal`: every committee then has expertise `best_f`, which
    /// ``fewest`` counts on), ``loadFloor`` and ``seats``; otherwise `k`
    /// committees hold at least `k · min` reader
    /// seats among R members, `k · externals` external seats among X and
    /// `k` minus the fellows whose mentor may chair chairs among H, so some
    /// member carries at least the share of each, and their seats are at
    /// least the `k` smallest `least_f`. When the chairs bind and `k` is
    /// `formed`, every chair's whole load is used (their seats add up to
    /// at least the committees needing one, which is their loads' sum), so
    /// the largest load is at least the largest of theirs.
    func loads(forming k: Int, atBestTotal: Bool) -> (largest: Int, seats: Int) {
        if k >= best.count && atBestTotal { return (loadFloor, seats) }
        guard k > 0 else { return (0, 0) }
        func ceil(_ a: Int, _ b: Int) -> Int { b == 0 ? 0 : (a + b - 1) / b }
        let seats = least.sorted().prefix(k).reduce(0, +)
        var largest = max(
            seats > 0 ? 1 : 0, ceil(k * minReaders, reading), ceil(k * externalSeats, externals),
            ceil(max(0, k - mentorsChair), chairing))
        if chairsBind && k == formed { largest = max(largest, chairLoadMax) }
        return (largest, seats)
    }

    /// The expertise of the best `seats` of `members` holding every locked
    /// one: the locked members' first, then the largest of the others; and
    /// how many are locked.
    private static func best(_ members: [Int], _ seats: Int, _ c: CommitteeCandidates) -> ([Int], Int) {
        let isLocked = { (p: Int) in !c.locked.isEmpty && c.locked.contains(p) }
        let locked = members.filter(isLocked).map { c.expertise[$0] }
        let room = max(seats, locked.count) - locked.count
        var others: [Int] = []  // the `room` largest of the others, largest first
        for p in members where room > 0 && !isLocked(p) {
            let e = c.expertise[p]
            guard others.count < room || e > others[others.count - 1] else { continue }
            others.insert(e, at: others.firstIndex { $0 < e } ?? others.count)
            if others.count > room { others.removeLast() }
        }
        return (locked + others, locked.count)
    }

    var worst: Int { best.min() ?? 0 }
    var total: Int { best.reduce(0, +) }
    var seats: Int { fewest.reduce(0, +) }
}
