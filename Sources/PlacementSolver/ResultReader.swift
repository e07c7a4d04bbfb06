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
        let paymentsOf = Dictionary(grouping: placement.payments, by: \.fellow)
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
                row.funding = shares(of: paymentsOf[fi] ?? [], needCents: row.need * 100)
                for share in row.funding {
                    if let si = s.funding.firstIndex(where: { $0.id == share.source }) { usedCents[si] += share.cents }
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

    /// Payments in cents, summing exactly to the need: each amount is rounded
    /// to the cent and the rounding difference goes to the largest share.
    func shares(of payments: [Payment], needCents: Int) -> [FundingShare] {
        let s = placement.scenario
        var result = payments.sorted { $0.source < $1.source }.map {
            FundingShare(source: s.funding[$0.source].id, cents: Int((solution[$0.variable] * 100).rounded()))
        }.filter { $0.cents > 0 }
        let difference = needCents - result.reduce(0) { $0 + $1.cents }
        if difference != 0, let largest = result.indices.max(by: { (result[$0].cents, -$0) < (result[$1].cents, -$1) }) {
            result[largest].cents += difference
        }
        return result.filter { $0.cents > 0 }
    }
}
