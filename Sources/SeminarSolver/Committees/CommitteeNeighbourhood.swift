import Domain
import Modeling

/// The committees of the few fellows the direct committees leave below
/// their best possible expertise, re-formed by a small integer program
/// over their neighbourhood, every other committee kept as it is.
///
/// With B the formed fellows whose expertise is below `best_f`
/// (``CommitteeBounds/best``), the neighbourhood N is B and every fellow
/// whose committee holds a member of a B fellow's kept lists
/// (``CommitteeCandidates/keeping(_:pool:rotation:)``), at most
/// ``fellowLimit`` fellows (B's first). Over N, ``CommitteeModel`` on the fellows' kept
/// lists (their committees included), with each member's load the smaller
/// of their `committee_load` and the start's largest load, less the seats
/// they hold outside N, and:
///
/// - every fellow of N formed (`formed_f = 1`);
/// - none below the start's worst (`t ≥ worst`);
/// - maximise `(S + 1) · Σ_{f ∈ N} E_f − Σ x_fp`, S the number of seat
///   variables: the most expertise, then the fewest seats.
///
/// The start is a solution of this program (its starting solution): the
/// committees formed stay, and the worst-served fellow and the largest load
/// get no worse. The answer replaces the start only when the stages' order
/// (``DirectCommittees/key``) prefers it. Nothing here is claimed best: a
/// neighbourhood's optimum is not the program's, and ``CommitteeFormer``
/// calls the result proved only when it reaches ``CommitteeBounds``.
struct CommitteeNeighbourhood {
    /// Fellows in one neighbourhood, at most.
    static let fellowLimit = 400

    var solver: any Solver
    var options: SolverOptions
    /// Readers (and, apart, externals) kept per fellow.
    var candidateLimit: Int

    /// `start` with N's committees re-formed, or `start` when no fellow is
    /// below their best or the program finds nothing better.
    /// - Throws: `SolverError` when the solver itself fails.
    func improve(
        _ start: DirectCommittees, _ open: [CommitteeCandidates], pool: [CommitteeMember],
        settings: CommitteeSettings, bounds: CommitteeBounds, budget: TimeBudget = TimeBudget()
    ) throws(SolverError) -> (committees: DirectCommittees, size: SolvedModelSize?) {
        guard let floor = start.worst, !budget.isSpent else { return (start, nil) }
        let kept = { (i: Int) in
            open[i].keeping(candidateLimit, pool: pool, rotation: i &* 7919)
                .including(start.chosen[i]?.members ?? [], pool: pool)
        }
        let near = neighbourhood(start, kept, best: bounds.best)
        guard !near.isEmpty else { return (start, nil) }
        let lists = near.map(kept)
        var local = CommitteeModel(lists, pool: loadsLeft(start, outside: near, pool: pool), settings: settings)
        let seatVariables = Double(local.seats.map(\.count).reduce(0, +))
        local.model.add("all_formed", lower: Double(near.count), local.formedCount, upper: nil)
        local.model.add("no_worse", lower: Double(floor), LinearExpression(local.worst), upper: nil)
        local.model.maximize((seatVariables + 1) * local.totalExpertise - local.seatCount)
        let size = SolvedModelSize(
            local.model, kept: lists.map { $0.readers.count + $0.externals.count }.reduce(0, +),
            possible: open.map { $0.readers.count + $0.externals.count }.reduce(0, +))
        let values = local.values(of: near.map { start.chosen[$0] })
        let result = try solver.solve(
            local.model, options: CommitteeFormer.stageOptions(options, budget, start: values))
        guard let solution = result.solution else { return (start, size) }
        var improved = start
        for (f, choice) in zip(near, local.choices(in: solution, open: near.map { open[$0] })) {
            improved.unseat(f)
            if let choice { improved.seat(choice, for: f) }
        }
        return (improved.key > start.key ? improved : start, size)
    }

    /// The formed fellows below their best and those whose committees hold
    /// a member of their kept lists, in order, at most ``fellowLimit``.
    private func neighbourhood(
        _ start: DirectCommittees, _ kept: (Int) -> CommitteeCandidates, best: [Int]
    ) -> [Int] {
        let below = start.chosen.indices.filter { i in start.chosen[i].map { $0.expertise < best[i] } ?? false }
        guard !below.isEmpty else { return [] }
        let sitting = start.sitting
        var others: Set<Int> = []
        for f in below {
            let lists = kept(f)
            for p in lists.readers + lists.externals { others.formUnion(sitting[p]) }
        }
        others.subtract(below)
        return (below + others.sorted()).prefix(Self.fellowLimit).sorted()
    }

    /// `pool` with each member's load the smaller of theirs and the start's
    /// largest, less the seats they hold in committees outside `near`.
    private func loadsLeft(_ start: DirectCommittees, outside near: [Int], pool: [CommitteeMember]) -> [CommitteeMember]
    {
        let cap = start.largestLoad
        var left = pool.map { member -> CommitteeMember in
            var m = member
            m.load = min(m.load, cap)
            return m
        }
        let inside = Set(near)
        for (f, choice) in start.chosen.enumerated() where !inside.contains(f) {
            for p in choice?.members ?? [] { left[p].load -= 1 }
        }
        return left
    }
}
