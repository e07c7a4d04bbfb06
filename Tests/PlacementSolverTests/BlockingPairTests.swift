import Domain
import GLPKBackend
import Testing

@testable import PlacementSolver

/// Blocking pairs against the definition, checked independently of the
/// engine: on small random programs without money, every possible placement
/// is enumerated and its blocking pairs found by a checker written here from
/// the definition in docs/scenario-format.md ("Stability and blocking
/// pairs"); and hand-worked cases, with money, whose answers are worked out
/// in the comments.
@Suite struct BlockingPairTests {
    /// A small program: labs with one or two mentors, fellows ranking labs
    /// (ties and gaps), mentors ranking some fellows (ties), maybe a
    /// continuing fellow, maybe unplaced fellows. Nobody needs money.
    static func program(seed: UInt64) -> TestProgram {
        var rng = SeededRandom(seed: seed)
        var t = TestProgram()
        t.settings.allowUnplaced = rng.chance(0.5)
        let labCount = rng.int(2...3)
        for l in 0..<labCount {
            let mentors = (0..<rng.int(1...2)).map { ("m\(l)\($0)", rng.int(0...2), [String]()) }
            t.lab("L\(l)", capacity: rng.int(1...3), mentors: mentors)
        }
        if rng.chance(0.4) {
            let m = rng.pick(t.mentors)
            t.continuing("C", lab: m.lab, mentor: m.id)
        }
        for f in 0..<rng.int(2...5) {
            let labs = rng.sample(Array(0..<labCount), rng.int(1...labCount))
            var rank = 0
            let ranks = labs.indices.map { k in
                rank += k > 0 && rng.chance(0.3) ? 0 : rng.int(1...2)
                return rank
            }
            t.fellow("F\(f)", ranks: labs.map { "L\($0)" }, explicitRanks: ranks)
        }
        let newFellows = t.fellows.filter(\.isNew).map(\.id)
        for m in t.mentors where rng.chance(0.7) {
            for f in rng.sample(newFellows, rng.int(0...newFellows.count)) {
                t.mentorPreferences.append(MentorPreference(mentor: m.id, fellow: f, rank: rng.int(1...3)))
            }
        }
        return t
    }

    /// Every placement obeying rules 1, 2 and 4: per new fellow a mentor of a
    /// lab they ranked, or nothing when allowed. `nil`: unplaced.
    static func placements(_ t: TestProgram) -> [[String: Mentor?]] {
        let newFellows = t.fellows.filter(\.isNew)
        let ranked = Dictionary(grouping: t.preferences, by: \.fellow).mapValues { Set($0.map(\.lab)) }
        var all: [[String: Mentor?]] = []
        var current: [String: Mentor?] = [:]
        func fits() -> Bool {
            let everyone = current.values.compactMap { $0 } + continuingMentors(t)
            return t.mentors.allSatisfy { m in everyone.filter { $0.id == m.id }.count <= m.capacity }
                && t.labs.allSatisfy { l in everyone.filter { $0.lab == l.id }.count <= l.capacity }
        }
        func visit(_ i: Int) {
            if i == newFellows.count {
                if fits() { all.append(current) }
                return
            }
            let f = newFellows[i].id
            for m in t.mentors where ranked[f]?.contains(m.lab) == true {
                current[f] = .some(m)
                visit(i + 1)
            }
            if t.settings.allowUnplaced {
                current[f] = .some(nil)
                visit(i + 1)
            }
            current[f] = nil
        }
        visit(0)
        return all
    }

    static func continuingMentors(_ t: TestProgram) -> [Mentor] {
        t.fellows.filter { !$0.isNew }.compactMap { f in t.mentors.first { $0.id == f.mentor } }
    }

    /// The blocking pairs of a placement, straight from the definition.
    static func definition(_ t: TestProgram, _ placed: [String: Mentor?]) -> Set<String> {
        let everyone = placed.values.compactMap { $0 } + continuingMentors(t)
        func fellowRank(_ f: String, _ lab: String) -> Int? {
            t.preferences.first { $0.fellow == f && $0.lab == lab }?.rank
        }
        func mentorRank(_ m: String, _ f: String) -> Int {
            t.mentorPreferences.first { $0.mentor == m && $0.fellow == f }?.rank ?? Int.max
        }
        var pairs: Set<String> = []
        for (f, place) in placed {
            for m in t.mentors {
                guard let wanted = fellowRank(f, m.lab) else { continue }
                if let place {
                    guard place.lab != m.lab, wanted < fellowRank(f, place.lab)! else { continue }
                }
                let room =
                    everyone.filter { $0.id == m.id }.count < m.capacity
                    && everyone.filter { $0.lab == m.lab }.count < t.labs.first { $0.id == m.lab }!.capacity
                let displaces = placed.contains { g, gm in
                    g != f && gm?.id == m.id && mentorRank(m.id, f) < mentorRank(m.id, g)
                }
                if room || displaces { pairs.insert("\(f)-\(m.id)") }
            }
        }
        return pairs
    }

    /// The placement as an outcome, built directly (not by the engine).
    static func outcome(_ t: TestProgram, _ placed: [String: Mentor?]) -> PlacementOutcome {
        let rows = t.fellows.map { f -> FellowPlacement in
            guard f.isNew else {
                return FellowPlacement(fellow: f.id, status: .continuing, lab: f.lab, mentor: f.mentor)
            }
            guard let m = placed[f.id]! else {
                return FellowPlacement(fellow: f.id, status: .unplaced, lab: nil, mentor: nil)
            }
            let rank = t.preferences.first { $0.fellow == f.id && $0.lab == m.lab }!.rank
            return FellowPlacement(fellow: f.id, status: .new, lab: m.lab, mentor: m.id, rank: rank)
        }
        func load(_ id: String, _ capacity: Int, _ at: (FellowPlacement) -> String?) -> Load {
            Load(
                id: id, capacity: capacity, continuing: rows.filter { $0.status == .continuing && at($0) == id }.count,
                new: rows.filter { $0.status == .new && at($0) == id }.count)
        }
        return PlacementOutcome(
            scenarioName: "test", objectiveKind: .totalRank, status: .feasible, objective: nil, bound: nil, gap: nil,
            solveSeconds: 0, placements: rows, rankProfile: [:], unplaced: [], budgets: [],
            labLoads: t.labs.map { l in load(l.id, l.capacity) { $0.lab } },
            mentorLoads: t.mentors.map { m in load(m.id, m.capacity) { $0.mentor } }, warnings: [], diagnosis: nil,
            solves: 1)
    }

    @Test(arguments: 0..<60)
    func everyPlacementOfARandomProgram(seed: Int) {
        let t = Self.program(seed: UInt64(seed) &* 7919 &+ 13)
        let all = Self.placements(t)
        for placed in all {
            let found = BlockingPairs.find(t.scenario, Self.outcome(t, placed))
            #expect(found.allSatisfy { $0.kind == .blocks })
            #expect(Set(found.map { "\($0.fellow)-\($0.mentor)" }) == Self.definition(t, placed), "seed \(seed)")
        }
    }

    /// The random programs are not trivial: some placements have blocking pairs, some have none.
    @Test func theRandomProgramsHaveBothKinds() {
        var withPairs = 0, without = 0
        for seed in 0..<60 {
            let t = Self.program(seed: UInt64(seed) &* 7919 &+ 13)
            for placed in Self.placements(t) {
                if Self.definition(t, placed).isEmpty { without += 1 } else { withPairs += 1 }
            }
        }
        #expect(withPairs > 100 && without > 20)
    }

    /// The engine's own placement of each random program: its pairs are the definition's too.
    @Test(arguments: 0..<20)
    func theEnginesPlacement(seed: Int) throws {
        let t = Self.program(seed: UInt64(seed) &* 104_729 &+ 1)
        let o = try t.solve()
        guard o.hasPlacement else { return }
        var placed: [String: Mentor?] = [:]
        for p in o.placements where p.status != .continuing {
            placed[p.fellow] = .some(p.mentor.flatMap { m in t.mentors.first { $0.id == m } })
        }
        let found = BlockingPairs.find(t.scenario, o)
        #expect(Set(found.map { "\($0.fellow)-\($0.mentor)" }) == Self.definition(t, placed))
    }

    /// Two labs of one place, one mentor each; both fellows rank A first and
    /// B second; mA ranks f2 above f1. With f1 at A and f2 at B, (f2, mA)
    /// blocks (f2 prefers A, mA prefers f2 to f1) and nothing else does (f1
    /// has their first choice). With mentor_weight 1 the engine puts f2 at A
    /// (total 1 + 0 + 2 + 0 = 3 against 1 + 1 + 2 = 4): no blocking pair.
    @Test func aHandWorkedSwap() throws {
        var t = TestProgram()
        t.lab("A", capacity: 1)
        t.lab("B", capacity: 1)
        t.fellow("f1", ranks: ["A", "B"])
        t.fellow("f2", ranks: ["A", "B"])
        t.mentorPreferences = [
            MentorPreference(mentor: "mA", fellow: "f2", rank: 1), MentorPreference(mentor: "mA", fellow: "f1", rank: 2)
        ]
        let mA = t.mentors[0], mB = t.mentors[1]
        let pairs = BlockingPairs.find(t.scenario, Self.outcome(t, ["f1": mA, "f2": mB]))
        #expect(
            pairs == [
                BlockingPair(
                    fellow: "f2", mentor: "mA", lab: "A", kind: .blocks, rank: 1, currentRank: 2, displaces: ["f1"])
            ])
        #expect(BlockingPairs.find(t.scenario, Self.outcome(t, ["f1": mB, "f2": mA])).isEmpty)
        t.settings.mentorWeight = 1
        let o = try t.solve()
        #expect(o.lab("f2") == "A")
        #expect(BlockingPairs.find(t.scenario, o).isEmpty)
    }

    /// Money: a pool of $50,000; f1 (need $10,000) ranks A first, f2 (need
    /// $45,000) ranks only A, second; A and mA have two places. Both cannot
    /// be paid ($55,000), so with unplaced fellows allowed the engine places
    /// f1 (total rank 1 + 1000 against 2 + 1000) and f2 stays unplaced. A
    /// and mA have room, but $40,000 is left, less than f2's $45,000: the
    /// pair would block if money allowed. When mA ranks f2 above f1, mA
    /// would drop f1, freeing f1's $10,000: $50,000 covers f2, so it blocks.
    @Test func moneyDecidesTheKind() throws {
        var t = TestProgram()
        t.settings.allowUnplaced = true
        t.lab("A", capacity: 2, mentors: [("mA", 2, [])])
        t.fellow("f1", cost: 10_000, ranks: ["A"])
        t.fellow("f2", cost: 45_000, ranks: ["A"], explicitRanks: [2])
        t.source("pool", budget: 50_000)
        let o = try t.solve()
        #expect(o.lab("f1") == "A")
        #expect(o.unplaced == ["f2"])
        #expect(
            BlockingPairs.find(t.scenario, o) == [
                BlockingPair(
                    fellow: "f2", mentor: "mA", lab: "A", kind: .ifMoneyAllowed, rank: 2, currentRank: nil,
                    displaces: [])
            ])
        t.mentorPreferences = [MentorPreference(mentor: "mA", fellow: "f2", rank: 1)]
        let pairs = BlockingPairs.find(t.scenario, o)
        #expect(pairs.map(\.kind) == [.blocks])
        #expect(pairs.first?.displaces == ["f1"])
    }
}
