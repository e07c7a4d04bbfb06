import Foundation
import GLPKBackend
import Modeling
import ORLibrary
import Testing

@Suite struct HandSolvedModelTests {
    let solver = GLPKSolver()

    /// max 5x + 4y  s.t. 6x + 4y ≤ 24, x + 2y ≤ 6, x, y ≥ 0 integer.
    /// LP optimum (3, 1.5) = 21; enumerating the integer points gives (4, 0) = 20.
    func textbook(_ kind: VariableKind) -> (Model, Variable, Variable) {
        var m = Model(name: "textbook")
        let x = m.addVariable("x", kind, lower: 0), y = m.addVariable("y", kind, lower: 0)
        m.add(6 * x + 4 * y <= 24, name: "material")
        m.add(x + 2 * y <= 6, name: "labour")
        m.maximize(5 * x + 4 * y)
        return (m, x, y)
    }

    @Test func integerProgramReachesTheHandSolvedOptimum() throws {
        let (m, x, y) = textbook(.integer)
        let r = try solver.solve(m)
        #expect(r.termination == .optimal)
        let s = try #require(r.solution)
        #expect(s.objective == 20)
        #expect(s[x] == 4 && s[y] == 0)
        #expect(r.bound == 20)
        #expect(r.gap == 0)
    }

    @Test func linearRelaxationGivesTheVertexAndDuals() throws {
        let (m, x, y) = textbook(.continuous)
        let r = try solver.solve(m)
        let s = try #require(r.solution)
        #expect(r.termination == .optimal)
        #expect(abs(s.objective - 21) < 1e-9)
        #expect(abs(s[x] - 3) < 1e-9 && abs(s[y] - 1.5) < 1e-9)
        // Shadow prices: material 0.75, labour 0.5 (solve the 2×2 dual by hand).
        let duals = try #require(s.duals)
        #expect(abs(duals[0] - 0.75) < 1e-9 && abs(duals[1] - 0.5) < 1e-9)
    }

    /// Burkardt's 0/1 knapsack set P07: 15 items, capacity 750, optimum 1458.
    @Test func knapsackWithKnownOptimum() throws {
        let weights = [70, 73, 77, 80, 82, 87, 90, 94, 98, 106, 110, 113, 115, 118, 120]
        let profits = [135, 139, 149, 150, 156, 163, 173, 184, 192, 201, 210, 214, 221, 229, 240]
        var m = Model(name: "p07")
        let take = weights.indices.map { m.addBinary("take(\($0))") }
        m.add(weights.indices.sum { Double(weights[$0]) * take[$0] } <= 750, name: "capacity")
        m.maximize(profits.indices.sum { Double(profits[$0]) * take[$0] })
        let r = try solver.solve(m)
        #expect(r.termination == .optimal)
        #expect(r.solution?.objective == 1458)
        let chosen = take.indices.filter { r.solution!.isOne(take[$0]) }
        #expect(chosen == [0, 2, 4, 6, 7, 8, 13, 14])
    }

    /// max 5a + 4b + 3c + y  s.t. 2a + 3b + c + y ≤ 4.5, a, b, c ∈ {0,1}, 0 ≤ y ≤ 1.
    /// By enumeration: {a, c} with y = 1 gives 9 (b with anything overflows or gives less).
    @Test(arguments: [[1.0, 0, 1, 0], [0, 1, 0, 0], [1, 1, 0, 0], [0, 0, 0, 0], [7, -3, 0.4, 5]])
    func startingSolutionsNeverChangeTheOptimum(_ start: [Double]) throws {
        var m = Model(name: "start")
        let a = m.addBinary("a"), b = m.addBinary("b"), c = m.addBinary("c")
        let y = m.addVariable("y", .continuous, lower: 0, upper: 1)
        m.add(2 * a + 3 * b + c + y <= 4.5, name: "capacity")
        m.maximize(5 * a + 4 * b + 3 * c + y)
        var options = SolverOptions()
        options.presolve = false
        options.startingSolution = start  // feasible, feasible but poor, infeasible, or out of bounds
        let r = try solver.solve(m, options: options)
        #expect(r.termination == .optimal)
        let s = try #require(r.solution)
        #expect(abs(s.objective - 9) < 1e-9)
        #expect(s[a] == 1 && s[b] == 0 && s[c] == 1 && abs(s[y] - 1) < 1e-9)
    }

    @Test func infeasibleModelIsReportedWithoutASolution() throws {
        var m = Model()
        let x = m.addBinary("x"), y = m.addBinary("y")
        m.add(x + y >= 3, name: "atLeastThree")
        m.minimize(x + y)
        let r = try solver.solve(m)
        #expect(r.termination == .infeasible)
        #expect(r.solution == nil)
    }

    @Test func integerInfeasibleButLPFeasibleModelIsInfeasible() throws {
        var m = Model()
        let x = m.addVariable("x", .integer, lower: 0, upper: 10)
        m.add(2 * x == 3, name: "odd")
        m.minimize(x)
        #expect(try solver.solve(m).termination == .infeasible)
    }

    @Test func unboundedModelIsReported() throws {
        var m = Model()
        let x = m.addVariable("x", .integer, lower: 0), y = m.addVariable("y", .integer, lower: 0)
        m.add(x - y <= 1, name: "c")
        m.maximize(x + y)
        let r = try solver.solve(m)
        #expect(r.termination == .unboundedOrInfeasible)
        #expect(r.solution == nil)
        var lp = Model()
        let z = lp.addVariable("z", lower: 0)
        lp.maximize(z)
        #expect(try solver.solve(lp).termination == .unboundedOrInfeasible)
    }

    @Test func invalidModelIsRejectedBeforeGLPK() {
        var m = Model()
        let x = m.addVariable("x", .integer, lower: 0.5, upper: 2)
        m.minimize(x)
        #expect(throws: SolverError.self) { try solver.solve(m) }
    }
}

@Suite struct GuardTests {
    /// A term naming a column the model does not have makes glp_load_matrix
    /// abort(); the guard turns that into a thrown error and the process goes on.
    @Test func modelGLPKRejectsThrowsAndTheNextSolveWorks() throws {
        var bad = Model()
        let x = bad.addBinary("x")
        bad.add(x + Variable(index: 7) <= 1, name: "ghost")
        bad.maximize(x)
        let unchecked = GLPKSolver(validatesModels: false)
        do {
            _ = try unchecked.solve(bad)
            Issue.record("GLPK accepted a column index out of range")
        } catch {
            guard case .solverFailure(let message) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(message.contains("glp_load_matrix"))
        }
        // Validation catches the same model with a clear message.
        #expect(throws: SolverError.self) { try GLPKSolver().solve(bad) }
        // And GLPK still works on this thread.
        var good = Model()
        let y = good.addBinary("y")
        good.maximize(y)
        #expect(try unchecked.solve(good).solution?.objective == 1)
    }
}

@Suite
struct GAPModelTests {
    @Test func gap1_1ReachesThePublishedOptimum() throws {
        let (g, ref) = try gapInstance("gap1-1")
        #expect(ref.value == 336)
        let (m, x) = gapModel(g)
        let r = try GLPKSolver().solve(m)
        #expect(r.termination == .optimal)
        let s = try #require(r.solution)
        #expect(s.objective == 336)
        #expect(m.isFeasible(s.values))
        // Each job at exactly one agent, within capacity, checked independently.
        for i in 0..<g.agents {
            let used = (0..<g.jobs).filter { s.isOne(x[i][$0]) }.map { g.resource[i][$0] }.reduce(0, +)
            #expect(used <= g.capacity[i])
        }
    }

    @Test func timeLimitedSolveReturnsItsIncumbentAndABound() throws {
        // d05100 is hard for every solver: no chance to finish in half a second.
        let (g, ref) = try gapInstance("d05100")
        let (m, x) = gapModel(g)
        // A feasible start, found greedily, so the incumbent exists from the root on.
        var options = try startedOptions(g, m, x)
        options.timeLimit = 0.5
        let r = try GLPKSolver().solve(m, options: options)
        #expect(r.termination == .timeLimit)
        let s = try #require(r.solution)
        let bound = try #require(r.bound)
        #expect(bound <= s.objective)
        #expect(bound <= Double(ref.value) + 1e-6)
        #expect(s.objective >= Double(ref.value))
        #expect(m.isFeasible(s.values))
        #expect(try #require(r.gap) > 0)
    }

    @Test func nodeLimitStopsAtTheSamePointEveryRun() throws {
        let (g, ref) = try gapInstance("d05100")
        let (m, x) = gapModel(g)
        var options = try startedOptions(g, m, x)
        options.nodeLimit = 20
        let runs = try (0..<2).map { _ in try GLPKSolver().solve(m, options: options) }
        for r in runs {
            #expect(r.termination == .interrupted)
            #expect(r.nodes <= 25)
            let s = try #require(r.solution)
            #expect(m.isFeasible(s.values))
            #expect(s.objective >= Double(ref.value))
        }
        #expect(runs[0].solution?.values == runs[1].solution?.values)
    }

    /// An iteration limit stops the root LP itself (a node limit cannot):
    /// interrupted, with the completed start as the solution, the same on
    /// every run; a larger one lets the search go on past the root.
    @Test func iterationLimitStopsEvenTheRootLP() throws {
        let (g, ref) = try gapInstance("d05100")
        let (m, x) = gapModel(g)
        var options = try startedOptions(g, m, x)
        options.iterationLimit = 1
        let runs = try (0..<2).map { _ in try GLPKSolver().solve(m, options: options) }
        for r in runs {
            #expect(r.termination == .interrupted)
            #expect(r.nodes == 0)
            let s = try #require(r.solution)
            #expect(m.isFeasible(s.values))
            #expect(s.objective >= Double(ref.value))
        }
        #expect(runs[0].solution?.values == runs[1].solution?.values)
        options.iterationLimit = 3_000
        let later = try GLPKSolver().solve(m, options: options)
        #expect(later.termination == .interrupted && later.nodes > 0)
    }

    @Test func aStopSignalEndsTheSearchAsInterruptedWithTheStart() throws {
        // d05100 is not proved within minutes; a signal stopped before the
        // solve ends it at the search's first callback, deterministically.
        let (g, ref) = try gapInstance("d05100")
        let (m, x) = gapModel(g)
        var options = try startedOptions(g, m, x)
        let stop = StopSignal()
        stop.stop()
        options.stop = stop
        let r = try GLPKSolver().solve(m, options: options)
        #expect(stop.isStopped)
        #expect(r.termination == .interrupted)
        let s = try #require(r.solution)
        #expect(m.isFeasible(s.values))
        #expect(s.objective >= Double(ref.value))
    }

    @Test func aStopSignalFromAnotherThreadEndsARunningSearch() throws {
        let (g, _) = try gapInstance("d05100")
        let (m, x) = gapModel(g)
        var options = try startedOptions(g, m, x)
        let stop = StopSignal()
        options.stop = stop
        options.nodeLimit = 2_000_000  // never reached in a test: the signal ends the search
        let stopper = Thread {
            Thread.sleep(forTimeInterval: 0.3)
            stop.stop()
        }
        stopper.start()
        let r = try GLPKSolver().solve(m, options: options)
        #expect(r.termination == .interrupted)
        #expect(r.nodes < 2_000_000)
    }

    @Test func searchStoppedBeforeTakingTheStartStillReturnsIt() throws {
        // A limit of 1 ms ends the search before (or just after) the root:
        // the completed start is the solution either way, never none.
        let (g, ref) = try gapInstance("d10100")
        let (m, x) = gapModel(g)
        var options = try startedOptions(g, m, x)
        options.timeLimit = 0.001
        let r = try GLPKSolver().solve(m, options: options)
        #expect(r.termination == .timeLimit)
        let s = try #require(r.solution)
        #expect(m.isFeasible(s.values))
        #expect(s.objective >= Double(ref.value))
    }

    @Test func progressIsReportedForNewIncumbents() throws {
        let (g, _) = try gapInstance("gap4-1")
        let (m, _) = gapModel(g)
        let seen = Counter()
        let r = try GLPKSolver().solve(m, options: .deterministic) { p in
            if p.incumbent != nil { seen.increment() }
        }
        #expect(r.termination == .optimal)
        #expect(seen.value >= 1)
    }

    @Test func concurrentSolvesMatchSequentialOnes() throws {
        let names = ["gap1-1", "gap1-2", "gap1-3", "gap1-4", "gap2-1", "gap2-2"]
        let models = try names.map { gapModel(try gapInstance($0).0).0 }
        let sequential = try models.map { try GLPKSolver().solve($0) }
        let results = ResultSlots(count: models.count)
        DispatchQueue.concurrentPerform(iterations: models.count) { k in
            results.set(k, Result { () throws(SolverError) -> SolveResult in try GLPKSolver().solve(models[k]) })
        }
        for k in models.indices {
            let concurrent = try results.get(k).get()
            #expect(concurrent.termination == .optimal)
            #expect(concurrent.solution?.objective == sequential[k].solution?.objective)
            #expect(concurrent.solution?.values == sequential[k].solution?.values)
        }
    }

    @Test func exportedLPReadsBackWithTheSameOptimum() throws {
        let (g, _) = try gapInstance("gap1-1")
        let (m, _) = gapModel(g)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fm-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let lp = dir.appendingPathComponent("gap1-1.lp").path
        let report = try GLPKSolver().export(m, format: .lp, to: lp)
        #expect(!report.negatedObjective)
        let text = try String(contentsOfFile: lp, encoding: .utf8)
        #expect(text.contains("Maximize"))
        #expect(text.contains("capacity(0)"))
        let back = try GLPKSolver().solveFile(lp, format: .lp)
        #expect(back.termination == .optimal)
        #expect(back.solution?.objective == 336)

        // MPS has no sense: the maximisation is written negated, and says so.
        let mps = dir.appendingPathComponent("gap1-1.mps").path
        #expect(try GLPKSolver().export(m, format: .mps, to: mps).negatedObjective)
        #expect(try String(contentsOfFile: mps, encoding: .utf8).hasPrefix("* FellowMatch: maximisation"))
        #expect(try GLPKSolver().solveFile(mps, format: .mps).solution?.objective == -336)
    }
}

/// First-fit by smallest resource use: a feasible GAP assignment if it finds one.
/// Options that start the search from ``greedyAssignment(_:)`` (presolve off,
/// as a start requires).
func startedOptions(_ g: GAPInstance, _ m: Model, _ x: [[Variable]]) throws -> SolverOptions {
    let start = try #require(greedyAssignment(g))
    var values = [Double](repeating: 0, count: m.variables.count)
    for (j, i) in start.enumerated() { values[x[i][j].index] = 1 }
    var options = SolverOptions()
    options.presolve = false
    options.startingSolution = values
    return options
}

func greedyAssignment(_ g: GAPInstance) -> [Int]? {
    var left = g.capacity
    var assignment: [Int] = []
    for j in 0..<g.jobs {
        let order = (0..<g.agents).sorted { (g.resource[$0][j], $0) < (g.resource[$1][j], $1) }
        guard let i = order.first(where: { g.resource[$0][j] <= left[$0] }) else { return nil }
        left[i] -= g.resource[i][j]
        assignment.append(i)
    }
    return assignment
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}

final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<SolveResult, SolverError>?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ k: Int, _ r: Result<SolveResult, SolverError>) { lock.withLock { slots[k] = r } }
    func get(_ k: Int) -> Result<SolveResult, SolverError> { lock.withLock { slots[k]! } }
}

/// The node examiner hook, on Burkardt's knapsack P07 (15 items, capacity
/// 750, optimum 1458 with items 0, 2, 4, 6, 7, 8, 13, 14) and on itself with
/// an item left out (solved separately as the reference).
@Suite struct NodeExaminerTests {
    static let weights = [70, 73, 77, 80, 82, 87, 90, 94, 98, 106, 110, 113, 115, 118, 120]
    static let profits = [135, 139, 149, 150, 156, 163, 173, 184, 192, 201, 210, 214, 221, 229, 240]
    static let optimalItems = [0, 2, 4, 6, 7, 8, 13, 14]

    func knapsack() -> Model {
        var m = Model(name: "p07")
        let take = Self.weights.indices.map { m.addBinary("take(\($0))") }
        m.add(Self.weights.indices.sum { Double(Self.weights[$0]) * take[$0] } <= 750, name: "capacity")
        m.maximize(Self.profits.indices.sum { Double(Self.profits[$0]) * take[$0] })
        return m
    }

    func options(_ examiner: any NodeExaminer) -> SolverOptions {
        var o = SolverOptions()
        o.presolve = false
        o.cuts = []
        o.nodeExaminer = examiner
        return o
    }

    /// Tightening a bound at every node is the same as solving without the item.
    @Test func tightenedBoundsHoldInTheWholeSearch() throws {
        let examiner = Examiner { _ in
            var v = NodeVerdict()
            v.tightened = [(14, 0, 0)]
            return v
        }
        let r = try GLPKSolver().solve(knapsack(), options: options(examiner))
        var without = knapsack()
        without.setBounds(Variable(index: 14), lower: 0, upper: 0)
        let reference = try GLPKSolver().solve(without)
        #expect(r.termination == .optimal)
        #expect(r.solution?.objective == reference.solution?.objective)
        #expect(r.solution?.values[14] == 0)
        #expect(examiner.calls >= 1)
    }

    /// An offered solution becomes the incumbent.
    @Test func offeredSolutionIsTaken() throws {
        var optimum = [Double](repeating: 0, count: Self.weights.count)
        for i in Self.optimalItems { optimum[i] = 1 }
        // Offered once, then every later node is pruned: the search can only
        // end with the offered solution.
        let examiner = Examiner { n in
            var v = NodeVerdict()
            if n.incumbent == nil { v.solution = optimum } else { v.prune = true }
            return v
        }
        let r = try GLPKSolver().solve(knapsack(), options: options(examiner))
        #expect(r.solution?.objective == 1458)
        #expect(r.solution?.values == optimum)
    }

    /// Pruning the root leaves one point (every column at its lower bound),
    /// which GLPK evaluates: here the empty knapsack, feasible, worth 0.
    @Test func prunedRootCollapsesToItsLowerBounds() throws {
        let examiner = Examiner { n in
            #expect(n.lower.count == Self.weights.count)
            return .pruned
        }
        let r = try GLPKSolver().solve(knapsack(), options: options(examiner))
        #expect(r.termination == .optimal)
        #expect(r.solution?.objective == 0)
        #expect(examiner.calls == 1)
    }

    /// With presolve on the columns are GLPK's, not the model's: no examiner.
    @Test func examinerIsNotUsedWithPresolve() throws {
        let examiner = Examiner { _ in .pruned }
        var o = options(examiner)
        o.presolve = true
        let r = try GLPKSolver().solve(knapsack(), options: o)
        #expect(r.solution?.objective == 1458)
        #expect(examiner.calls == 0)
    }
}

final class Examiner: NodeExaminer, @unchecked Sendable {
    let verdict: (SearchNode) -> NodeVerdict
    private(set) var calls = 0
    init(_ verdict: @escaping (SearchNode) -> NodeVerdict) { self.verdict = verdict }
    func examine(_ node: SearchNode) -> NodeVerdict {
        calls += 1
        return verdict(node)
    }
}
