import Domain
import GLPKBackend
import Testing

@testable import PlacementSolver

/// `[placement] stability` on instances from the literature whose stable
/// matchings are published, each mapped onto a program: a hospital (or a
/// woman) is a lab with one mentor of the same capacity, the hospital's
/// ranking is the mentor's (mentor_preferences.csv), a resident (or a man)
/// is a new fellow ranking labs. Every hospital here ranks exactly the
/// residents who rank it, so "acceptable" means the same on both sides. Each
/// answer is also checked against ``BlockingPairTests``'s enumeration of
/// every placement with its checker of the definition, never against the
/// engine's own output.
@Suite struct PublishedStabilityTests {
    /// A lab of `capacity` places with one mentor `m<lab>` of the same capacity.
    static func hospitals(_ capacities: [(String, Int)], into t: inout TestProgram) {
        for (h, q) in capacities { t.lab(h, capacity: q, mentors: [("m\(h)", q, [])]) }
    }

    /// The mentor of `lab` ranks `fellows` in order (`ranks` for ties).
    static func rank(_ lab: String, _ fellows: [String], ranks: [Int]? = nil, in t: inout TestProgram) {
        for (k, f) in fellows.enumerated() {
            t.mentorPreferences.append(MentorPreference(mentor: "m\(lab)", fellow: f, rank: ranks?[k] ?? k + 1))
        }
    }

    /// Fellow → lab of a placement (unplaced fellows left out).
    static func labs(_ o: PlacementOutcome) -> [String: String] {
        Dictionary(uniqueKeysWithValues: o.placements.compactMap { p in p.lab.map { (p.fellow, $0) } })
    }

    static func labs(_ placed: [String: Mentor?]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: placed.compactMap { f, m in m.map { (f, $0.lab) } })
    }

    /// The stable placements by enumeration and the definition.
    static func stablePlacements(_ t: TestProgram) -> [[String: String]] {
        BlockingPairTests.placements(t).filter { BlockingPairTests.definition(t, $0).isEmpty }.map { labs($0) }
    }

    /// The NRMP's own worked example of its algorithm ("How the matching
    /// algorithm works", nrmp.org), also the `matching` Python package's
    /// README example (Wilde, Knight and Gillard 2020; its test
    /// `test_readme_example`): residents Arthur, Sunny, Darrius, Joseph and
    /// Latha; hospitals Mercy, City and General with two positions each.
    ///
    ///     A: C            M: D L S J
    ///     S: C M          C: D A S L J
    ///     D: C M G        G: D J L
    ///     J: C G M
    ///     L: M C G
    ///
    /// Published resident-optimal stable matching: M {L, S}, C {D, A}, G {J}
    /// (resident-proposing deferred acceptance, worked by hand: C keeps D
    /// and A, S goes to M, J to G, L to M). The hospital-proposing one is the
    /// same, so it is the only stable matching; by the rural hospitals
    /// theorem every stable matching places the same residents and fills
    /// each hospital equally anyway. `stable` with `total-rank` (Σ of the
    /// residents' ranks: the resident-optimal matching gives every resident
    /// their best stable hospital, so it has the smallest sum) finds it.
    @Test func theNRMPExampleHasItsPublishedResidentOptimalMatching() throws {
        var t = TestProgram()
        t.settings.allowUnplaced = true
        Self.hospitals([("M", 2), ("C", 2), ("G", 2)], into: &t)
        t.fellow("A", ranks: ["C"])
        t.fellow("S", ranks: ["C", "M"])
        t.fellow("D", ranks: ["C", "M", "G"])
        t.fellow("J", ranks: ["C", "G", "M"])
        t.fellow("L", ranks: ["M", "C", "G"])
        Self.rank("M", ["D", "L", "S", "J"], in: &t)
        Self.rank("C", ["D", "A", "S", "L", "J"], in: &t)
        Self.rank("G", ["D", "J", "L"], in: &t)
        let published = ["L": "M", "S": "M", "D": "C", "A": "C", "J": "G"]

        #expect(Self.stablePlacements(t) == [published])
        for stability in [StabilityRequirement.stable, .fewestBlockingPairs] {
            t.settings.stability = stability
            let o = try t.solve()
            #expect(o.status == .optimal)
            #expect(Self.labs(o) == published, "\(stability)")
            #expect(BlockingPairs.find(t.scenario, o).isEmpty)
        }
    }

    /// The cyclic 3×3 stable marriage instance (Knuth 1976, "Mariages
    /// stables", the Latin-square family; Gusfield and Irving 1989): each
    /// man's list is a rotation of the last, each woman's the reverse
    /// rotation, so it has exactly three stable matchings: the man-optimal
    /// one (every man his first choice), the woman-optimal one (every woman
    /// hers) and one between (everyone their second).
    ///
    ///     m1: w1 w2 w3     w1: m2 m3 m1
    ///     m2: w2 w3 w1     w2: m3 m1 m2
    ///     m3: w3 w1 w2     w3: m1 m2 m3
    ///
    /// Men are fellows, women labs. With `total-rank` alone (fellows' ranks)
    /// `stable` gives the man-optimal matching (Σ 3); with `mentor_weight`
    /// 10 the mentors' ranks weigh most (man-optimal 3 + 10·6, between
    /// 6 + 10·3, woman-optimal 9 + 0), so the woman-optimal one.
    @Test func theCyclicInstanceHasThreeStableMatchings() throws {
        var t = TestProgram()
        Self.hospitals([("w1", 1), ("w2", 1), ("w3", 1)], into: &t)
        t.fellow("m1", ranks: ["w1", "w2", "w3"])
        t.fellow("m2", ranks: ["w2", "w3", "w1"])
        t.fellow("m3", ranks: ["w3", "w1", "w2"])
        Self.rank("w1", ["m2", "m3", "m1"], in: &t)
        Self.rank("w2", ["m3", "m1", "m2"], in: &t)
        Self.rank("w3", ["m1", "m2", "m3"], in: &t)
        let manOptimal = ["m1": "w1", "m2": "w2", "m3": "w3"]
        let between = ["m1": "w2", "m2": "w3", "m3": "w1"]
        let womanOptimal = ["m1": "w3", "m2": "w1", "m3": "w2"]

        let stable = Self.stablePlacements(t)
        #expect(stable.count == 3)
        #expect(Set(stable) == Set([manOptimal, between, womanOptimal]))

        t.settings.stability = .stable
        #expect(Self.labs(try t.solve()) == manOptimal)
        t.settings.mentorWeight = 10
        let o = try t.solve()
        #expect(Self.labs(o) == womanOptimal)
        #expect(o.objective == 9)
    }

    /// Ties: the largest weakly stable matching is smaller than the largest
    /// matching. Two parts, worked by hand (and checked by enumeration):
    ///
    /// - A two-by-two instance of the kind Manlove, Irving, Iwama, Miyazaki
    ///   and Morita (2002, "Hard variants of stable marriage") use to show
    ///   that weakly stable matchings differ in size when lists have ties
    ///   (worked here by hand, not copied from the paper): f1: A B, f2: A;
    ///   mA ranks f1 and f2 equal, mB ranks f1. {f1–A} and
    ///   {f1–B, f2–A} are both weakly stable ((f1, mA) does not block the
    ///   second: mA is indifferent between f1 and f2).
    /// - A strict part where stability costs a place: f4: C D, f5: C;
    ///   mC ranks f4 above f5, mD ranks f4. f4 must have C (else (f4, mC)
    ///   blocks), so f5 stays out and D stays empty.
    ///
    /// Every lab has one place. The largest matching places 4 (f1–B, f2–A,
    /// f4–D, f5–C); weakly stable ones place 2 or 3, at most 3 (f1–B, f2–A,
    /// f4–C). With unplaced fellows allowed (penalty 1000 each), `report`
    /// places 4 with one blocking pair, (f4, mC); `stable` finds the largest
    /// weakly stable matching (finding it is NP-hard in general, Manlove et
    /// al. 2002), and `fewest-blocking-pairs` trades the fourth place for no
    /// blocking pair the same way.
    @Test func withTiesTheLargestStableMatchingIsSmallerThanTheLargestMatching() throws {
        var t = TestProgram()
        t.settings.allowUnplaced = true
        Self.hospitals([("A", 1), ("B", 1), ("C", 1), ("D", 1)], into: &t)
        t.fellow("f1", ranks: ["A", "B"])
        t.fellow("f2", ranks: ["A"])
        t.fellow("f4", ranks: ["C", "D"])
        t.fellow("f5", ranks: ["C"])
        Self.rank("A", ["f1", "f2"], ranks: [1, 1], in: &t)
        Self.rank("B", ["f1"], in: &t)
        Self.rank("C", ["f4", "f5"], in: &t)
        Self.rank("D", ["f4"], in: &t)

        let all = BlockingPairTests.placements(t)
        #expect(all.map { Self.labs($0).count }.max() == 4)
        #expect(Set(Self.stablePlacements(t).map(\.count)) == [2, 3])
        let largestStable = ["f1": "B", "f2": "A", "f4": "C"]

        let report = try t.solve()
        #expect(Self.labs(report).count == 4)
        #expect(BlockingPairs.find(t.scenario, report).map { "\($0.fellow)-\($0.mentor)" } == ["f4-mC"])
        for stability in [StabilityRequirement.stable, .fewestBlockingPairs] {
            t.settings.stability = stability
            let o = try t.solve()
            #expect(o.status == .optimal)
            #expect(Self.labs(o) == largestStable, "\(stability)")
            #expect(o.unplaced == ["f5"])
            #expect(BlockingPairs.find(t.scenario, o).isEmpty)
        }
    }
}
