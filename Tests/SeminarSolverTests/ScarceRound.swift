import Domain
import Testing

@testable import SeminarSolver

/// One small program where members run out (the first five fellows of
/// ``CommitteeEnumerationTests/scarceProgram(_:)``), with every fellow's
/// committees enumerated and the direct committees as a start: what the
/// checks of the heuristics that improve on them (prices, exchanges) need.
struct ScarceRound {
    let pool: [CommitteeMember]
    let settings: CommitteeSettings
    let open: [CommitteeCandidates]
    let bounds: CommitteeBounds
    let start: DirectCommittees
    /// Per fellow, every committee enumeration lists.
    let options: [[CommitteeEnumerationTests.Option?]]
    /// The enumerated optimum: formed, worst, total, ….
    let optimum: (Int, Int?, Int, Int, Int)

    /// The next program of `rng`, or `nil` when some fellow cannot have a
    /// committee whatever the others get.
    init?(_ rng: inout SeededRandom) {
        var s = CommitteeEnumerationTests.scarceProgram(&rng)
        s.fellows = Array(s.fellows.prefix(5))
        settings = s.settings.committee!
        pool = CommitteeMember.pool(s)
        let people = pool.map {
            CommitteeEnumerationTests.Person(
                id: $0.id, lab: $0.lab, areas: $0.areas, load: $0.load, external: $0.external, chair: $0.chair)
        }
        let settings = settings
        options = s.fellows.map { CommitteeEnumerationTests.options($0, people, s, settings) }
        optimum = CommitteeEnumerationTests.best(options, people: people)
        open = CommitteeCandidates.all(s, pool: pool).filter { $0.shortfall == nil }
        guard !open.isEmpty, open.count == s.fellows.count else { return nil }
        bounds = CommitteeBounds(open, pool: pool, settings: settings)
        start = DirectCommittees.best(open, pool: pool, settings: settings, bounds: bounds)
    }

    /// Expects `d` never to come after the start in the stages' order, each
    /// of its committees to be one enumeration lists (with its expertise),
    /// no load passed, and the enumerated optimum never passed.
    func expectSound(_ d: DirectCommittees, round: Int) {
        #expect(d.key >= start.key, "round \(round)")
        for (i, choice) in d.chosen.enumerated() {
            guard let choice else { continue }
            let listed = options[i].compactMap { $0 }.first { Set($0.members) == Set(choice.members) }
            #expect(listed?.expertise == choice.expertise, "round \(round): fellow \(i)")
        }
        for (p, load) in d.loads.enumerated() { #expect(load <= pool[p].load, "round \(round)") }
        let reached = (d.formed, d.worst ?? -1, d.total)
        #expect(reached <= (optimum.0, optimum.1 ?? -1, optimum.2), "round \(round)")
    }
}
