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

    init(_ fellows: [CommitteeCandidates], pool: [CommitteeMember], settings: CommitteeSettings) {
        var readerSeats = 0
        var readersAnywhere: Set<Int> = [], externalsAnywhere: Set<Int> = [], chairsAnywhere: Set<Int> = []
        var needChair = 0
        let load = { (members: Set<Int>) in members.map { pool[$0].load }.reduce(0, +) }
        best = []
        fewest = []
        for c in fellows {
            let (r, lockedReaders) = Self.best(c.readers, settings.maxReaders, c)
            let (x, _) = Self.best(c.externals, settings.externals, c)
            best.append(r.reduce(0, +) + x.reduce(0, +))
            let readers = max(settings.minReaders, lockedReaders + r.dropFirst(lockedReaders).filter { $0 > 0 }.count)
            fewest.append(readers + settings.externals)
            readerSeats += readers
            readersAnywhere.formUnion(c.readers)
            externalsAnywhere.formUnion(c.externals)
            if !c.mentorMayChair {
                needChair += 1
                chairsAnywhere.formUnion((c.readers + c.externals).filter { pool[$0].chair })
            }
        }
        func ceil(_ a: Int, _ b: Int) -> Int { b == 0 ? 0 : (a + b - 1) / b }
        let seats = readerSeats + settings.externals * fellows.count
        loadFloor = max(
            seats > 0 ? 1 : 0, ceil(readerSeats, readersAnywhere.count),
            ceil(settings.externals * fellows.count, externalsAnywhere.count), ceil(needChair, chairsAnywhere.count))
        var formed = fellows.count - needChair + min(needChair, load(chairsAnywhere))
        if settings.externals > 0 { formed = min(formed, load(externalsAnywhere) / settings.externals) }
        if settings.minReaders > 0 { formed = min(formed, load(readersAnywhere) / settings.minReaders) }
        self.formed = formed
    }

    /// No worst-served fellow among any `k` fellows' committees has more.
    func worst(forming k: Int) -> Int {
        k >= best.count ? worst : k > 0 ? best.sorted(by: >)[k - 1] : 0
    }

    /// No `k` fellows' committees have more expertise in all.
    func total(forming k: Int) -> Int { best.sorted(by: >).prefix(k).reduce(0, +) }

    /// The expertise of the best `seats` of `members` holding every locked
    /// one: the locked members' first, then the largest of the others; and
    /// how many are locked.
    private static func best(_ members: [Int], _ seats: Int, _ c: CommitteeCandidates) -> ([Int], Int) {
        let locked = members.filter { c.locked.contains($0) }.map { c.expertise[$0] }
        let others = members.filter { !c.locked.contains($0) }.map { c.expertise[$0] }.sorted(by: >)
        return (Array((locked + others).prefix(max(seats, locked.count))), locked.count)
    }

    var worst: Int { best.min() ?? 0 }
    var total: Int { best.reduce(0, +) }
    var seats: Int { fewest.reduce(0, +) }
}
