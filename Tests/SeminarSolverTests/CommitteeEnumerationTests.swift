import Domain
import GLPKBackend
import Testing

@testable import SeminarSolver

/// Small random committee programs, solved by enumerating every committee of
/// every fellow (the rules re-stated here from docs/scenario-format.md), and
/// compared with the engine's optimum on each level of the objective.
@Suite struct CommitteeEnumerationTests {
    /// One possible committee of one fellow: its readers and externals (pool
    /// indices), whether it exists at all, and its expertise.
    struct Option {
        var members: [Int]
        var expertise: Int
    }

    struct Person {
        var id: String
        var lab: String?
        var areas: [String]
        var load: Int
        var external: Bool
        var chair: Bool
    }

    static func subsets(_ xs: [Int], size: ClosedRange<Int>) -> [[Int]] {
        var result: [[Int]] = []
        for mask in 0..<(1 << xs.count) {
            let chosen = xs.indices.filter { mask & (1 << $0) != 0 }.map { xs[$0] }
            if size.contains(chosen.count) { result.append(chosen) }
        }
        return result
    }

    /// Every valid committee of fellow `f` (nil in front: no committee).
    static func options(_ f: Fellow, _ people: [Person], _ s: Scenario, _ c: CommitteeSettings) -> [Option?] {
        let mentor = people.first { $0.id == f.mentor }!
        let conflicted = Set(s.conflicts.filter { $0.fellow == f.id }.map(\.person))
        let eligible = people.indices.filter { p in
            let q = people[p]
            return q.id != mentor.id && q.load > 0 && !conflicted.contains(q.id) && q.lab != f.lab
        }
        let readers = eligible.filter { !people[$0].external }, externals = eligible.filter { people[$0].external }
        let mentorChairs = c.mentorMayChair && mentor.chair && !conflicted.contains(mentor.id)
        var result: [Option?] = [nil]
        for r in subsets(readers, size: c.minReaders...c.maxReaders) {
            for e in subsets(externals, size: c.externals...c.externals) {
                let members = r + e
                guard mentorChairs || members.contains(where: { people[$0].chair }) else { continue }
                let areas = Set(([mentor] + members.map { people[$0] }).flatMap(\.areas))
                if c.coverInterests && !Set(f.interests).isSubset(of: areas) { continue }
                let expertise = members.map { Set(people[$0].areas).intersection(f.interests).count }.reduce(0, +)
                result.append(Option(members: members, expertise: expertise))
            }
        }
        return result
    }

    /// (formed, worst, total, largest load, seats) of the best choice of
    /// options, in the objective's order (formed, worst, total up; load, seats down).
    static func best(_ choices: [[Option?]], people: [Person]) -> (Int, Int?, Int, Int, Int) {
        var best: (Int, Int?, Int, Int, Int)?
        func better(_ a: (Int, Int?, Int, Int, Int), _ b: (Int, Int?, Int, Int, Int)) -> Bool {
            if a.0 != b.0 { return a.0 > b.0 }
            if (a.1 ?? -1) != (b.1 ?? -1) { return (a.1 ?? -1) > (b.1 ?? -1) }
            if a.2 != b.2 { return a.2 > b.2 }
            if a.3 != b.3 { return a.3 < b.3 }
            return a.4 < b.4
        }
        var loads = [Int](repeating: 0, count: people.count)
        var picked: [Option] = []
        func walk(_ i: Int) {
            if i == choices.count {
                let key = (
                    picked.count, picked.map(\.expertise).min(), picked.map(\.expertise).reduce(0, +),
                    loads.max() ?? 0, picked.map(\.members.count).reduce(0, +)
                )
                if best == nil || better(key, best!) { best = key }
                return
            }
            for o in choices[i] {
                guard let o else {
                    walk(i + 1)
                    continue
                }
                guard o.members.allSatisfy({ loads[$0] < people[$0].load }) else { continue }
                for p in o.members { loads[p] += 1 }
                picked.append(o)
                walk(i + 1)
                picked.removeLast()
                for p in o.members { loads[p] -= 1 }
            }
        }
        walk(0)
        return best!
    }

    static func randomProgram(_ rng: inout SeededRandom, chairs: Double = 0.5) -> Scenario {
        let areas = ["a", "b", "c", "d"]
        func some(_ rng: inout SeededRandom) -> [String] { areas.filter { _ in rng.chance(0.4) } }
        let labs = ["L1", "L2", "L3"]
        var mentors: [Mentor] = []
        for i in 0..<rng.int(3...4) {
            var m = Mentor(id: "m\(i)", lab: labs[i % 3], areas: some(&rng), capacity: 5)
            m.committeeLoad = rng.int(0...2)
            m.external = rng.chance(0.15)
            m.chair = rng.chance(chairs)
            mentors.append(m)
        }
        let faculty = (0..<rng.int(1...3)).map { i in
            FacultyMember(
                id: "p\(i)", lab: rng.chance(0.5) ? rng.pick(labs) : nil, areas: some(&rng),
                committeeLoad: rng.int(0...2), external: rng.chance(0.4), chair: rng.chance(chairs))
        }
        let fellows = (0..<rng.int(2...3)).map { i in
            let m = rng.pick(mentors)
            return Fellow(
                id: "f\(i)", track: "t", citizenship: .citizen, status: .continuing, lab: m.lab, mentor: m.id,
                interests: Array(some(&rng).prefix(2)), cost: 0)
        }
        var s = Scenario(
            settings: ScenarioSettings(name: "random"), fellows: fellows,
            labs: labs.map { Lab(id: $0, areas: [rng.pick(areas)], capacity: 10) }, mentors: mentors, funding: [],
            preferences: [])
        s.faculty = faculty
        let people = mentors.map(\.id) + faculty.map(\.id)
        s.conflicts = fellows.flatMap { f in
            people.filter { _ in rng.chance(0.15) }.map { CommitteeConflict(person: $0, fellow: f.id) }
        }
        var c = CommitteeSettings()
        c.minReaders = rng.int(0...1)
        c.maxReaders = c.minReaders + rng.int(0...1)
        c.externals = rng.int(0...1)
        c.mentorMayChair = rng.chance(0.3)
        c.coverInterests = rng.chance(0.5)
        s.settings.committee = c
        return s
    }

    /// Four to six fellows and three to five members with loads of 1 or 2,
    /// one or two readers each, sometimes an external: fewer fellows than
    /// ask can often have a committee, and the interests differ widely.
    static func scarceProgram(_ rng: inout SeededRandom) -> Scenario {
        let areas = ["a", "b", "c", "d"]
        func some(_ rng: inout SeededRandom) -> [String] { areas.filter { _ in rng.chance(0.5) } }
        let labs = (1...6).map { "L\($0)" }
        let mentors = (0..<6).map { i in Mentor(id: "m\(i)", lab: labs[i], areas: ["q"], capacity: 5) }
        let faculty = (0..<rng.int(3...5)).map { i in
            FacultyMember(
                id: "p\(i)", lab: nil, areas: some(&rng), committeeLoad: rng.int(1...2), external: rng.chance(0.25),
                chair: rng.chance(0.6))
        }
        let fellows = (0..<rng.int(4...6)).map { i in
            Fellow(
                id: "f\(i)", track: "t", citizenship: .citizen, status: .continuing, lab: labs[i], mentor: "m\(i)",
                interests: some(&rng), cost: 0)
        }
        var s = Scenario(
            settings: ScenarioSettings(name: "scarce"), fellows: fellows,
            labs: labs.map { Lab(id: $0, areas: ["q"], capacity: 10) }, mentors: mentors, funding: [], preferences: [])
        s.faculty = faculty
        var c = CommitteeSettings()
        c.minReaders = 1
        c.maxReaders = rng.int(1...2)
        c.externals = rng.chance(0.3) ? 1 : 0
        c.mentorMayChair = rng.chance(0.3)
        c.coverInterests = rng.chance(0.3)
        s.settings.committee = c
        return s
    }

    /// With one candidate kept per fellow, the models are smaller than the
    /// programs: whatever is called proved must still be what enumeration finds.
    @Test func keptCandidatesProveOnlyWhatEnumerationFinds() throws {
        let rounds = try check(
            CommitteeFormer(solver: GLPKSolver(), candidateLimit: 1, fullListsUpTo: 0), requireProof: false)
        #expect(rounds.formed >= 15)  // the random programs are not all hopeless
    }

    @Test func theEngineFindsWhatEnumerationFinds() throws {
        let rounds = try check(CommitteeFormer(solver: GLPKSolver()), requireProof: true)
        #expect(rounds.formed >= 15)
    }

    /// Few members may chair, so fewer fellows than ask can often have a
    /// committee: the bound on how many can (``CommitteeBounds/formed``) and
    /// the stages' bounds for K fellows must never prove a wrong answer.
    @Test func scarceChairsProveOnlyWhatEnumerationFinds() throws {
        let kept = try check(
            CommitteeFormer(solver: GLPKSolver(), candidateLimit: 1, fullListsUpTo: 0), requireProof: false,
            chairs: 0.15, seed: 7)
        let full = try check(CommitteeFormer(solver: GLPKSolver()), requireProof: true, chairs: 0.15, seed: 8)
        #expect(kept.formed >= 8 && full.formed >= 8)
        // Rounds where some fellows, not all, have a committee: the case these bounds are for.
        #expect(kept.partial >= 3 && full.partial >= 3)
    }

    /// Programs where members run out (``scarceProgram(_:)``): the direct
    /// committees are proved best without a model when they reach the bounds
    /// for as many committees as can be formed (``CommitteeBounds/loads(forming:atBestTotal:)``
    /// among them), and whatever is proved must be what enumeration finds.
    @Test func scarceProgramsProveOnlyWhatEnumerationFinds() throws {
        let rounds = try check(CommitteeFormer(solver: GLPKSolver()), requireProof: true, seed: 12, rounds: 60) {
            var s = Self.scarceProgram(&$0)
            s.fellows = Array(s.fellows.prefix(4))  // enumeration stays quick
            return s
        }
        #expect(rounds.partial >= 20)
        #expect(rounds.partialWithoutModel >= 5)  // proved by the bounds alone
    }

    /// The committees chosen before any model, when chairs are scarce and
    /// fewer fellows than ask can have one: each must be one of the fellow's
    /// enumerated valid committees (same members, same expertise), and no
    /// member may sit on more than their load. Checked for the tries'
    /// result and, apart, for the level-first try (``DirectCommittees/sharedOut``),
    /// which must also form as many as the tries.
    @Test func directCommitteesKeepEveryRuleWhenMembersRunOut() {
        var rng = SeededRandom(seed: 11)
        var sharedOut = 0
        for round in 0..<200 {
            let s = Self.scarceProgram(&rng)
            let c = s.settings.committee!
            let pool = CommitteeMember.pool(s)
            let people = pool.map {
                Person(id: $0.id, lab: $0.lab, areas: $0.areas, load: $0.load, external: $0.external, chair: $0.chair)
            }
            let candidates = CommitteeCandidates.all(s, pool: pool)
            let open = candidates.filter { $0.shortfall == nil }
            guard !open.isEmpty else { continue }
            let bounds = CommitteeBounds(open, pool: pool, settings: c)
            let low = DirectCommittees(open, pool: pool, settings: c, bounds: bounds)
            let high = DirectCommittees(open, pool: pool, settings: c, bounds: bounds, highestFirst: true)
            let tries = high.key > low.key ? high : low
            var results = [low, high]
            if let level = DirectCommittees.sharedOut(open, pool: pool, settings: c, bounds: bounds, after: tries) {
                #expect(level.formed == tries.formed, "round \(round)")
                results.append(level)
                sharedOut += 1
            }
            for direct in results {
                var loads = [Int](repeating: 0, count: pool.count)
                for (candidate, choice) in zip(open, direct.chosen) {
                    guard let choice else { continue }
                    let valid = Self.options(candidate.fellow, people, s, c).compactMap { $0 }
                    #expect(
                        valid.contains { Set($0.members) == Set(choice.members) && $0.expertise == choice.expertise },
                        "round \(round): \(candidate.fellow.id)")
                    for p in choice.members { loads[p] += 1 }
                }
                #expect(pool.indices.allSatisfy { loads[$0] <= pool[$0].load }, "round \(round): loads")
            }
        }
        #expect(sharedOut >= 5)  // the level-first try is exercised
    }

    /// Checks 60 random programs; returns in how many proved rounds some
    /// fellow, and some but not every fellow, has a committee.
    func check(
        _ former: CommitteeFormer, requireProof: Bool, chairs: Double = 0.5, seed: UInt64 = 31, rounds: Int = 60,
        program: ((inout SeededRandom) -> Scenario)? = nil
    ) throws -> (formed: Int, partial: Int, partialWithoutModel: Int) {
        var rng = SeededRandom(seed: seed)
        var formedSomewhere = 0, partial = 0, partialWithoutModel = 0
        for round in 0..<rounds {
            let s = program?(&rng) ?? Self.randomProgram(&rng, chairs: chairs)
            let c = s.settings.committee!
            let labAreas = Dictionary(uniqueKeysWithValues: s.labs.map { ($0.id, $0.areas) })
            let people =
                s.mentors.map {
                    Person(
                        id: $0.id, lab: $0.lab, areas: $0.areas.isEmpty ? labAreas[$0.lab]! : $0.areas,
                        load: $0.committeeLoad, external: $0.external, chair: $0.chair)
                }
                + s.faculty.map {
                    Person(
                        id: $0.id, lab: $0.lab,
                        areas: $0.areas.isEmpty ? $0.lab.flatMap { labAreas[$0] } ?? [] : $0.areas,
                        load: $0.committeeLoad, external: $0.external, chair: $0.chair)
                }
            let expected = Self.best(s.fellows.map { Self.options($0, people, s, c) }, people: people)
            let o = try former.form(s)
            if requireProof { #expect(o.proved, "round \(round)") }
            guard o.proved else { continue }
            let seats = o.committees.map { $0.seats.count - 1 }.reduce(0, +)
            #expect(o.committees.count == expected.0, "round \(round): formed")
            #expect(o.worstExpertise == expected.1, "round \(round): worst-served fellow")
            #expect(o.totalExpertise == expected.2, "round \(round): total expertise")
            #expect(o.maxLoad == expected.3, "round \(round): largest load")
            #expect(seats == expected.4, "round \(round): seats")
            #expect(o.committees.count + o.unformed.count == s.fellows.count)
            formedSomewhere += o.committees.isEmpty ? 0 : 1
            let some = !o.committees.isEmpty && o.committees.count < s.fellows.count
            partial += some ? 1 : 0
            partialWithoutModel += some && o.size == nil ? 1 : 0
        }
        return (formedSomewhere, partial, partialWithoutModel)
    }
}
