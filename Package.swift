// swift-tools-version: 6.1
import PackageDescription

// FellowMatch: matches postdoctoral fellows to labs, mentors and funding, and
// schedules the seminar series. The data flows one way: files → Domain →
// models → GLPK → outcomes → Reports, with ProgramOffice owning the use cases
// and the command line only parsing, calling and printing. Each module and
// the modules it imports (no cycle, no arrow back):
//
//   Modeling         (none)          the modeling layer: variables, rows, options
//   CGLPKGuard       CGLPK           the C that guards GLPK's abort()
//   GLPKBackend      Modeling, CGLPK, CGLPKGuard
//   Domain           (none)          the scenario format, what-ifs, text for people
//   PlacementSolver  Domain, Modeling
//   SeminarSolver    Domain, Modeling, PlacementSolver
//   RunHistory       Domain, PlacementSolver, SeminarSolver          (GRDB, swift-crypto)
//   Reports          Domain, PlacementSolver, SeminarSolver, RunHistory (swift-mustache, swift-crypto)
//   Workbooks        Domain, CXLSXWriter (libxlsxwriter)  (ZIPFoundation, CSV.swift)
//   ProgramOffice    Domain, Modeling, GLPKBackend, PlacementSolver, SeminarSolver,
//                    RunHistory, Reports, Workbooks, IntakeGenerator
//   WebOffice        ProgramOffice, Domain, Modeling, Reports, RunHistory
//                    (Hummingbird, HummingbirdBcrypt, MultipartKit, GRDB, swift-crypto, swift-mustache, ZIPFoundation)
//   fellowmatch      ProgramOffice, WebOffice, Reports, RunHistory, Domain  (swift-argument-parser)
//   IntakeGenerator, ORLibrary  Domain;  BenchmarkSupport  for Benchmarks/
let package = Package(
    name: "FellowMatch",
    products: [
        .executable(name: "fellowmatch", targets: ["fellowmatch"]),
        .library(name: "Modeling", targets: ["Modeling"]),
        .library(name: "GLPKBackend", targets: ["GLPKBackend"]),
        .library(name: "Domain", targets: ["Domain"]),
        .library(name: "PlacementSolver", targets: ["PlacementSolver"]),
        .library(name: "SeminarSolver", targets: ["SeminarSolver"]),
        .library(name: "Reports", targets: ["Reports"]),
        .library(name: "RunHistory", targets: ["RunHistory"]),
        .library(name: "ProgramOffice", targets: ["ProgramOffice"]),
        .library(name: "WebOffice", targets: ["WebOffice"]),
        .library(name: "Workbooks", targets: ["Workbooks"]),
        .library(name: "ORLibrary", targets: ["ORLibrary"]),
        .library(name: "IntakeGenerator", targets: ["IntakeGenerator"]),
        .library(name: "BenchmarkSupport", targets: ["BenchmarkSupport"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        // SHA-256 for the history's chain and the output folder's manifest (BoringSSL on Linux).
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // The program office in a browser: the HTTP server, bcrypt for passwords, multipart uploads.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/vapor/multipart-kit", exact: "4.7.1")
    ],
    targets: [
        // GLPK as Debian ships it (libglpk-dev; no pkg-config file).
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        // The few lines of C that guard GLPK's abort() and host its callback.
        .target(
            name: "CGLPKGuard",
            dependencies: ["CGLPK"],
            linkerSettings: [.linkedLibrary("glpk")]
        ),
        // Variables, expressions, constraints, objective, options, results. No GLPK.
        .target(name: "Modeling"),
        // Beasley's OR-Library GAP files: test and benchmark data with known optima.
        .target(name: "ORLibrary", dependencies: ["Domain"]),
        // Seeded, realistic intakes of any size (benchmarks and their tests).
        .target(name: "IntakeGenerator", dependencies: ["Domain"]),
        // The OR-Library runner and glpsol comparison behind Benchmarks/ (tested here).
        .target(
            name: "BenchmarkSupport",
            dependencies: ["Domain", "ORLibrary", "PlacementSolver", "GLPKBackend", "Modeling"]),
        .target(name: "GLPKBackend", dependencies: ["Modeling", "CGLPK", "CGLPKGuard"]),
        .target(
            name: "Domain",
            dependencies: [
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "CSV", package: "CSV.swift")
            ]
        ),
        .target(name: "PlacementSolver", dependencies: ["Domain", "Modeling"]),
        .target(name: "SeminarSolver", dependencies: ["Domain", "Modeling", "PlacementSolver"]),
        .target(
            name: "Reports",
            dependencies: [
                "Domain", "PlacementSolver", "SeminarSolver", "RunHistory",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto")
            ]
        ),
        // libxlsxwriter as Debian ships it (libxlsxwriter-dev).
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        // Excel workbooks: a scenario read from one, results written to one.
        .target(
            name: "Workbooks",
            dependencies: [
                "Domain", "CXLSXWriter", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "CSV", package: "CSV.swift")
            ]
        ),
        // The use cases every front end calls: values and verdicts, never printing.
        .target(
            name: "ProgramOffice",
            dependencies: [
                "Domain", "Modeling", "GLPKBackend", "PlacementSolver", "SeminarSolver", "RunHistory", "Reports",
                "IntakeGenerator", "Workbooks"
            ]
        ),
        // The record of every run and of the official match of each intake (SQLite through GRDB).
        .target(
            name: "RunHistory",
            dependencies: [
                "Domain", "PlacementSolver", "SeminarSolver", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C interface, for the seal's hashing of every row (HistorySeal).
                .product(name: "GRDBSQLite", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto")
            ]
        ),
        // The program office in a browser: pages, accounts and sessions over ProgramOffice.
        .target(
            name: "WebOffice",
            dependencies: [
                "Domain", "Modeling", "Reports", "RunHistory", "ProgramOffice",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation")
            ]
        ),
        .executableTarget(
            name: "fellowmatch",
            dependencies: [
                "Domain", "Reports", "RunHistory", "ProgramOffice", "WebOffice",
                .product(name: "ArgumentParser", package: "swift-argument-parser")
            ]
        ),
        .testTarget(name: "ModelingTests", dependencies: ["Modeling"]),
        .testTarget(name: "GLPKBackendTests", dependencies: ["GLPKBackend", "Modeling", "ORLibrary"]),
        .testTarget(name: "DomainTests", dependencies: ["Domain"]),
        .testTarget(
            name: "PlacementSolverTests",
            dependencies: [
                "PlacementSolver", "Domain", "GLPKBackend", "Modeling", "Reports", "ORLibrary", "IntakeGenerator",
                "TestSupport"
            ]
        ),
        .testTarget(
            name: "SeminarSolverTests",
            dependencies: ["SeminarSolver", "PlacementSolver", "Domain", "GLPKBackend", "Reports", "IntakeGenerator"]
        ),
        .target(
            name: "TestSupport", dependencies: [.product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/TestSupport"),
        .testTarget(
            name: "RunHistoryTests",
            dependencies: ["RunHistory", "Domain", "PlacementSolver", "GLPKBackend", "TestSupport"]),
        .testTarget(
            name: "ReportsTests", dependencies: ["Reports", "Domain", "PlacementSolver", "SeminarSolver", "GLPKBackend"]
        ),
        .testTarget(name: "WhatIfTests", dependencies: ["Domain", "PlacementSolver", "GLPKBackend", "Reports"]),
        .testTarget(
            name: "BenchmarkSupportTests",
            dependencies: ["BenchmarkSupport", "IntakeGenerator", "Domain", "PlacementSolver", "GLPKBackend"]
        ),
        .testTarget(
            name: "WorkbooksTests",
            dependencies: [
                "Workbooks", "Domain", "ProgramOffice", "TestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation")
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "ProgramOfficeTests",
            dependencies: [
                "ProgramOffice", "Domain", "Modeling", "PlacementSolver", "RunHistory", "Reports", "SeminarSolver",
                "TestSupport"
            ]
        ),
        .testTarget(
            name: "WebOfficeTests",
            dependencies: [
                "WebOffice", "ProgramOffice", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird")
            ]
        ),
        .testTarget(name: "FellowMatchCLITests", dependencies: ["fellowmatch", "TestSupport"], exclude: ["Help"]),
        .testTarget(
            name: "FuzzTests",
            dependencies: [
                "Domain", "PlacementSolver", "SeminarSolver", "GLPKBackend", "Modeling", "Reports", "ProgramOffice",
                "TestSupport"
            ])
    ],
    swiftLanguageModes: [.v6]
)
