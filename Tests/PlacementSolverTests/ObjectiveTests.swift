import Domain
import PlacementSolver
import Testing

/// Four fellows, four labs of one place each. Ranks:
///
///     A: Y 2, W 3, X 4     B: Y 2, Z 3, W 4     C: Y 1, W 2, Z 4     D: Z 1, X 3, Y 4
///
/// Enumerating the eight complete assignments (A,B,C,D) by hand:
///
///     X Y W Z: 4 2 2 1 = 9     X Z W Y: 4 3 2 4 = 13    X W Y Z: 4 4 1 1 = 10    X W Z Y: 4 4 4 4 = 16
///     Y Z W X: 2 3 2 3 = 10    Y W Z X: 2 4 4 3 = 13    W Y Z X: 3 2 4 3 = 12    W Z Y X: 3 3 1 3 = 10
///
/// - total-rank: X Y W Z (sum 9, the only one);
/// - rank-maximal: X W Y Z (two first choices, the only one);
/// - generous: Y Z W X (worst rank 3 for two fellows; W Z Y X has three at 3).
func fourLabs(_ kind: ObjectiveKind) -> TestProgram {
    var p = TestProgram()
    p.settings.objective = kind
    for l in ["X", "Y", "Z", "W"] { p.lab(l, capacity: 1) }
    p.fellow("A", ranks: ["Y", "W", "X"], explicitRanks: [2, 3, 4])
    p.fellow("B", ranks: ["Y", "Z", "W"], explicitRanks: [2, 3, 4])
    p.fellow("C", ranks: ["Y", "W", "Z"], explicitRanks: [1, 2, 4])
    p.fellow("D", ranks: ["Z", "X", "Y"], explicitRanks: [1, 3, 4])
    return p
}

@Suite struct ObjectiveTests {
    func labs(_ o: PlacementOutcome) -> [String?] { ["A", "B", "C", "D"].map { o.lab($0) } }

    @Test func totalRankGivesTheSmallestSum() throws {
        let o = try fourLabs(.totalRank).solve()
        #expect(labs(o) == ["X", "Y", "W", "Z"])
        #expect(o.objective == 9 && o.rankProfile == [1: 1, 2: 2, 4: 1])
    }

    @Test func rankMaximalGivesTheMostFirstChoices() throws {
        let o = try fourLabs(.rankMaximal).solve()
        #expect(o.status == .optimal)
        #expect(labs(o) == ["X", "W", "Y", "Z"])
        #expect(o.rankProfile == [1: 2, 4: 2] && o.objective == 10)
        #expect(o.bound == nil && o.gap == nil)
    }

    @Test func generousGivesTheBestWorstCase() throws {
        let o = try fourLabs(.generous).solve()
        #expect(o.status == .optimal)
        #expect(labs(o) == ["Y", "Z", "W", "X"])
        #expect(o.rankProfile == [2: 2, 3: 2] && o.objective == 10)
    }

    @Test func lexicographicKindsPlaceAsManyAsPossibleFirst() throws {
        for kind in [ObjectiveKind.rankMaximal, .generous] {
            var p = TestProgram()
            p.settings.objective = kind
            p.settings.allowUnplaced = true
            p.lab("X", capacity: 1)
            p.lab("Y", capacity: 1)
            // Placing all three is impossible; two can be placed only if F goes to Y (rank 5).
            p.fellow("E", ranks: ["X"])
            p.fellow("F", ranks: ["X", "Y"], explicitRanks: [1, 5])
            p.fellow("G", ranks: ["X"])
            let o = try p.solve()
            #expect(o.unplaced.count == 1, "\(kind)")
            #expect(o.lab("F") == "Y", "\(kind)")
        }
    }
}
