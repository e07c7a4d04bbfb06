import Benchmark
import Domain
import Foundation
import GLPKBackend
import IntakeGenerator
import PlacementSolver
import Reports
import SeminarSolver

/// The repository root (this file is Benchmarks/Benchmarks/PlacementBenchmarks/…).
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// Sizes of generated intakes (new fellows); FELLOWMATCH_BENCH_SIZES=50,200 narrows them.
let sizes: [Int] = ProcessInfo.processInfo.environment["FELLOWMATCH_BENCH_SIZES"].map {
    $0.split(separator: ",").compactMap { Int($0) }
} ?? [50, 200, 1000, 5000]

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .peakMemoryResident], timeUnits: .milliseconds,
                                           maxDuration: .seconds(30), maxIterations: 10)

    // The demo scenario end to end: read, place, schedule, render every file.
    Benchmark("demo end to end") { benchmark in
        for _ in benchmark.scaledIterations {
            let s = try ScenarioReader().read(folder: root.appendingPathComponent("Scenarios/demo")).scenario
            let o = try PlacementEngine(solver: GLPKSolver()).run(s)
            let schedule = try SeminarScheduler(solver: GLPKSolver()).schedule(s, placements: o.placements)
            blackHole(try RunFiles.files(for: o, scenario: s, schedule: schedule))
        }
    }

    // Generated intakes: model building and solve (the scenario is generated in setup).
    for n in sizes {
        let scenario = IntakeGenerator(newFellows: n).scenario()
        Benchmark("generated intake \(n) new fellows",
                  configuration: .init(warmupIterations: n >= 1000 ? 0 : 1, maxDuration: .seconds(n >= 1000 ? 120 : 30),
                                       maxIterations: n >= 5000 ? 1 : n >= 1000 ? 3 : 10)) { benchmark in
            for _ in benchmark.scaledIterations {
                let o = try PlacementEngine(solver: GLPKSolver()).run(scenario)
                precondition(o.status == .optimal, "generated intake \(n): \(o.status)")
                blackHole(o)
            }
        }
    }
}
