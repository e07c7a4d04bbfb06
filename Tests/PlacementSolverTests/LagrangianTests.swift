import Domain
import GLPKBackend
import IntakeGenerator
import Modeling
import ORLibrary
import TestSupport
import Testing

@testable import PlacementSolver

/// Small GAP instances drawn with a seed, solved by enumerating every
/// assignment: the reference the Lagrangian bound, the column fixing and the
/// neighbourhood search are checked against, independently of any solver.
struct SmallGAP: Sendable, CustomTestStringConvertible {
    var testDescription: String { "\(instance.name) (\(instance.sense))" }
    var instance: GAPInstance
    /// Best value over all feasible assignments, and the best with job j at
    /// agent i forced in (`nil`: no feasible assignment has it).
    var optimum: Int
    var bestWith: [[Int?]]
    var bestWithout: [[Int?]]
    /// Every feasible assignment (agent per job) with its value.
    var solutions: [(agents: [Int], value: Int)] = []

    init(agents: Int, jobs: Int, seed: UInt64, sense: GAPInstance.Sense, tightness: Double = 0.7) {
        var r = SeededRandom(seed: seed)
        let cost = (0..<agents).map { _ in (0..<jobs).map { _ in r.int(10...50) } }
        let resource = (0..<agents).map { _ in (0..<jobs).map { _ in r.int(5...25) } }
        let capacity = (0..<agents).map { i in Int(tightness * Double(resource[i].reduce(0, +)) / Double(agents)) + 10 }
        instance = GAPInstance(name: "small-\(seed)", cost: cost, resource: resource, capacity: capacity, sense: sense)
        let better: (Int, Int) -> Bool = sense == .max ? { $0 > $1 } : { $0 < $1 }
        var best: Int?
        var with = [[Int?]](repeating: [Int?](repeating: nil, count: jobs), count: agents)
        var without = with
        var at = [Int](repeating: 0, count: jobs)
        var all: [(agents: [Int], value: Int)] = []
        func record(_ v: Int, _ slot: inout Int?) { if slot.map({ better(v, $0) }) ?? true { slot = v } }
        func visit(_ j: Int, _ used: [Int], _ value: Int) {
            if j == jobs {
                record(value, &best)
                all.append((at, value))
                for i in 0..<agents {
                    for k in 0..<jobs {
                        if at[k] == i { record(value, &with[i][k]) } else { record(value, &without[i][k]) }
                    }
                }
                return
            }
            for i in 0..<agents where used[i] + resource[i][j] <= capacity[i] {
                var u = used
                u[i] += resource[i][j]
                at[j] = i
                visit(j + 1, u, value + cost[i][j])
            }
        }
        visit(0, [Int](repeating: 0, count: agents), 0)
        optimum = best!
        solutions = all
        bestWith = with
        bestWithout = without
    }

    /// The instance's placement model (one lab per agent, one fellow per job).
    var placement: PlacementModel { PlacementModel(scenario: instance.scenario()) }
}

@Suite struct LagrangianTests {
    static let instances: [SmallGAP] = [
        SmallGAP(agents: 3, jobs: 7, seed: 1, sense: .max),
        SmallGAP(agents: 3, jobs: 7, seed: 2, sense: .min),
        SmallGAP(agents: 4, jobs: 6, seed: 3, sense: .min, tightness: 0.9),
        SmallGAP(agents: 2, jobs: 9, seed: 4, sense: .max, tightness: 0.9)
    ]

    @Test func recognisesGAPShapeOnlyWhereItIs() throws {
        let g = Self.instances[0]
        let shape = try #require(AssignmentKnapsacks(g.placement.model))
        #expect(shape.groupCount == 7)
        #expect(shape.itemsOfKnapsack.count == 3)
        #expect(shape.integralObjective)
        // Continuous payments (any generated intake): not this shape.
        let intake = PlacementModel(scenario: IntakeGenerator(newFellows: 30, seed: 3).scenario())
        #expect(AssignmentKnapsacks(intake.model) == nil)
    }

    /// For any multipliers the bound is above every solution (maximisation
    /// form), and each conditional bound above every solution with that
    /// column forced: checked against enumeration.
    @Test(arguments: instances)
    func boundsHoldAgainstEnumeration(_ g: SmallGAP) throws {
        let model = g.placement.model
        let shape = try #require(AssignmentKnapsacks(model))
        let relaxation = LagrangianBound(shape)
        let sign = g.instance.sense == .max ? 1.0 : -1.0
        var r = SeededRandom(seed: 9)
        for trial in 0..<20 {
            let u = (0..<shape.groupCount).map { _ in trial == 0 ? 0 : Double(r.int(0...60)) * sign }
            let e = relaxation.evaluate(u)
            #expect(e.bound >= sign * Double(g.optimum) - 1e-9)
            let (with, without) = relaxation.conditionalBounds(u, bound: e.bound)
            for i in 0..<shape.itemCount {
                // Column name fellow job<j+1> at lab<i+1>: recover (agent, job) from the model.
                let (agent, job) = agentAndJob(model.variables[shape.columns[i]].name)
                if let v = g.bestWith[agent][job] { #expect(with[i] >= sign * Double(v) - 1e-9) }
                if let v = g.bestWithout[agent][job] { #expect(without[i] >= sign * Double(v) - 1e-9) }
            }
        }
    }

    /// With and without the fixing, the engine proves the enumerated optimum;
    /// the fixed model keeps the solution it starts from.
    @Test(.tags(.slow), .enabled(if: SlowTests.enabled), arguments: instances)
    func fixingKeepsTheOptimum(_ g: SmallGAP) throws {
        let scenario = g.instance.scenario()
        var plain = PlacementEngine(solver: GLPKSolver())
        plain.lagrangianFixing = false
        var rootOnly = PlacementEngine(solver: GLPKSolver())
        rootOnly.lagrangianNodeBounds = false
        for engine in [plain, rootOnly, PlacementEngine(solver: GLPKSolver())] {
            let o = try engine.run(scenario)
            #expect(o.status == .optimal)
            #expect(o.objective == Double(g.optimum))
        }
        var model = g.placement.model
        let (start, report, _) = try #require(LagrangianFixing.apply(to: &model, start: nil, solver: GLPKSolver()))
        let s = try #require(start)
        #expect(model.isFeasible(s))
        #expect(
            report.incumbent.map { g.instance.sense == .max ? $0 <= Double(g.optimum) : $0 >= Double(g.optimum) }
                == true)
        #expect(report.fixedAtZero + report.fixedAtOne > 0)
        // The fixed model's optimum is the original's.
        let r = try GLPKSolver().solve(model, options: .deterministic, progress: nil)
        #expect(r.termination == .optimal)
        #expect(r.solution.map { ($0.objective - Double(g.optimum)).magnitude < 1e-6 } == true)
    }

    /// Re-solving parts (with moves sideways among placements of equal
    /// value) keeps the solution feasible and never makes it worse, in either
    /// sense; the same start gives the same result.
    @Test(
        .tags(.slow), .enabled(if: SlowTests.enabled),
        arguments: [SmallGAP(agents: 4, jobs: 8, seed: 21, sense: .min)] + instances)
    func neighbourhoodSearchOnlyImproves(_ g: SmallGAP) throws {
        let shape = try #require(AssignmentKnapsacks(g.placement.model))
        let heuristic = AssignmentHeuristic(shape)
        // Feasibility first: the lightest fill.
        let start = try #require(
            heuristic.complete(
                [Int?](repeating: nil, count: shape.groupCount),
                desirability: shape.weight.map { -Double($0) }))
        let search = NeighbourhoodSearch(
            shape: shape, solver: GLPKSolver(), boundWith: [Double](repeating: .infinity, count: shape.itemCount))
        var choice = start
        search.improve(&choice)
        #expect(heuristic.room(choice).allSatisfy { $0 >= 0 })
        #expect(choice.allSatisfy { $0 != nil })
        let before = shape.objective(of: start), after = shape.objective(of: choice)
        if g.instance.sense == .min {
            #expect(after <= before)
            #expect(after >= Double(g.optimum))
        } else {
            #expect(after >= before)
            #expect(after <= Double(g.optimum))
        }
        var again = start
        search.improve(&again)
        #expect(again == choice)
    }

    /// A deadline already past solves no part and leaves the solution as it was.
    @Test func neighbourhoodSearchStopsAtItsDeadline() throws {
        let g = SmallGAP(agents: 4, jobs: 8, seed: 21, sense: .min)
        let shape = try #require(AssignmentKnapsacks(g.placement.model))
        let start = try #require(
            AssignmentHeuristic(shape).complete(
                [Int?](repeating: nil, count: shape.groupCount),
                desirability: shape.weight.map { -Double($0) }))
        var choice = start
        let parts = NeighbourhoodSearch(
            shape: shape, solver: GLPKSolver(), boundWith: [Double](repeating: .infinity, count: shape.itemCount)
        )
        .improve(&choice, deadline: .now - .seconds(1))
        #expect(parts == 0)
        #expect(choice == start)
    }

    /// Every part stays within its columns, holds every group placed in its
    /// knapsacks (with its current item), and only items in those knapsacks.
    @Test(arguments: instances)
    func partsHoldWhatIsPlacedInTheirKnapsacks(_ g: SmallGAP) throws {
        let shape = try #require(AssignmentKnapsacks(g.placement.model))
        let empty = [Int?](repeating: nil, count: shape.groupCount)
        let heuristic = AssignmentHeuristic(shape)
        let choice = try #require(
            heuristic.complete(empty, desirability: shape.value)
                ?? heuristic.complete(empty, desirability: shape.weight.map { -Double($0) }))
        let search = NeighbourhoodSearch(
            shape: shape, solver: GLPKSolver(), boundWith: [Double](repeating: .infinity, count: shape.itemCount))
        var random = SeededRandom(seed: 7)
        for columns in [4, 8, 12, 300] {
            let part = search.drawPart(choice, columns: columns, &random)
            let knapsacks = Set(part.knapsacks)
            #expect(knapsacks.count == part.knapsacks.count)
            // The first knapsack is taken whatever its size; others only within.
            #expect(part.knapsacks.count == 1 || part.columns <= columns)
            let placed = choice.indices.filter { g in choice[g].map { knapsacks.contains(shape.knapsack[$0]) } ?? false
            }
            #expect(part.groups == placed)
            for (r, g) in part.groups.enumerated() {
                #expect(part.items[r].contains(choice[g]!))
                #expect(part.items[r].allSatisfy { knapsacks.contains(shape.knapsack[$0]) })
            }
        }
        // Items whose bound cannot beat the current solution by 1 are left
        // out (here every odd item), except where a group is placed now.
        let value = choice.reduce(0.0) { $0 + ($1.map { shape.value[$0] } ?? 0) }
        let narrowed = NeighbourhoodSearch(
            shape: shape, solver: GLPKSolver(),
            boundWith: shape.value.indices.map { $0 % 2 == 0 ? value + 1 : value + 0.5 })
        let part = narrowed.drawPart(choice, columns: 300, &random)
        for (r, g) in part.groups.enumerated() {
            #expect(part.items[r].allSatisfy { $0 == choice[g]! || $0 % 2 == 0 })
        }
    }

    /// At random subproblems (columns fixed at 0 or 1), incumbents and
    /// targets, every prune and fix of the node bound, and every solution it
    /// offers, agrees with the enumerated solutions of the subproblem.
    @Test(arguments: instances)
    func nodeBoundAgreesWithEnumeration(_ g: SmallGAP) throws {
        let model = g.placement.model
        let shape = try #require(AssignmentKnapsacks(model))
        let sign = g.instance.sense == .max ? 1 : -1
        var placeOf: [Int: (Int, Int)] = [:]
        for j in shape.columns { placeOf[j] = agentAndJob(model.variables[j].name) }
        var r = SeededRandom(seed: 77)
        var pruned = 0, fixed = 0
        for trial in 0..<60 {
            var lower = model.variables.map { $0.lower ?? 0 }
            var upper = model.variables.map { $0.upper ?? 1 }
            for j in shape.columns {
                switch r.int(0...99) {
                case 0..<12: upper[j] = 0
                case 12..<17: lower[j] = 1
                default: break
                }
            }
            let inside = g.solutions.filter { s in
                shape.columns.allSatisfy { j in
                    let (agent, job) = placeOf[j]!
                    let x = s.agents[job] == agent ? 1.0 : 0.0
                    return x >= lower[j] && x <= upper[j]
                }
            }
            // Incumbents around the optimum; every third trial also a target.
            let incumbent = g.optimum - sign * r.int(-3...12)
            let nodeBound = LagrangianNodeBound(
                shape: shape, multipliers: [Double](repeating: 0, count: shape.groupCount),
                best: -.infinity, columnCount: model.variables.count)
            var wanted = sign * incumbent + 1  // maximisation form
            if trial % 3 == 0 {
                let target = sign * g.optimum - r.int(0...4)
                nodeBound.target = Double(target)
                wanted = max(wanted, target)
            }
            let interesting = inside.filter { sign * $0.value >= wanted }
            let verdict = nodeBound.examine(SearchNode(lower: lower, upper: upper, incumbent: Double(incumbent)))
            if verdict.prune {
                pruned += 1
                #expect(interesting.isEmpty)
                continue
            }
            for t in verdict.tightened {
                fixed += 1
                let (agent, job) = try #require(placeOf[t.variable])
                #expect(interesting.allSatisfy { ($0.agents[job] == agent) == (t.lower == 1) })
            }
            if let s = verdict.solution {
                #expect(model.isFeasible(s))
                #expect(s.indices.allSatisfy { s[$0] >= lower[$0] && s[$0] <= upper[$0] })
            }
        }
        // The checks above must have had something to check.
        #expect(pruned > 0 && fixed > 0)
    }

    /// Repairing everyone's most valuable choice (over capacity) ends within
    /// capacity with every group served, or says it cannot; the result is
    /// never better than the enumerated optimum.
    @Test func repairEndsWithinCapacity() throws {
        var repaired = 0
        for g in Self.instances + [SmallGAP(agents: 4, jobs: 8, seed: 21, sense: .min, tightness: 0.95)] {
            let shape = try #require(AssignmentKnapsacks(g.placement.model))
            let heuristic = AssignmentHeuristic(shape)
            var choice: [Int?] = shape.itemsOfGroup.map { items in
                items.max { (shape.value[$0], -$0) < (shape.value[$1], -$1) }
            }
            let taken = shape.value.indices.map { i in choice.contains(i) }
            let sign = shape.minimize ? -1.0 : 1.0
            if heuristic.repair(&choice) {
                repaired += 1
                #expect(heuristic.room(choice).allSatisfy { $0 >= 0 })
                #expect(choice.allSatisfy { $0 != nil })
                #expect(sign * shape.objective(of: choice) <= sign * Double(g.optimum) + 1e-9)
            }
            if let s = heuristic.solution(fromRelaxation: taken, desirability: shape.value) {
                #expect(heuristic.room(s).allSatisfy { $0 >= 0 })
                #expect(sign * shape.objective(of: s) <= sign * Double(g.optimum) + 1e-9)
            }
        }
        #expect(repaired > 0)
    }

    /// Probes from a poor start and a loose bound still end at the enumerated
    /// optimum, called optimal.
    @Test(arguments: instances)
    func targetedSearchReachesTheOptimum(_ g: SmallGAP) throws {
        let model = g.placement.model
        let shape = try #require(AssignmentKnapsacks(model))
        let heuristic = AssignmentHeuristic(shape)
        let lightest = try #require(
            heuristic.complete(
                [Int?](repeating: nil, count: shape.groupCount),
                desirability: shape.weight.map { -Double($0) }))
        let start = shape.modelValues(lightest, columnCount: model.variables.count)
        let loose =
            shape.objectiveConstant + (shape.minimize ? -1 : 1)
            * LagrangianBound(shape).evaluate([Double](repeating: 0, count: shape.groupCount)).bound
        let nodeBound = LagrangianNodeBound(
            shape: shape, multipliers: [Double](repeating: 0, count: shape.groupCount),
            best: -.infinity, columnCount: model.variables.count)
        var options = SolverOptions()
        options.presolve = false
        let r = try TargetedSearch(solver: GLPKSolver(), nodeBound: nodeBound, log: nil)
            .solve(model, start: start, bound: loose, options: options, progress: nil)
        #expect(r.termination == .optimal)
        #expect(r.solution?.objective == Double(g.optimum))
        #expect(r.solution.map { model.isFeasible($0.values) } == true)
        #expect(nodeBound.target == nil)
    }

    func agentAndJob(_ columnName: String) -> (Int, Int) {
        // assign(job3,lab2,mentor2) and the like: the numbers after "job" and "lab".
        func number(after key: String) -> Int {
            let tail = columnName[columnName.range(of: key)!.upperBound...]
            return Int(tail.prefix { $0.isNumber })! - 1
        }
        return (number(after: "lab"), number(after: "job"))
    }
}
