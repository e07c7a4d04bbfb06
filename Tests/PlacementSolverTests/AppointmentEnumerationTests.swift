import Domain
import GLPKBackend
import PlacementSolver
import Testing

/// Rule 8 against every possible placement and every way of choosing who
/// pays whom, on small random programs: 3 fellows, 2 labs of capacity 2, a
/// training grant (federal, citizens only, 1–2 slots), a federal lab grant
/// at lab 0 and an institutional pool, `max_sources` 1 or 2 or none, and
/// `allow_unplaced` (penalty 100).
///
/// The enumeration knows nothing of the engine: a placement is a lab or
/// nothing per fellow, within capacity; it can be paid when some choice of
/// paying sources per fellow (sources that may pay them there, at most one
/// federal, at most `max_sources`, slots respected) passes Gale's condition:
/// for every set of placed fellows, their needs are at most the budgets of
/// the sources chosen for them (with amounts split freely, exactly when the
/// needs can be paid). The best total rank plus penalties must be the engine's.
@Suite struct AppointmentEnumerationTests {
    struct Case {
        var need: [Int]
        var citizen: [Bool]
        var ranks: [[Int]]  // per fellow: labs in rank order
        var slots: Int
        var budgets: [Int]  // t32, r01 (lab 0), pool
        var maxSources: Int?
    }

    static let kinds: [FundingKind] = [.trainingGrant, .federal, .institutional]

    func random(_ rng: inout SeededRandom) -> Case {
        Case(
            need: (0..<3).map { _ in rng.int(2...6) * 10_000 }, citizen: (0..<3).map { _ in rng.chance(0.6) },
            ranks: (0..<3).map { _ in rng.chance(0.5) ? [0, 1] : (rng.chance(0.5) ? [1, 0] : [rng.int(0...1)]) },
            slots: rng.int(1...2),
            budgets: [rng.int(0...10) * 10_000, rng.int(0...8) * 10_000, rng.int(0...6) * 10_000],
            maxSources: rng.pick([nil, 1, 2]))
    }

    func program(_ c: Case) -> TestProgram {
        var p = TestProgram()
        p.settings.allowUnplaced = true
        p.settings.unplacedPenalty = 100
        p.settings.funding.maxSources = c.maxSources
        p.lab("L0", capacity: 2)
        p.lab("L1", capacity: 2)
        p.source("t32", budget: c.budgets[0], citizensOnly: true, kind: .trainingGrant, slots: c.slots)
        p.source("r01", lab: "L0", budget: c.budgets[1], kind: .federal)
        p.source("pool", budget: c.budgets[2], kind: .institutional)
        for f in 0..<3 {
            p.fellow(
                "f\(f)", citizenship: c.citizen[f] ? .citizen : .other, cost: c.need[f],
                ranks: c.ranks[f].map { "L\($0)" })
        }
        return p
    }

    /// Sources that may pay fellow f at lab l.
    func payers(_ c: Case, _ f: Int, _ l: Int) -> [Int] {
        [0, 1, 2].filter { s in (s != 0 || c.citizen[f]) && (s != 1 || l == 0) }
    }

    func payable(_ c: Case, _ placed: [(fellow: Int, lab: Int)], rule8: Bool) -> Bool {
        // Every choice of a nonempty set of payers per placed fellow.
        var supports: [[Int]] = [[]]
        for (f, l) in placed {
            let options = payers(c, f, l)
            let subsets = (1..<(1 << options.count)).map { mask in
                options.indices.filter { mask >> $0 & 1 == 1 }.map { options[$0] }
            }
            .filter { set in
                !rule8
                    || (set.filter { Self.kinds[$0] != .institutional }.count <= 1 && set.count <= (c.maxSources ?? 3))
            }
            supports = supports.flatMap { prefix in subsets.map { prefix + [$0.reduce(0) { $0 | 1 << $1 }] } }
        }
        return supports.contains { masks in
            guard !rule8 || masks.filter({ $0 & 1 != 0 }).count <= c.slots else { return false }
            for subset in 1..<(1 << placed.count) {
                let members = placed.indices.filter { subset >> $0 & 1 == 1 }
                let need = members.reduce(0) { $0 + c.need[placed[$1].fellow] }
                let union = members.reduce(0) { $0 | masks[$1] }
                let money = (0..<3).filter { union >> $0 & 1 == 1 }.reduce(0) { $0 + c.budgets[$1] }
                if need > money { return false }
            }
            return true
        }
    }

    /// The best total rank plus penalties over every valid placement.
    func best(_ c: Case, rule8: Bool = true) -> Int {
        var best = Int.max
        for code in 0..<27 {
            let choice = (0..<3).map { code / [1, 3, 9][$0] % 3 }  // 0: unplaced, 1 + k: k-th ranked lab
            guard zip(choice, c.ranks).allSatisfy({ $0 == 0 || $0 - 1 < $1.count }) else { continue }
            let placed = (0..<3).filter { choice[$0] > 0 }.map { (fellow: $0, lab: c.ranks[$0][choice[$0] - 1]) }
            guard (0...1).allSatisfy({ l in placed.filter { $0.lab == l }.count <= 2 }),
                payable(c, placed, rule8: rule8)
            else {
                continue
            }
            best = min(best, (0..<3).reduce(0) { $0 + (choice[$1] == 0 ? 100 : choice[$1]) })
        }
        return best
    }

    @Test func theEngineFindsTheBestPlacementThatCanBePaid() throws {
        var rng = SeededRandom(seed: 24)
        var bites = 0
        for trial in 0..<60 {
            let c = random(&rng)
            if best(c) != best(c, rule8: false) { bites += 1 }
            let o = try program(c).solve()
            #expect(o.status == .optimal, "trial \(trial)")
            #expect(o.objective.map { Int($0.rounded()) } == best(c), "trial \(trial): \(c)")
            for p in o.placements where p.need > 0 && p.status != .unplaced {
                let federal = p.funding.filter { ["t32", "r01"].contains($0.source) }
                #expect(federal.count <= 1, "trial \(trial): \(p)")
                #expect(p.funding.count <= (c.maxSources ?? 3))
            }
            #expect(o.placements.filter { $0.funding.contains { $0.source == "t32" } }.count <= c.slots)
        }
        // Rule 8 changes the best placement in some of the programs (the test has teeth).
        #expect(bites >= 5, "rule 8 mattered in \(bites) of 60 programs")
    }
}
