import Benchmark
import Domain
import Foundation
import GLPKBackend
import IntakeGenerator
import PlacementSolver
import Reports
import SeminarSolver
import Workbooks

/// The repository root (this file is Benchmarks/Benchmarks/PlacementBenchmarks/…).
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// A comma-separated list of numbers from the environment, or `fallback`.
func list(_ name: String, _ fallback: [Int]) -> [Int] {
    ProcessInfo.processInfo.environment[name].map { $0.split(separator: ",").compactMap { Int($0) } } ?? fallback
}

/// Sizes of generated intakes (new fellows); FELLOWMATCH_BENCH_SIZES=300 narrows them.
let sizes = list("FELLOWMATCH_BENCH_SIZES", [300, 1000, 5000])
/// Objective kinds; FELLOWMATCH_BENCH_KINDS=total-rank,generous narrows them.
let kinds: [ObjectiveKind] =
    ProcessInfo.processInfo.environment["FELLOWMATCH_BENCH_KINDS"].map {
        $0.split(separator: ",").compactMap { ObjectiveKind(rawValue: String($0)) }
    } ?? [.totalRank, .score, .rankMaximal, .generous]
/// Intakes read as a folder and as one workbook (new fellows);
/// FELLOWMATCH_BENCH_READ_SIZES=1000 narrows them.
let readSizes = list("FELLOWMATCH_BENCH_READ_SIZES", [5000])
/// Seminar series by fellows in the program (new and continuing);
/// FELLOWMATCH_BENCH_SEMINAR_SIZES=100 narrows them.
let seminarSizes = list("FELLOWMATCH_BENCH_SEMINAR_SIZES", [100, 500, 1700])

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident], timeUnits: .milliseconds,
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

    // Reading a generated intake from its folder and from the same data as
    // one workbook (the goal: the workbook within twice the folder's time).
    for n in readSizes {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fellowmatch-bench-read-\(n)")
        let book = folder.appendingPathExtension("xlsx")
        try? FileManager.default.removeItem(at: folder)
        try? FileManager.default.removeItem(at: book)
        let scenario = IntakeGenerator(newFellows: n).scenario()
        try? ScenarioWriter.write(scenario, to: folder)
        try? ScenarioWorkbook.write(ScenarioWriter.files(for: scenario), to: book.path)
        Benchmark("read folder, \(n) new fellows", configuration: .init(maxIterations: 5)) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try ScenarioReader().read(folder: folder)) }
        }
        Benchmark("read workbook, \(n) new fellows", configuration: .init(maxIterations: 5)) { benchmark in
            for _ in benchmark.scaledIterations {
                let input = try WorkbookReader.read(book, shownAs: book.lastPathComponent)
                blackHole(try ScenarioReader.parse(texts: input.texts, defaultName: "x", initialIssues: input.issues))
            }
        }
    }

    // Generated intakes, every objective kind: model building and solve
    // (the scenario is generated in setup). Each must be proved optimal.
    for n in sizes {
        for kind in kinds {
            var scenario = IntakeGenerator(newFellows: n, seminars: false).scenario()
            scenario.settings.objective = kind
            Benchmark(
                "placement \(kind.rawValue), \(n) new fellows",
                configuration: .init(
                    warmupIterations: n >= 1000 ? 0 : 1, maxDuration: .seconds(n >= 1000 ? 120 : 30),
                    maxIterations: n >= 5000 ? 1 : n >= 1000 ? 3 : 10)
            ) { benchmark in
                for _ in benchmark.scaledIterations {
                    let o = try PlacementEngine(solver: GLPKSolver()).run(scenario)
                    precondition(o.status == .optimal, "\(kind.rawValue) at \(n): \(o.status)")
                    blackHole(o)
                }
            }
        }
    }

    // Rule 8 (issue 24): the same generated intakes with the appointment
    // rules on (kinds, slots), against `placement total-rank` above in the
    // same run. Placement and the funding split; each must be proved optimal.
    for n in list("FELLOWMATCH_BENCH_RULE8_SIZES", [1000, 5000]) {
        let scenario = IntakeGenerator(newFellows: n, seminars: false, appointmentRules: true).scenario()
        Benchmark(
            "placement with rule 8, \(n) new fellows",
            configuration: .init(warmupIterations: 0, maxDuration: .seconds(600), maxIterations: n >= 5000 ? 1 : 3)
        ) { benchmark in
            for _ in benchmark.scaledIterations {
                let o = try PlacementEngine(solver: GLPKSolver()).run(scenario)
                precondition(o.status == .optimal, "rule 8 at \(n): \(o.status)")
                blackHole(o)
            }
        }
    }

    // Seminar series of generated intakes: the schedule only, from the
    // placement (solved in setup). Each must keep every hard rule.
    for fellows in seminarSizes {
        // The generator's continuing fellows are 3/4 of the new ones.
        let scenario = IntakeGenerator(newFellows: max(1, fellows * 4 / 7)).scenario()
        let placements = (try? PlacementEngine(solver: GLPKSolver()).run(scenario))?.placements ?? []
        Benchmark(
            "seminars, \(scenario.fellows.count) fellows",
            configuration: .init(
                warmupIterations: fellows >= 1000 ? 0 : 1, maxDuration: .seconds(60),
                maxIterations: fellows >= 1000 ? 3 : 10)
        ) { benchmark in
            for _ in benchmark.scaledIterations {
                let o = try SeminarScheduler(solver: GLPKSolver()).schedule(scenario, placements: placements)
                precondition(o.hasSchedule, "seminars at \(fellows): \(o.status)")
                blackHole(o)
            }
        }
    }
}
