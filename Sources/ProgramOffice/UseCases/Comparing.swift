import Domain
import Foundation
import GLPKBackend
import Modeling
import PlacementSolver
import Reports
import SeminarSolver

/// A base program and its what-ifs, opened for a comparison: the ones that
/// could be read, and the problems of those that could not.
public struct OpenedComparison: Sendable {
    public var base: OpenedProgram
    /// Every what-if in the order given: opened, or why it could not be.
    public var whatIfs: [(path: String, opened: Result<OpenedProgram, OfficeError>)]
    /// The what-if files that could not be read.
    public var unreadable: [String] {
        whatIfs.compactMap { entry in
            if case .failure = entry.opened { return entry.path }
            return nil
        }
    }
}

/// A comparison solved and written.
public struct ComparisonResult: Sendable {
    public var comparison: Comparison
    public var output: String
    public var files: [String: Data]
    public var writeNotes: [String]
    /// What-ifs left out because they could not be read.
    public var unreadable: [String]
    public var whatIfCount: Int

    /// ``Verdict/incomplete`` when a what-if was left out.
    public var verdict: Verdict { unreadable.isEmpty ? .solved : .incomplete }
}

extension Office {
    /// Opens a base program and what-ifs; a what-if that cannot be read is
    /// left out (with its problems), the base must be readable.
    public func openComparison(base: String, whatIfs: [String]) throws(OfficeError) -> OpenedComparison {
        let opened = try open(base)
        let entries = whatIfs.map { path in
            (path: path, opened: Result { () throws(OfficeError) -> OpenedProgram in try open(path) })
        }
        return OpenedComparison(base: opened, whatIfs: entries)
    }

    /// Solves the base and every readable what-if at once, each on a thread of
    /// its own, and writes comparison.md, .csv, .json and .html.
    ///
    /// - Parameter output: the folder; `nil`: the first what-if's folder's
    ///   `out`, else `BASE/out-compare`.
    /// - Throws: ``OfficeError/Code/nothingToCompare`` when what-ifs were given
    ///   and none could be read; otherwise as ``run(_:_:)``.
    public func compare(
        _ opened: OpenedComparison, output: String?, solve: SolveLimits, log: (@Sendable (String) -> Void)? = nil,
        stop: StopSignal? = nil
    ) throws(OfficeError) -> ComparisonResult {
        let readable = opened.whatIfs.compactMap { try? $0.opened.get() }
        if !opened.whatIfs.isEmpty && readable.isEmpty {
            throw OfficeError(.nothingToCompare, "No what-if could be read; nothing was solved or written.")
        }
        let path = URL(
            fileURLWithPath: output ?? Self.comparisonFolder(base: opened.base, whatIfs: opened.whatIfs.map(\.path))
        ).path
        let folder = try checkedOutput(path)
        let comparison = try solveSideBySide([opened.base] + readable, solve, log: log, stop: stop)
        let files = try comparisonFiles(comparison)
        return ComparisonResult(
            comparison: comparison, output: path, files: files, writeNotes: try write(files, to: folder),
            unreadable: opened.unreadable, whatIfCount: opened.whatIfs.count)
    }

    static func comparisonFolder(base: OpenedProgram, whatIfs: [String]) -> String {
        whatIfs.first.map { (($0 as NSString).deletingLastPathComponent as NSString).appendingPathComponent("out") }
            ?? (base.location.path as NSString).appendingPathComponent("out-compare")
    }

    private func solveSideBySide(
        _ programs: [OpenedProgram], _ solve: SolveLimits, log: (@Sendable (String) -> Void)?, stop: StopSignal?
    ) throws(OfficeError) -> Comparison {
        let engine = PlacementEngine(solver: solver, options: solve.placementOptions(log: log, stop: stop))
        let results = SolveThreads.map(programs) { p in
            Result { () throws(OfficeError) -> (PlacementOutcome, CommitteeOutcome?) in
                let outcome: PlacementOutcome
                do { outcome = try engine.run(p.scenario) } catch { throw OfficeError(.solverFailed, "\(error)") }
                guard outcome.hasPlacement else { return (outcome, nil) }
                return (outcome, try formCommittees(p.scenario, solve, log: log, stop: stop))
            }
        }
        var columns: [ComparedScenario] = []
        for (p, result) in zip(programs, results) {
            switch result {
            case .success(let (o, committees)):
                columns.append(
                    ComparedScenario(
                        label: p.label, description: p.description, scenario: p.scenario, outcome: o,
                        committees: committees))
            case .failure(let e): throw OfficeError(.solverFailed, "\(p.label): \(e.message)")
            }
        }
        return Comparison(columns)
    }

    private func comparisonFiles(_ comparison: Comparison) throws(OfficeError) -> [String: Data] {
        let json: String
        do { json = try comparison.json() } catch {
            throw OfficeError(.filesNotPrepared, "comparison.json could not be encoded (\(error)); nothing was written")
        }
        return [
            "comparison.md": Data(comparison.markdown().utf8), "comparison.csv": Data(comparison.csv().utf8),
            "comparison.json": Data(json.utf8), "comparison.html": Data(HTMLPages.comparison(comparison).utf8)
        ]
    }
}
