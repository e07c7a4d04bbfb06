// swift-tools-version: 6.1
import PackageDescription

// FellowMatch benchmarks: a package of its own, so the main package builds
// without benchmark dependencies (as swift-nio does).
//
//   swift package benchmark                       # timing and peak memory (ordo-one/benchmark)
//   swift run -c release gap-suite --help         # OR-Library GAP suite vs glpsol
let package = Package(
    name: "FellowMatchBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "FellowMatch", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        .executableTarget(
            name: "PlacementBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Domain", package: "FellowMatch"),
                .product(name: "PlacementSolver", package: "FellowMatch"),
                .product(name: "GLPKBackend", package: "FellowMatch"),
                .product(name: "Reports", package: "FellowMatch"),
                .product(name: "SeminarSolver", package: "FellowMatch"),
                .product(name: "IntakeGenerator", package: "FellowMatch"),
                .product(name: "Workbooks", package: "FellowMatch")
            ],
            path: "Benchmarks/PlacementBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "gap-suite",
            dependencies: [
                .product(name: "BenchmarkSupport", package: "FellowMatch"),
                .product(name: "ORLibrary", package: "FellowMatch"),
                .product(name: "Modeling", package: "FellowMatch"),
                .product(name: "ArgumentParser", package: "swift-argument-parser")
            ],
            path: "Sources/gap-suite"
        )
    ],
    swiftLanguageModes: [.v6]
)
