import CGLPK
import CGLPKGuard
import Foundation
import Modeling

/// GLPK 5.0 as a `Solver`.
///
/// Each call builds its own GLPK problem, solves it and deletes it on the
/// calling thread (GLPK keeps its environment in thread-local storage and
/// aborts if a problem is deleted on another thread), then frees the thread's
/// GLPK environment. Invalid use that GLPK would answer with `abort()` is
/// caught by the C guard in `CGLPKGuard` and thrown as
/// `SolverError/solverFailure(message:)`; the process goes on.
public struct GLPKSolver: Solver {
    /// Check models before loading them (on by default). Switching it off lets
    /// GLPK see exactly what was built, which tests of the guard need.
    public var validatesModels: Bool

    public init(validatesModels: Bool = true) {
        self.validatesModels = validatesModels
    }

    public var name: String { "GLPK \(GLPKSolver.version)" }

    public static var version: String { String(cString: glp_version()) }

    public func solve(
        _ model: Model, options: SolverOptions,
        progress: (@Sendable (SolveProgress) -> Void)?
    ) throws(SolverError) -> SolveResult {
        if validatesModels {
            do { try model.validate() } catch { throw .invalidModel(error) }
        }
        let form = StandardForm(model)
        do {
            return try solve(form, options: options, progress: progress)
        } catch {
            // GLPK 5.0's MIP presolver can fail on a model it reduces to
            // nothing (e.g. "glp_add_cols: ncs = 0" once every column is
            // fixed). The guard caught it; the search without presolve is exact.
            guard options.presolve, case .solverFailure = error else { throw error }
            var retry = options
            retry.presolve = false
            if options.logLevel > .off {
                options.logSink?("GLPK's presolver failed (\(error)); solving again without it\n")
            }
            return try solve(form, options: retry, progress: progress)
        }
    }

    private func solve(
        _ form: StandardForm, options: SolverOptions,
        progress: (@Sendable (SolveProgress) -> Void)?
    ) throws(SolverError) -> SolveResult {
        let callbacks = CallbackBox(progress: progress, options: options)
        var outcome = fm_outcome()
        var values = [Double](repeating: 0, count: form.columnKinds.count)
        var duals = [Double](repeating: 0, count: form.rowNames.count)
        let rc: Int32 = withProblem(form) { problem in
            withParams(options) { params in
                let context = Unmanaged.passUnretained(callbacks).toOpaque()
                return values.withUnsafeMutableBufferPointer { v in
                    duals.withUnsafeMutableBufferPointer { d in
                        fm_solve(
                            problem, params,
                            progress == nil ? nil : glpkProgressTrampoline,
                            glpkLogTrampoline,
                            context, &outcome, v.baseAddress, d.baseAddress)
                    }
                }
            }
        }
        withExtendedLifetime(callbacks) {}
        if rc != 0 || outcome.fatal != 0 {
            throw .solverFailure(message: GLPKSolver.message(from: outcome))
        }
        return try GLPKSolver.result(from: outcome, values: values, duals: duals)
    }

    @discardableResult
    public func export(_ model: Model, format: ExportFormat, to path: String) throws(SolverError) -> ExportReport {
        if validatesModels {
            do { try model.validate() } catch { throw .invalidModel(error) }
        }
        let form = StandardForm(model)
        var message = [CChar](repeating: 0, count: Int(FM_MESSAGE_SIZE))
        let rc: Int32 = withProblem(form) { problem in
            fm_write(
                problem, format == .lp ? Int32(FM_FORMAT_LP.rawValue) : Int32(FM_FORMAT_MPS.rawValue),
                path, &message, message.count)
        }
        if rc != 0 {
            throw .io(
                path: path,
                message: GLPKSolver.trimmed(
                    String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
                    ?? "GLPK could not write the file")
        }
        let negated = format == .mps && form.maximize
        if negated {
            // Say so in the file: MPS readers would otherwise minimise the negation silently.
            do {
                let text = try String(contentsOfFile: path, encoding: .utf8)
                let note = "* FellowMatch: maximisation written as a minimisation of the negated objective.\n"
                try (note + text).write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                throw .io(path: path, message: "\(error)")
            }
        }
        return ExportReport(negatedObjective: negated)
    }

    /// Reads a CPLEX LP or free MPS file with GLPK and solves it. The result
    /// carries the objective and bound only (no variable values).
    public func solveFile(_ path: String, format: ExportFormat, options: SolverOptions = .deterministic)
        throws(SolverError) -> SolveResult
    {
        var outcome = fm_outcome()
        let rc: Int32 = withParams(options) { params in
            fm_solve_file(
                path, format == .lp ? Int32(FM_FORMAT_LP.rawValue) : Int32(FM_FORMAT_MPS.rawValue), params, &outcome)
        }
        if outcome.fatal != 0 { throw .solverFailure(message: GLPKSolver.message(from: outcome)) }
        if rc != 0 { throw .io(path: path, message: GLPKSolver.message(from: outcome)) }
        var result = try GLPKSolver.result(from: outcome, values: [], duals: [])
        if var s = result.solution {
            s.values = []
            result.solution = s
        }
        return result
    }

    // MARK: - Status mapping

    /// Combines GLPK's return code with its solution status (a return code of
    /// 0 alone does not mean optimal).
    static func result(from o: fm_outcome, values: [Double], duals: [Double]) throws(SolverError) -> SolveResult {
        let hasSolution: Bool
        let termination: TerminationReason
        let status = Int32(o.status)
        if o.is_mip != 0 {
            hasSolution = status == GLP_OPT || status == GLP_FEAS
            switch o.ret {
            case 0:
                termination =
                    status == GLP_OPT
                    ? .optimal : status == GLP_NOFEAS ? .infeasible : hasSolution ? .feasible : .interrupted
            case GLP_ETMLIM: termination = .timeLimit
            case GLP_EMIPGAP: termination = .gapLimit
            case GLP_ENOPFS: termination = .infeasible
            case GLP_ENODFS: termination = .unboundedOrInfeasible
            case GLP_ESTOP: termination = .interrupted
            default:
                throw .solverFailure(message: "\(returnCodeDescription(o.ret)). " + message(from: o))
            }
        } else {
            hasSolution = status == GLP_OPT
            switch o.ret {
            case 0:
                switch status {
                case GLP_OPT: termination = .optimal
                case GLP_NOFEAS: termination = .infeasible
                case GLP_UNBND: termination = .unboundedOrInfeasible
                default: termination = .interrupted
                }
            case GLP_ETMLIM: termination = .timeLimit
            case GLP_ENOPFS: termination = .infeasible
            case GLP_ENODFS: termination = .unboundedOrInfeasible
            default:
                throw .solverFailure(message: "\(returnCodeDescription(o.ret)). " + message(from: o))
            }
        }
        let solution =
            hasSolution
            ? Solution(values: values, objective: o.objective, duals: o.is_mip == 0 ? duals : nil)
            : nil
        var bound: Double? = o.has_bound != 0 ? o.bound : nil
        if termination == .optimal { bound = o.objective }
        return SolveResult(
            termination: termination, solution: solution, bound: bound,
            solveSeconds: o.elapsed, nodes: Int(o.nodes))
    }

    static func returnCodeDescription(_ code: Int32) -> String {
        switch code {
        case GLP_EBOUND: return "GLPK found incorrect bounds (GLP_EBOUND)"
        case GLP_EROOT: return "GLPK had no optimal basis for the root LP (GLP_EROOT)"
        case GLP_EFAIL: return "GLPK's solver failed (GLP_EFAIL)"
        case GLP_EBADB: return "GLPK's initial basis is invalid (GLP_EBADB)"
        case GLP_ESING: return "GLPK's basis matrix is singular (GLP_ESING)"
        case GLP_ECOND: return "GLPK's basis matrix is ill-conditioned (GLP_ECOND)"
        case GLP_EITLIM: return "GLPK reached its iteration limit (GLP_EITLIM)"
        default: return "GLPK returned code \(code)"
        }
    }

    static func message(from o: fm_outcome) -> String {
        var copy = o.message
        let text = withUnsafeBytes(of: &copy) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        return trimmed(text) ?? "GLPK reported an error without a message"
    }

    static func trimmed(_ s: String) -> String? {
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }
}

// MARK: - Callbacks from C

/// Holds the Swift side of the callbacks for the duration of one solve.
final class CallbackBox {
    let progress: (@Sendable (SolveProgress) -> Void)?
    let options: SolverOptions
    init(progress: (@Sendable (SolveProgress) -> Void)?, options: SolverOptions) {
        self.progress = progress
        self.options = options
    }
}

private func glpkProgressTrampoline(_ context: UnsafeMutableRawPointer?, _ p: UnsafePointer<fm_progress>?) {
    guard let context, let p else { return }
    let box = Unmanaged<CallbackBox>.fromOpaque(context).takeUnretainedValue()
    let r = p.pointee
    box.progress?(
        SolveProgress(
            incumbent: r.has_incumbent != 0 ? r.incumbent : nil,
            bound: r.has_bound != 0 ? r.bound : nil,
            gap: r.has_incumbent != 0 && r.gap.isFinite ? r.gap : nil,
            elapsedSeconds: r.elapsed,
            nodes: Int(r.nodes)))
}

private func glpkNodeTrampoline(_ context: UnsafeMutableRawPointer?, _ node: UnsafeMutablePointer<fm_node>?) {
    guard let context, let node else { return }
    let box = Unmanaged<CallbackBox>.fromOpaque(context).takeUnretainedValue()
    guard let examiner = box.options.nodeExaminer else { return }
    let n = Int(node.pointee.ncols)
    let lower = Array(UnsafeBufferPointer(start: node.pointee.lb, count: n))
    let upper = Array(UnsafeBufferPointer(start: node.pointee.ub, count: n))
    let verdict = examiner.examine(
        SearchNode(
            lower: lower, upper: upper,
            incumbent: node.pointee.has_incumbent != 0 ? node.pointee.incumbent : nil))
    if verdict.prune { node.pointee.prune = 1 }
    for t in verdict.tightened where t.variable >= 0 && t.variable < n {
        node.pointee.new_lb[t.variable] = t.lower
        node.pointee.new_ub[t.variable] = t.upper
    }
    if let solution = verdict.solution, solution.count == n {
        for j in 0..<n { node.pointee.solution[j] = solution[j] }
        node.pointee.has_solution = 1
    }
}

private func glpkStopTrampoline(_ context: UnsafeMutableRawPointer?) -> Int32 {
    guard let context else { return 0 }
    let box = Unmanaged<CallbackBox>.fromOpaque(context).takeUnretainedValue()
    return box.options.stop?.isStopped == true ? 1 : 0
}

private func glpkLogTrampoline(_ context: UnsafeMutableRawPointer?, _ text: UnsafePointer<CChar>?) {
    guard let context, let text else { return }
    let box = Unmanaged<CallbackBox>.fromOpaque(context).takeUnretainedValue()
    guard box.options.logLevel > .off, let sink = box.options.logSink else { return }
    sink(String(cString: text))
}

// MARK: - Marshalling

/// Lends `fm_problem` views of a standard form's arrays for the duration of `body`.
private func withProblem<R>(_ f: StandardForm, _ body: (UnsafePointer<fm_problem>) -> R) -> R {
    let kinds: [Int32] = f.columnKinds.map {
        switch $0 {
        case .continuous: return Int32(FM_CONTINUOUS.rawValue)
        case .integer: return Int32(FM_INTEGER.rawValue)
        case .binary: return Int32(FM_BINARY.rawValue)
        }
    }
    let colNames = CStringArray(f.columnNames)
    let rowNames = CStringArray(f.rowNames)
    defer {
        colNames.free()
        rowNames.free()
    }
    return f.name.withCString { name in
        kinds.withUnsafeBufferPointer { kinds in
            f.columnLower.withUnsafeBufferPointer { clb in
                f.columnUpper.withUnsafeBufferPointer { cub in
                    f.objective.withUnsafeBufferPointer { obj in
                        f.rowLower.withUnsafeBufferPointer { rlb in
                            f.rowUpper.withUnsafeBufferPointer { rub in
                                f.rows.withUnsafeBufferPointer { ia in
                                    f.columns.withUnsafeBufferPointer { ja in
                                        f.values.withUnsafeBufferPointer { ar in
                                            var p = fm_problem(
                                                name: name, maximize: f.maximize ? 1 : 0,
                                                ncols: Int32(f.columnKinds.count), col_kind: kinds.baseAddress,
                                                col_lb: clb.baseAddress, col_ub: cub.baseAddress, obj: obj.baseAddress,
                                                obj_constant: f.objectiveConstant, col_names: colNames.pointer,
                                                nrows: Int32(f.rowNames.count), row_lb: rlb.baseAddress,
                                                row_ub: rub.baseAddress,
                                                row_names: rowNames.pointer,
                                                nnz: Int32(f.values.count), ia: ia.baseAddress, ja: ja.baseAddress,
                                                ar: ar.baseAddress)
                                            return body(&p)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

private func withParams<R>(_ o: SolverOptions, _ body: (UnsafePointer<fm_params>) -> R) -> R {
    var p = fm_params()
    switch o.logLevel {
    case .off: p.msg_lev = GLP_MSG_OFF
    case .errors: p.msg_lev = GLP_MSG_ERR
    case .normal: p.msg_lev = GLP_MSG_ON
    case .verbose: p.msg_lev = GLP_MSG_ALL
    }
    p.presolve = o.presolve ? 1 : 0
    if let t = o.timeLimit {
        let ms = (max(t, 0.001) * 1000).rounded(.up)
        p.tm_lim_ms = ms < Double(Int32.max) ? Int32(ms) : Int32.max
    }
    p.mip_gap = o.relativeGap
    let cuts = o.cuts ?? SolverOptions.automaticCuts
    p.gmi_cuts = cuts.contains(.gomory) ? 1 : 0
    p.mir_cuts = cuts.contains(.mixedIntegerRounding) ? 1 : 0
    p.cov_cuts = cuts.contains(.cover) ? 1 : 0
    p.clq_cuts = cuts.contains(.clique) ? 1 : 0
    switch o.branching {
    case .firstFractional: p.br_tech = GLP_BR_FFV
    case .lastFractional: p.br_tech = GLP_BR_LFV
    case .mostFractional: p.br_tech = GLP_BR_MFV
    case .driebeckTomlin: p.br_tech = GLP_BR_DTH
    case .pseudocost: p.br_tech = GLP_BR_PCH
    }
    switch o.nodeSelection {
    case .depthFirst: p.bt_tech = GLP_BT_DFS
    case .breadthFirst: p.bt_tech = GLP_BT_BFS
    case .bestLocalBound: p.bt_tech = GLP_BT_BLB
    case .bestProjection: p.bt_tech = GLP_BT_BPH
    }
    p.fp_heur = o.feasibilityPump ? 1 : 0
    p.ps_heur = o.proximitySearch ? 1 : 0
    p.progress_interval = o.progressInterval
    p.node_limit = Int32(clamping: o.nodeLimit ?? 0)
    p.it_limit = Int32(clamping: o.iterationLimit ?? 0)
    if o.stop != nil { p.stopped = glpkStopTrampoline }
    if o.nodeExaminer != nil && !o.presolve { p.node = glpkNodeTrampoline }
    if let start = o.startingSolution {
        return start.withUnsafeBufferPointer { s in
            p.start = s.baseAddress
            return body(&p)
        }
    }
    return body(&p)
}

/// A C array of NUL-terminated copies of Swift strings, freed explicitly.
private struct CStringArray {
    let storage: UnsafeMutablePointer<UnsafePointer<CChar>?>
    let count: Int

    init(_ strings: [String]) {
        count = strings.count
        storage = .allocate(capacity: max(count, 1))
        for (i, s) in strings.enumerated() { storage[i] = UnsafePointer(strdup(s)) }
    }

    var pointer: UnsafePointer<UnsafePointer<CChar>?> { UnsafePointer(storage) }

    func free() {
        for i in 0..<count { Foundation.free(UnsafeMutableRawPointer(mutating: storage[i])) }
        storage.deallocate()
    }
}
