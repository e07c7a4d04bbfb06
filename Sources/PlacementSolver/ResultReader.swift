import Domain
import Modeling

/// Turns a solution of the placement model into rows, loads and budget use.
struct ResultReader {
    let placement: PlacementModel
    let solution: Solution

    func fill(_ o: inout PlacementOutcome) {
        let s = placement.scenario
        let e = placement.eligibility
        var chosen: [Int: Choice] = [:]
        for (ci, c) in e.choices.enumerated() where solution.isOne(placement.assign[ci]) { chosen[c.fellow] = c }
        let grants = grantShares(chosen)
        // Direct payments: the one possible source pays the whole need at the fellow's lab.
        var direct: [Int: [Int: Int]] = [:]
        for d in placement.directPayments {
            let f = s.fellows[d.fellow]
            if f.isNew, let c = chosen[d.fellow], c.lab == d.lab {
                direct[d.fellow, default: [:]][d.source, default: 0] += c.need * 100
            } else if !f.isNew, let lab = f.lab, s.labs[d.lab].id == lab {
                direct[d.fellow, default: [:]][d.source, default: 0] += s.need(of: f, at: lab) * 100
            }
        }
        let fromClasses = classShares(needCents: { fi in
            let f = s.fellows[fi]
            if f.isNew { return chosen[fi].map { $0.need * 100 } ?? 0 }
            return f.lab.map { s.need(of: f, at: $0) * 100 } ?? 0
        }, grantCents: { fi in (grants[fi]?.values.reduce(0, +) ?? 0) + (direct[fi]?.values.reduce(0, +) ?? 0) })
        let sourceIndex = Dictionary(uniqueKeysWithValues: s.funding.enumerated().map { ($1.id, $0) })
        var usedCents = [Int](repeating: 0, count: s.funding.count)
        var labNew: [String: Int] = [:], mentorNew: [String: Int] = [:]
        var labContinuing: [String: Int] = [:], mentorContinuing: [String: Int] = [:]

        for (fi, f) in s.fellows.enumerated() {
            var row = FellowPlacement(fellow: f.id, status: f.isNew ? .new : .continuing, lab: f.lab, mentor: f.mentor,
                                      rank: nil, funding: [], need: 0)
            if f.isNew {
                if let c = chosen[fi] {
                    row.lab = s.labs[c.lab].id
                    row.mentor = s.mentors[c.mentor].id
                    row.rank = c.rank
                    row.need = c.need
                    o.rankProfile[c.rank, default: 0] += 1
                    labNew[s.labs[c.lab].id, default: 0] += 1
                    mentorNew[s.mentors[c.mentor].id, default: 0] += 1
                } else {
                    row.status = .unplaced
                    o.unplaced.append(f.id)
                }
            } else if let lab = f.lab {
                row.need = s.need(of: f, at: lab)
                labContinuing[lab, default: 0] += 1
                if let m = f.mentor { mentorContinuing[m, default: 0] += 1 }
            }
            if row.need > 0 {
                let extra = (fromClasses[fi] ?? [:]).merging(direct[fi] ?? [:], uniquingKeysWith: +)
                    .merging(grants[fi] ?? [:], uniquingKeysWith: +)
                row.funding = shares(extra, needCents: row.need * 100)
                for share in row.funding {
                    if let si = sourceIndex[share.source] { usedCents[si] += share.cents }
                }
            }
            o.placements.append(row)
        }
        o.budgets = s.funding.enumerated().map { BudgetUse(source: $1.id, budget: $1.budget, usedCents: usedCents[$0]) }
        o.labLoads = s.labs.map { Load(id: $0.id, capacity: $0.capacity, continuing: labContinuing[$0.id] ?? 0, new: labNew[$0.id] ?? 0) }
        o.mentorLoads = s.mentors.map {
            Load(id: $0.id, capacity: $0.capacity, continuing: mentorContinuing[$0.id] ?? 0, new: mentorNew[$0.id] ?? 0)
        }
    }

    /// A payment variable's value in cents.
    func cents(_ v: Variable) -> Int { Int((solution[v] * PlacementModel.moneyUnit * 100).rounded()) }

    /// Splits each funding class's program-wide payments over its fellows'
    /// remainders (need − grants), in fellow order and source order: every
    /// source of a class may pay every fellow of it, so any split is valid.
    func classShares(needCents: (Int) -> Int, grantCents: (Int) -> Int) -> [Int: [Int: Int]] {
        var result: [Int: [Int: Int]] = [:]
        for (c, fundingClass) in placement.fundingClasses.enumerated() {
            var available = placement.classPayments.filter { $0.fundingClass == c }.map { ($0.source, cents($0.variable)) }
            var k = 0
            for fi in fundingClass.fellows {
                var remainder = max(0, needCents(fi) - grantCents(fi))
                while remainder > 0 && k < available.count {
                    let take = min(remainder, available[k].1)
                    if take > 0 { result[fi, default: [:]][available[k].0, default: 0] += take }
                    remainder -= take
                    available[k].1 -= take
                    if available[k].1 == 0 { k += 1 }
                }
                if remainder > 0, let last = available.indices.last {
                    // Rounding to cents left a few cents over: the last source covers them.
                    result[fi, default: [:]][available[last].0, default: 0] += remainder
                }
            }
        }
        return result
    }

    /// Splits each grant class's payments over its members placed at its lab,
    /// in input order, each up to their need.
    func grantShares(_ chosen: [Int: Choice]) -> [Int: [Int: Int]] {
        let s = placement.scenario
        var result: [Int: [Int: Int]] = [:]
        for (g, grantClass) in placement.grantClasses.enumerated() {
            var available = placement.grantClassPayments.filter { $0.grantClass == g }.map { ($0.source, cents($0.variable)) }
            var k = 0
            for member in grantClass.members {
                let f = s.fellows[member.fellow]
                let here = f.isNew ? chosen[member.fellow]?.lab == grantClass.lab : true
                guard here else { continue }
                var room = member.need * 100
                while room > 0 && k < available.count {
                    let take = min(room, available[k].1)
                    if take > 0 { result[member.fellow, default: [:]][available[k].0, default: 0] += take }
                    room -= take
                    available[k].1 -= take
                    if available[k].1 == 0 { k += 1 }
                }
            }
        }
        return result
    }

    /// Payments in cents, summing exactly to the need: each amount is rounded
    /// to the cent and the rounding difference goes to the largest share.
    func shares(_ bySource: [Int: Int], needCents: Int) -> [FundingShare] {
        let s = placement.scenario
        var result = bySource.sorted { $0.key < $1.key }.map { FundingShare(source: s.funding[$0.key].id, cents: $0.value) }
            .filter { $0.cents > 0 }
        let difference = needCents - result.reduce(0) { $0 + $1.cents }
        if difference != 0, let largest = result.indices.max(by: { (result[$0].cents, -$0) < (result[$1].cents, -$1) }) {
            result[largest].cents += difference
        }
        return result.filter { $0.cents > 0 }
    }
}
