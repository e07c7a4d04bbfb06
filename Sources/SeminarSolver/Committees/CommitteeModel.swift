import Domain
import Modeling

/// The thesis committees as one integer program over the fellows whose
/// committee passed ``CommitteeCandidates``' checks.
///
/// Variables: `formed_f` (fellow f gets a committee), `x_fp` (member p sits on
/// f's committee as a reader or external), `c_fp` (p chairs it; for the
/// mentor when allowed: `cm_f`), `t` (the worst-served fellow's expertise) and
/// `L` (the largest load). With `e_fp` = how many of f's interests are among
/// p's areas and `E_f = Σ_p e_fp x_fp`:
///
/// - `x_fp ≤ formed_f`; for a member locked to f (committee_rules.csv)
///   `x_fp = formed_f`: seated whenever f has a committee;
/// - readers: `min · formed_f ≤ Σ_{p reader} x_fp ≤ max · formed_f`;
/// - externals: `Σ_{p external} x_fp = externals · formed_f`;
/// - one chair: `c_fp ≤ x_fp`, `Σ_p c_fp + cm_f = formed_f` (only members with `chair`);
/// - interests (with `cover_interests`): for each interest i the mentor does
///   not work on, `Σ_{p works on i} x_fp ≥ formed_f`;
/// - loads: `Σ_f x_fp ≤ committee_load_p` and `Σ_f x_fp ≤ L`;
/// - the worst: `t ≤ E_f + M (1 − formed_f)` with `M = max_f Σ_p e_fp`, also
///   `t`'s upper bound (so a fellow without a committee never holds `t` down).
struct CommitteeModel {
    var model = Model(name: "committees")
    var formed: [Variable] = []
    /// Per fellow: (pool index, variable) of every seat.
    var seats: [[(member: Int, x: Variable)]] = []
    /// Per fellow: (pool index, variable) of every chair; the mentor's too.
    var chairs: [[(member: Int, c: Variable)]] = []
    var worst: Variable
    var maxLoad: Variable
    var expertise: [LinearExpression] = []
    /// `M`: no fellow's expertise can exceed it.
    let bound: Double

    init(_ fellows: [CommitteeCandidates], pool: [CommitteeMember], settings: CommitteeSettings) {
        bound = Double(fellows.map { $0.expertise.reduce(0, +) }.max() ?? 0)
        worst = model.addVariable("worst", .integer, lower: 0, upper: bound)
        maxLoad = model.addVariable("max_load", .integer, lower: 0, upper: Double(pool.map(\.load).max() ?? 0))
        var loads = [LinearExpression](repeating: LinearExpression(), count: pool.count)
        for c in fellows {
            add(c, pool: pool, settings: settings, loads: &loads)
        }
        for (p, load) in loads.enumerated() where !load.terms.isEmpty {
            model.add("load_\(pool[p].id)", lower: nil, load, upper: Double(pool[p].load))
            model.add("max_load_\(pool[p].id)", lower: nil, load - maxLoad, upper: 0)
        }
    }

    private mutating func add(
        _ c: CommitteeCandidates, pool: [CommitteeMember], settings: CommitteeSettings,
        loads: inout [LinearExpression]
    ) {
        let f = c.fellow.id
        let y = model.addBinary("formed_\(f)")
        formed.append(y)
        var mine: [(member: Int, x: Variable)] = []
        var chairsOfF: [(member: Int, c: Variable)] = []
        var readers = LinearExpression(), externals = LinearExpression(), chairSum = LinearExpression()
        var e = LinearExpression()
        for p in c.readers + c.externals {
            let x = model.addBinary("x_\(f)_\(pool[p].id)")
            mine.append((p, x))
            model.add("seat_\(f)_\(pool[p].id)", lower: c.locked.contains(p) ? 0 : nil, x - y, upper: 0)
            if pool[p].external { externals += x } else { readers += x }
            loads[p] += x
            e.add(Double(c.expertise[p]), x)
            if pool[p].chair {
                let ch = model.addBinary("c_\(f)_\(pool[p].id)")
                chairsOfF.append((p, ch))
                model.add("chair_seat_\(f)_\(pool[p].id)", lower: nil, ch - x, upper: 0)
                chairSum += ch
            }
        }
        if c.mentorMayChair {
            let ch = model.addBinary("cm_\(f)")
            chairsOfF.append((c.mentor, ch))
            chairSum += ch
        }
        model.add("readers_min_\(f)", lower: 0, readers - Double(settings.minReaders) * y, upper: nil)
        model.add("readers_max_\(f)", lower: nil, readers - Double(settings.maxReaders) * y, upper: 0)
        model.add("externals_\(f)", lower: 0, externals - Double(settings.externals) * y, upper: 0)
        model.add("one_chair_\(f)", lower: 0, chairSum - y, upper: 0)
        for (i, interest) in c.uncovered.enumerated() {
            let covering = mine.filter { pool[$0.member].areas.contains(interest) }.map { LinearExpression($0.x) }
            model.add("cover_\(f)_\(i)", lower: 0, covering.sum() - y, upper: nil)
        }
        model.add("worst_\(f)", lower: nil, worst - e + bound * y, upper: bound)
        seats.append(mine)
        chairs.append(chairsOfF)
        expertise.append(e)
    }

    /// Σ formed_f.
    var formedCount: LinearExpression { formed.map { LinearExpression($0) }.sum() }
    var totalExpertise: LinearExpression { expertise.sum() }
    var seatCount: LinearExpression { seats.flatMap { $0.map { LinearExpression($0.x) } }.sum() }

    /// Each fellow's committee in `solution` (`nil` where none is formed).
    func choices(in solution: Solution, open: [CommitteeCandidates]) -> [DirectCommittees.Choice?] {
        open.indices.map { i in
            guard solution.isOne(formed[i]) else { return nil }
            let members = seats[i].filter { solution.isOne($0.x) }.map(\.member)
            let chair = chairs[i].first { solution.isOne($0.c) }?.member ?? open[i].mentor
            let expertise = members.map { open[i].expertise[$0] }.reduce(0, +)
            return DirectCommittees.Choice(members: members, chair: chair, expertise: expertise)
        }
    }

    /// `solution` with `t` and `L` at their best for its committees:
    /// `t` the least expertise of a formed committee (`M` when none is),
    /// `L` the largest load. A solve of one stage leaves them anywhere its
    /// objective allowed; the next stage starts better from here.
    func tidied(_ solution: Solution) -> Solution {
        var v = solution.values
        let formedNow = formed.indices.filter { solution.isOne(formed[$0]) }
        v[worst.index] = min(bound, formedNow.map { solution.value(of: expertise[$0]).rounded() }.min() ?? bound)
        var loads: [Int: Int] = [:]
        for fellow in seats { for (p, x) in fellow where solution.isOne(x) { loads[p, default: 0] += 1 } }
        v[maxLoad.index] = Double(loads.values.max() ?? 0)
        return Solution(values: v, objective: solution.objective)
    }

    /// `chosen` (one committee or none per fellow) as values of the
    /// variables, a starting solution: `t` the least expertise of a formed
    /// committee, `L` the largest load. Every chosen member must be among
    /// the model's candidates.
    func values(of chosen: [DirectCommittees.Choice?]) -> [Double] {
        var v = [Double](repeating: 0, count: model.variables.count)
        var loads: [Int: Int] = [:]
        for (i, choice) in chosen.enumerated() {
            guard let choice else { continue }
            v[formed[i].index] = 1
            for (p, x) in seats[i] where choice.members.contains(p) {
                v[x.index] = 1
                loads[p, default: 0] += 1
            }
            if let c = chairs[i].first(where: { $0.member == choice.chair }) { v[c.c.index] = 1 }
        }
        v[worst.index] = min(Double(chosen.compactMap { $0?.expertise }.min() ?? 0), bound)
        v[maxLoad.index] = Double(loads.values.max() ?? 0)
        return v
    }
}
