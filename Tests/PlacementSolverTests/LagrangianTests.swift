import Domain
import GLPKBackend
import IntakeGenerator
import Modeling
import ORLibrary
@testable import PlacementSolver
import Testing

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
        func record(_ v: Int, _ slot: inout Int?) { if slot.map({ better(v, $0) }) ?? true { slot = v } }
        func visit(_ j: Int, _ used: [Int], _ value: Int) {
            if j == jobs {
                record(value, &best)
                for i in 0..<agents { for k in 0..<jobs { if at[k] == i { record(value, &with[i][k]) } else { record(value, &without[i][k]) } } }
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
        SmallGAP(agents: 2, jobs: 9, seed: 4, sense: .max, tightness: 0.9),
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
    @Test(arguments: instances)
    func fixingKeepsTheOptimum(_ g: SmallGAP) throws {
        let scenario = g.instance.scenario()
        var plain = PlacementEngine(solver: GLPKSolver())
        plain.lagrangianFixing = false
        for engine in [plain, PlacementEngine(solver: GLPKSolver())] {
            let o = try engine.run(scenario)
            #expect(o.status == .optimal)
            #expect(o.objective == Double(g.optimum))
        }
        var model = g.placement.model
        let (start, report) = try #require(LagrangianFixing.apply(to: &model, start: nil, solver: GLPKSolver()))
        let s = try #require(start)
        #expect(model.isFeasible(s))
        #expect(report.incumbent.map { g.instance.sense == .max ? $0 <= Double(g.optimum) : $0 >= Double(g.optimum) } == true)
        #expect(report.fixedAtZero + report.fixedAtOne > 0)
        // The fixed model's optimum is the original's.
        let r = try GLPKSolver().solve(model, options: .deterministic, progress: nil)
        #expect(r.termination == .optimal)
        #expect(r.solution.map { ($0.objective - Double(g.optimum)).magnitude < 1e-6 } == true)
    }

    /// Re-solving parts keeps the solution feasible and never makes it worse.
    @Test func neighbourhoodSearchOnlyImproves() throws {
        let g = SmallGAP(agents: 4, jobs: 8, seed: 21, sense: .min)
        let shape = try #require(AssignmentKnapsacks(g.placement.model))
        let heuristic = AssignmentHeuristic(shape)
        // Feasibility first: the lightest fill.
        var choice = try #require(heuristic.complete([Int?](repeating: nil, count: shape.groupCount),
                                                   desirability: shape.weight.map { -Double($0) }))
        let before = shape.objective(of: choice)
        NeighbourhoodSearch(shape: shape, solver: GLPKSolver(), usable: [Bool](repeating: true, count: shape.itemCount)).improve(&choice)
        #expect(heuristic.room(choice).allSatisfy { $0 >= 0 })
        #expect(choice.allSatisfy { $0 != nil })
        let after = shape.objective(of: choice)
        #expect(after <= before)
        #expect(after >= Double(g.optimum))
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
