import Domain
import Modeling

/// The re-solves one diagnosis may still make: a count (the same input
/// always gets the same answer) and, as a safety, the run's time limit.
struct DiagnosisSearch {
    /// Re-solves left.
    var left: Int
    let budget: TimeBudget
    /// Changes kept per fellow.
    let perFellow: Int

    var isSpent: Bool { left <= 0 || budget.isSpent }

    /// A candidate change; of the candidates sharing a `group`, only the first that holds is kept.
    struct Candidate {
        var change: ThesisChange
        var group: Int?
    }

    /// Tries `candidates` in order, each by `holds` (one re-solve: `nil`
    /// when it did not hold but was not proved either), until
    /// ``perFellow`` hold or the search is spent.
    mutating func suggestions(
        for fellow: String, _ candidates: [Candidate], holds: (ThesisChange) throws(SolverError) -> Bool?
    ) throws(SolverError) -> ThesisSuggestions {
        var kept: [ThesisChange] = []
        var settled: Set<Int> = []
        var tried = 0
        var complete = true
        for c in candidates where kept.count < perFellow {
            if let g = c.group, settled.contains(g) { continue }
            guard !isSpent else {
                complete = false
                break
            }
            left -= 1
            tried += 1
            let verdict = try holds(c.change)
            if verdict == nil { complete = false }
            guard verdict == true else { continue }
            kept.append(c.change)
            if let g = c.group { settled.insert(g) }
        }
        return ThesisSuggestions(fellow: fellow, changes: kept, tried: tried, complete: complete)
    }

    /// Solver options for one re-solve: what is left of `budget`.
    static func options(_ base: SolverOptions, within budget: TimeBudget) -> SolverOptions {
        var o = base
        if let left = budget.left { o.timeLimit = min(left, base.timeLimit ?? left) }
        return o
    }
}
