import Domain
import GLPKBackend
import IntakeGenerator
import Modeling
import PlacementSolver
import Testing

/// The warm start (a greedy placement the root LP starts from, offered as the
/// first incumbent) may only save time: with and without it the optimum is
/// the same, for every objective kind.
@Suite struct WarmStartTests {
    /// Objective kinds with the intake size each is tried at (the
    /// lexicographic kinds solve several stages, each a harder program).
    static let cases: [(ObjectiveKind, Int)] = [(.totalRank, 60), (.score, 60), (.rankMaximal, 20), (.generous, 20)]

    @Test(arguments: cases)
    func warmStartNeverChangesTheOptimum(_ kind: ObjectiveKind, _ fellows: Int) throws {
        for seed: UInt64 in [3, 11] {
            var scenario = IntakeGenerator(newFellows: fellows, seed: seed).scenario()
            scenario.settings.objective = kind
            var cold = PlacementEngine(solver: GLPKSolver())
            cold.warmStart = false
            let warm = try PlacementEngine(solver: GLPKSolver()).run(scenario)
            let reference = try cold.run(scenario)
            #expect(warm.status == .optimal && reference.status == .optimal)
            #expect(warm.objective == reference.objective)
            // Ties may be broken differently; for rank-maximal the profile is the optimum.
            if kind == .rankMaximal { #expect(warm.rankProfile == reference.rankProfile) }
            #expect(warm.unplaced.count == reference.unplaced.count)
        }
    }

    @Test func warmStartKeepsTheHandSolvedOptimum() throws {
        // Three fellows, two seats at their shared first choice: the greedy
        // gives them to f1 and f2, the optimum to f2 and f3 (f1 has a good
        // second choice, f3 none).
        var p = TestProgram()
        p.lab("labA", capacity: 2)
        p.lab("labB", capacity: 1)
        p.lab("labC", capacity: 1)
        p.fellow("f1", ranks: ["labA", "labB"])
        p.fellow("f2", ranks: ["labA", "labB"])
        p.fellow("f3", ranks: ["labA", "labC"], explicitRanks: [1, 5])
        let o = try p.solve()
        #expect(o.status == .optimal)
        #expect(o.objective == 4)
        #expect(o.lab("f3") == "labA" && o.lab("f1") != o.lab("f2"))
    }
}

/// `--cuts all` is a choice, not the automatic default (issue 15).
@Suite struct CutChoiceTests {
    @Test func anExplicitChoiceOfEveryCutFamilyIsKept() {
        var model = Model()
        _ = model.addBinary("x")
        var chosen = SolverOptions()
        chosen.cuts = Set(CutFamily.allCases)
        #expect(SolveStrategy.tune(chosen, for: model).cuts == Set(CutFamily.allCases))
        #expect(SolveStrategy.tune(SolverOptions(), for: model).cuts == [.mixedIntegerRounding, .cover, .clique])
        #expect(CutSelection("all")?.families == Set(CutFamily.allCases) && CutSelection("none")?.families == [])
        #expect(
            CutSelection("mir, cover")?.families == [.mixedIntegerRounding, .cover] && CutSelection("gomory,x") == nil)
    }
}
