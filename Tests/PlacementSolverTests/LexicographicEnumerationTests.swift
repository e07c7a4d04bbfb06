import Domain
import GLPKBackend
import PlacementSolver
import Testing

/// `rank-maximal` and `generous` against every possible placement, on small
/// random programs: labs of capacity 1–2, ranked lists of 1–4 labs with ties
/// (two labs at the same rank) and gaps in the ranks, more fellows than seats
/// when unplaced fellows are allowed, and money for only some of them: a
/// citizens-only grant and an unrestricted pool, so non-citizens compete for
/// the pool alone.
///
/// The enumeration knows nothing of the engine: a placement is a lab or
/// nothing for each fellow; it is valid when no lab holds more than its
/// capacity and the money suffices (non-citizens' needs within the pool, all
/// needs within both budgets: with payments split freely, that is exactly
/// when they can be paid).
@Suite struct LexicographicEnumerationTests {
    struct Program {
        var test: TestProgram
        /// Per fellow: (lab index, rank) choices.
        var choices: [[(lab: Int, rank: Int)]]
        var capacity: [Int]
        var need: [Int]
        var citizen: [Bool]
        var grant: Int
        var pool: Int
        var allowUnplaced: Bool
    }

    static func program(seed: UInt64, kind: ObjectiveKind) -> Program {
        var rng = SeededRandom(seed: seed)
        let labCount = rng.int(3...4), fellowCount = rng.int(3...6)
        var t = TestProgram()
        t.settings.objective = kind
        t.settings.allowUnplaced = rng.chance(0.5)
        let capacity = (0..<labCount).map { _ in rng.int(1...2) }
        for l in 0..<labCount { t.lab("L\(l)", capacity: capacity[l]) }
        var choices: [[(lab: Int, rank: Int)]] = [], need: [Int] = [], citizen: [Bool] = []
        for f in 0..<fellowCount {
            let labs = rng.sample(Array(0..<labCount), rng.int(1...min(4, labCount)))
            var rank = 0
            var ranks: [Int] = []
            for k in labs.indices {
                // A tie with the previous lab, or a gap of one or two ranks.
                rank += k > 0 && rng.chance(0.25) ? 0 : rng.int(1...2)
                ranks.append(rank)
            }
            let cost = rng.int(0...2) * 10_000, isCitizen = rng.chance(0.6)
            t.fellow(
                "F\(f)", citizenship: isCitizen ? .citizen : .other, cost: cost, ranks: labs.map { "L\($0)" },
                explicitRanks: ranks)
            choices.append(zip(labs, ranks).map { (lab: $0, rank: $1) })
            need.append(cost)
            citizen.append(isCitizen)
        }
        let grant = rng.int(0...3) * 10_000, pool = rng.int(0...3) * 10_000
        t.source("grant", budget: grant, citizensOnly: true)
        t.source("pool", budget: pool)
        return Program(
            test: t, choices: choices, capacity: capacity, need: need, citizen: citizen, grant: grant, pool: pool,
            allowUnplaced: t.settings.allowUnplaced)
    }

    /// Every valid placement's ranks (nil: unplaced), by enumeration.
    static func placements(_ p: Program) -> [[Int?]] {
        var all: [[Int?]] = []
        var load = [Int](repeating: 0, count: p.capacity.count)
        var ranks: [Int?] = []
        func valid() -> Bool {
            let placed = ranks.indices.filter { ranks[$0] != nil }
            let nonCitizenNeed = placed.filter { !p.citizen[$0] }.reduce(0) { $0 + p.need[$1] }
            let allNeed = placed.reduce(0) { $0 + p.need[$1] }
            return nonCitizenNeed <= p.pool && allNeed <= p.pool + p.grant
        }
        func visit(_ f: Int) {
            if f == p.choices.count {
                if valid() { all.append(ranks) }
                return
            }
            for c in p.choices[f] where load[c.lab] < p.capacity[c.lab] {
                load[c.lab] += 1
                ranks.append(c.rank)
                visit(f + 1)
                load[c.lab] -= 1
                ranks.removeLast()
            }
            if p.allowUnplaced {
                ranks.append(nil)
                visit(f + 1)
                ranks.removeLast()
            }
        }
        visit(0)
        return all
    }

    /// rank-maximal's key: most placed, then most at each rank in turn (larger is better).
    static func rankMaximalKey(_ r: [Int?], ranks: [Int]) -> [Int] {
        [r.compactMap { $0 }.count] + ranks.map { k in r.filter { $0 == k }.count }
    }

    /// generous's key: most placed, smallest worst rank, fewest there, smallest sum (smaller is better).
    static func generousKey(_ r: [Int?]) -> [Int] {
        let placed = r.compactMap { $0 }
        let worst = placed.max() ?? 0
        return [-placed.count, worst, placed.filter { $0 == worst }.count, placed.reduce(0, +)]
    }

    static func profileKeyRankMaximal(_ o: PlacementOutcome, ranks: [Int]) -> [Int] {
        [o.rankProfile.values.reduce(0, +)] + ranks.map { o.rankProfile[$0] ?? 0 }
    }

    static func profileKeyGenerous(_ o: PlacementOutcome) -> [Int] {
        let worst = o.rankProfile.filter { $0.value > 0 }.keys.max() ?? 0
        let sum = o.rankProfile.reduce(0) { $0 + $1.key * $1.value }
        return [-o.rankProfile.values.reduce(0, +), worst, o.rankProfile[worst] ?? 0, sum]
    }

    /// With and without the weighted start (which, when its weights are
    /// exact, is the whole answer): both paths must reach the optimum.
    @Test(arguments: 0..<60, [true, false])
    func rankMaximalMatchesEnumeration(seed: Int, weighted: Bool) throws {
        let p = Self.program(seed: UInt64(seed) &* 7919 &+ 11, kind: .rankMaximal)
        let all = Self.placements(p)
        let outcome = try Self.solve(p, weighted: weighted)
        guard
            let bestPlacement = all.max(by: {
                Self.rankMaximalKey($0, ranks: ranks(p)).lexicographicallyPrecedes(
                    Self.rankMaximalKey($1, ranks: ranks(p)))
            })
        else {
            #expect(!outcome.hasPlacement, "seed \(seed): no valid placement exists")
            return
        }
        #expect(outcome.status == .optimal, "seed \(seed)")
        #expect(
            Self.profileKeyRankMaximal(outcome, ranks: ranks(p)) == Self.rankMaximalKey(bestPlacement, ranks: ranks(p)),
            "seed \(seed)")
        #expect(outcome.objective.map { Int($0) } == bestPlacement.compactMap { $0 }.reduce(0, +), "seed \(seed)")
    }

    @Test(arguments: 0..<60, [true, false])
    func generousMatchesEnumeration(seed: Int, weighted: Bool) throws {
        let p = Self.program(seed: UInt64(seed) &* 104_729 &+ 5, kind: .generous)
        let all = Self.placements(p)
        let outcome = try Self.solve(p, weighted: weighted)
        guard let bestPlacement = all.min(by: { Self.generousKey($0).lexicographicallyPrecedes(Self.generousKey($1)) })
        else {
            #expect(!outcome.hasPlacement, "seed \(seed): no valid placement exists")
            return
        }
        #expect(outcome.status == .optimal, "seed \(seed)")
        #expect(Self.profileKeyGenerous(outcome) == Self.generousKey(bestPlacement), "seed \(seed)")
    }

    static func solve(_ p: Program, weighted: Bool) throws -> PlacementOutcome {
        var engine = PlacementEngine(solver: GLPKSolver())
        engine.weightedStart = weighted
        return try engine.run(p.test.scenario)
    }

    func ranks(_ p: Program) -> [Int] { Set(p.choices.flatMap { $0.map(\.rank) }).sorted() }
}
