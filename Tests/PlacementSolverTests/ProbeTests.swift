import Domain
import Foundation
import GLPKBackend
import Modeling
import PlacementSolver
import Testing

@Suite(.enabled(if: ProcessInfo.processInfo.environment["FM_PROBE"] != nil))
struct ProbeTests {
    @Test func probe() throws {
        let s = try ScenarioReader().read(folder: URL(fileURLWithPath: ProcessInfo.processInfo.environment["FM_PROBE"]!)).scenario
        let t0 = Date()
        let m = PlacementModel(scenario: s).model
        print("PROBE build \(Date().timeIntervalSince(t0))")
        for (name, configure) in [("presolve-off", { (o: inout SolverOptions) in o.presolve = false; o.cuts = [.gomory, .cover, .clique] }),
                                  ("presolve-on", { (o: inout SolverOptions) in o.cuts = [.gomory, .cover, .clique] }),
                                  ("off-nocuts", { (o: inout SolverOptions) in o.presolve = false; o.cuts = [] })] {
            var o = SolverOptions()
            configure(&o)
            let r = try GLPKSolver().solve(m, options: o)
            print("PROBE \(name): \(r.termination) \(r.solution?.objective ?? -1) \(r.solveSeconds) s")
        }
    }
}
