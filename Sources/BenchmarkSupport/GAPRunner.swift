import Domain
import Foundation
import GLPKBackend
import Modeling
import ORLibrary
import PlacementSolver

/// One OR-Library instance solved one way.
public struct GAPRunResult: Sendable {
    public var instance: String
    public var known: Int
    /// `optimal` or `best-known` (optima.tsv).
    public var knownKind: String
    public var found: Double?
    public var provedOptimal: Bool
    public var seconds: Double

    public init(instance: String, known: Int, knownKind: String, found: Double?, provedOptimal: Bool, seconds: Double) {
        self.instance = instance
        self.known = known
        self.knownKind = knownKind
        self.found = found
        self.provedOptimal = provedOptimal
        self.seconds = seconds
    }

    /// A claim of optimality that disagrees with the published optimum: a bug.
    public var contradictsOptimum: Bool {
        guard provedOptimal, let found else { return false }
        return knownKind == "optimal" && abs(found - Double(known)) > 1e-6
    }

    /// Relative distance from the published value, when a solution exists.
    public var relativeGap: Double? {
        found.map { abs($0 - Double(known)) / max(1, abs(Double(known))) }
    }
}

/// Runs OR-Library GAP instances through the full scenario path (instance →
/// scenario folder → reader → placement engine), and the same models through
/// `glpsol` for comparison.
public struct GAPRunner: Sendable {
    public var folder: URL
    public var timeLimit: Double
    /// Cut families to force (`nil`: the engine's own choice).
    public var cuts: Set<CutFamily>?

    public init(folder: URL, timeLimit: Double = 60, cuts: Set<CutFamily>? = nil) {
        self.folder = folder
        self.timeLimit = timeLimit
        self.cuts = cuts
    }

    public func references(files: Set<String>? = nil) throws -> [GAPReference] {
        try GAPLibrary.references(in: folder).filter { files?.contains($0.file) ?? true }
    }

    /// The scenario of an instance, written to a folder and read back.
    func scenario(_ ref: GAPReference, in work: URL) throws -> Scenario {
        let instance = try GAPLibrary.instance(ref, in: folder)
        let dir = work.appendingPathComponent(ref.instance)
        try? FileManager.default.removeItem(at: dir)
        try ScenarioWriter.write(instance.scenario(), to: dir)
        return try ScenarioReader().read(folder: dir).scenario
    }

    /// FellowMatch: the full path, timed from reading the folder to the outcome.
    public func runFellowMatch(_ ref: GAPReference, work: URL) throws -> GAPRunResult {
        let instance = try GAPLibrary.instance(ref, in: folder)
        let dir = work.appendingPathComponent(ref.instance)
        try? FileManager.default.removeItem(at: dir)
        try ScenarioWriter.write(instance.scenario(), to: dir)
        let start = Date()
        let s = try ScenarioReader().read(folder: dir).scenario
        var options = SolverOptions()
        options.timeLimit = timeLimit
        if let cuts { options.cuts = cuts }
        let o = try PlacementEngine(solver: GLPKSolver(), options: options).run(s)
        return GAPRunResult(
            instance: ref.instance, known: ref.value, knownKind: ref.kind, found: o.objective,
            provedOptimal: o.status == .optimal, seconds: Date().timeIntervalSince(start))
    }

    /// The same model exported as CPLEX LP and solved by `glpsol` with its
    /// defaults (and `extraArguments`), timed as a whole command.
    public func runGlpsol(_ ref: GAPReference, work: URL, glpsol: String = "glpsol", extraArguments: [String] = [])
        throws -> GAPRunResult
    {
        let s = try scenario(ref, in: work)
        let lp = work.appendingPathComponent("\(ref.instance).lp")
        let output = work.appendingPathComponent("\(ref.instance).sol")
        try GLPKSolver().export(PlacementModel(scenario: s).model, format: .lp, to: lp.path)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: glpsol.hasPrefix("/") ? glpsol : "/usr/bin/env")
        p.arguments =
            (glpsol.hasPrefix("/") ? [] : [glpsol]) + [
                "--lp", lp.path, "--tmlim", "\(Int(timeLimit.rounded(.up)))", "-o", output.path
            ] + extraArguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        let start = Date()
        try p.run()
        p.waitUntilExit()
        let seconds = Date().timeIntervalSince(start)
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        var found: Double?
        var optimal = false
        for line in text.split(separator: "\n") {
            if line.hasPrefix("Status:") { optimal = line.contains("INTEGER OPTIMAL") }
            if line.hasPrefix("Objective:"), let eq = line.firstIndex(of: "=") {
                let rest = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
                found = Double(rest.split(separator: " ").first ?? "")
            }
        }
        if text.contains("UNDEFINED") { found = nil }
        return GAPRunResult(
            instance: ref.instance, known: ref.value, knownKind: ref.kind, found: found, provedOptimal: optimal,
            seconds: seconds)
    }
}

/// A table of results with totals, as BENCHMARKS.md shows them.
public enum GAPReport {
    public static func table(_ rows: [(GAPRunResult, GAPRunResult?)]) -> String {
        var out = [
            "| instance | optimum | FellowMatch | proved | seconds | glpsol | proved | seconds | ratio |",
            "| --- | ---: | ---: | :---: | ---: | ---: | :---: | ---: | ---: |"
        ]
        func v(_ d: Double?) -> String {
            d.map { $0 == $0.rounded() ? String(Int($0)) : String(format: "%.1f", $0) } ?? "-"
        }
        for (f, g) in rows {
            let flag = f.contradictsOptimum ? " **WRONG**" : ""
            out.append(
                "| \(f.instance) | \(f.known)\(f.knownKind == "optimal" ? "" : "*") | \(v(f.found))\(flag) | \(f.provedOptimal ? "yes" : "no") | "
                    + String(format: "%.2f", f.seconds) + " | "
                    + (g.map {
                        "\(v($0.found)) | \($0.provedOptimal ? "yes" : "no") | " + String(format: "%.2f", $0.seconds)
                            + " | " + String(format: "%.1f×", $0.seconds / max(f.seconds, 1e-3))
                    }
                        ?? "- | - | - | -") + " |")
        }
        let proved = rows.filter { $0.0.provedOptimal }.count
        let total = rows.reduce(0) { $0 + $1.0.seconds }
        var totals = "| **total** | | | **\(proved)/\(rows.count)** | **" + String(format: "%.2f", total) + "** | "
        let g = rows.compactMap(\.1)
        if g.count == rows.count {
            let gt = g.reduce(0) { $0 + $1.seconds }
            totals +=
                "| **\(g.filter(\.provedOptimal).count)/\(g.count)** | **" + String(format: "%.2f", gt) + "** | **"
                + String(format: "%.1f×", gt / max(total, 1e-3)) + "** |"
        } else {
            totals += "| | | | |"
        }
        out.append(totals)
        return out.joined(separator: "\n")
    }
}
