import Domain
import Modeling

/// Turns a solution of the placement model into rows, loads and budget use.
struct ResultReader {
    let placement: PlacementModel
    let solution: Solution
    /// The funding split's dollars by fellow and source (see ``FundingSplit``);
    /// `nil`: the placement model's own payments.
    var split: [Int: [Int: Int]]? = nil

    /// Each new fellow's choice (lab, mentor, rank) the solution takes, by fellow index.
    func chosen() -> [Int: Choice] {
        var chosen: [Int: Choice] = [:]
        for (ci, c) in placement.eligibility.choices.enumerated() where solution.isOne(placement.assign[ci]) {
            chosen[c.fellow] = c
        }
        return chosen
    }

    /// Fellow `fi`'s row without need or funding: a new fellow's lab, mentor
    /// and rank (or unplaced), a continuing fellow's own lab and mentor.
    func row(_ fi: Int, chosen: [Int: Choice]) -> FellowPlacement {
        let s = placement.scenario
        let f = s.fellows[fi]
        var row = FellowPlacement(
            fellow: f.id, status: f.isNew ? .new : .continuing, lab: f.lab, mentor: f.mentor,
            rank: nil, funding: [], need: 0)
        row.months = s.months(of: f)
        row.startOn = f.startOn
        if f.isNew {
            if let c = chosen[fi] {
                row.lab = s.labs[c.lab].id
                row.mentor = s.mentors[c.mentor].id
                row.rank = c.rank
            } else {
                row.status = .unplaced
            }
        }
        return row
    }

    /// Who goes where, before the funding is split: the rows ``fill(_:)``
    /// makes, in the same order, without need or funding.
    func assignments() -> [FellowPlacement] {
        let chosen = chosen()
        return placement.scenario.fellows.indices.map { row($0, chosen: chosen) }
    }

    func fill(_ o: inout PlacementOutcome) {
        let s = placement.scenario
        let chosen = chosen()
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
        let fromClasses = classShares(
            needCents: { fi in
                let f = s.fellows[fi]
                if f.isNew { return chosen[fi].map { $0.need * 100 } ?? 0 }
                return f.lab.map { s.need(of: f, at: $0) * 100 } ?? 0
            }, grantCents: { fi in (grants[fi]?.values.reduce(0, +) ?? 0) + (direct[fi]?.values.reduce(0, +) ?? 0) })
        var fellowShares: [Int: [Int: Int]] = [:]
        for p in placement.fellowPayments where cents(p.variable) > 0 {
            fellowShares[p.fellow, default: [:]][p.source] = cents(p.variable)
        }
        let sourceIndex = Dictionary(uniqueKeysWithValues: s.funding.enumerated().map { ($1.id, $0) })
        var usedCents = [Int](repeating: 0, count: s.funding.count)
        var labNew: [String: Int] = [:], mentorNew: [String: Int] = [:]
        var labContinuing: [String: Int] = [:], mentorContinuing: [String: Int] = [:]

        for (fi, f) in s.fellows.enumerated() {
            var row = row(fi, chosen: chosen)
            if f.isNew {
                if let c = chosen[fi] {
                    row.need = c.need
                    o.rankProfile[c.rank, default: 0] += 1
                    labNew[s.labs[c.lab].id, default: 0] += 1
                    mentorNew[s.mentors[c.mentor].id, default: 0] += 1
                } else {
                    o.unplaced.append(f.id)
                }
            } else if let lab = f.lab {
                row.need = s.need(of: f, at: lab)
                labContinuing[lab, default: 0] += 1
                if let m = f.mentor { mentorContinuing[m, default: 0] += 1 }
            }
            if row.need > 0 {
                let extra =
                    split.map { ($0[fi] ?? [:]).mapValues { $0 * 100 } }
                    ?? (fromClasses[fi] ?? [:]).merging(direct[fi] ?? [:], uniquingKeysWith: +)
                    .merging(grants[fi] ?? [:], uniquingKeysWith: +).merging(
                        fellowShares[fi] ?? [:], uniquingKeysWith: +)
                row.funding = shares(extra, needCents: row.need * 100)
                for share in row.funding {
                    if let si = sourceIndex[share.source] { usedCents[si] += share.cents }
                }
            }
            o.placements.append(row)
        }
        o.budgets = s.funding.enumerated().map { BudgetUse(source: $1.id, budget: $1.budget, usedCents: usedCents[$0]) }
        o.labLoads = s.labs.map {
            Load(id: $0.id, capacity: $0.capacity, continuing: labContinuing[$0.id] ?? 0, new: labNew[$0.id] ?? 0)
        }
        o.mentorLoads = s.mentors.map {
            Load(id: $0.id, capacity: $0.capacity, continuing: mentorContinuing[$0.id] ?? 0, new: mentorNew[$0.id] ?? 0)
        }
    }

    /// A payment variable's value in cents.
    func cents(_ v: Variable) -> Int { Int((solution[v] * PlacementModel.moneyUnit * 100).rounded()) }

    /// Money left in one class's payment variables, spent source by source.
    struct Purse {
        var available: [(source: Int, cents: Int)]
        var next = 0

        /// Takes up to `amount` cents, from the current source onwards, into `shares`; returns what is still owed.
        mutating func pay(_ amount: Int, into shares: inout [Int: Int]) -> Int {
            var owed = amount
            while owed > 0 && next < available.count {
                let take = min(owed, available[next].cents)
                if take > 0 { shares[available[next].source, default: 0] += take }
                owed -= take
                available[next].cents -= take
                if available[next].cents == 0 { next += 1 }
            }
            return owed
        }
    }

    /// Purses of the variables of each class, by class index.
    func purses<P>(_ payments: [P], classOf: (P) -> Int, source: (P) -> Int, variable: (P) -> Variable) -> [Int: Purse]
    {
        Dictionary(grouping: payments, by: classOf).mapValues {
            Purse(available: $0.map { (source($0), cents(variable($0))) })
        }
    }

    /// Splits each funding class's program-wide payments over its fellows'
    /// remainders (need − grants), in fellow order and source order: every
    /// source of a class may pay every fellow of it, so any split is valid.
    func classShares(needCents: (Int) -> Int, grantCents: (Int) -> Int) -> [Int: [Int: Int]] {
        var result: [Int: [Int: Int]] = [:]
        var all = purses(placement.classPayments, classOf: \.fundingClass, source: \.source, variable: \.variable)
        for (c, fundingClass) in placement.fundingClasses.enumerated() {
            var purse = all[c] ?? Purse(available: [])
            for fi in fundingClass.fellows {
                let left = purse.pay(max(0, needCents(fi) - grantCents(fi)), into: &result[fi, default: [:]])
                if left > 0, let last = purse.available.last {
                    // Rounding to cents left a few cents over: the last source covers them.
                    result[fi, default: [:]][last.source, default: 0] += left
                }
            }
            all[c] = purse
        }
        return result.filter { !$0.value.isEmpty }
    }

    /// Splits each grant class's payments over its members placed at its lab,
    /// in input order, each up to their need.
    func grantShares(_ chosen: [Int: Choice]) -> [Int: [Int: Int]] {
        let s = placement.scenario
        var result: [Int: [Int: Int]] = [:]
        let all = purses(placement.grantClassPayments, classOf: \.grantClass, source: \.source, variable: \.variable)
        for (g, grantClass) in placement.grantClasses.enumerated() {
            var purse = all[g] ?? Purse(available: [])
            for member in grantClass.members {
                let here = s.fellows[member.fellow].isNew ? chosen[member.fellow]?.lab == grantClass.lab : true
                guard here else { continue }
                _ = purse.pay(member.need * 100, into: &result[member.fellow, default: [:]])
            }
        }
        return result.filter { !$0.value.isEmpty }
    }

    /// Payments in cents, summing exactly to the need: each amount is rounded
    /// to the cent and the rounding difference goes to the largest share.
    func shares(_ bySource: [Int: Int], needCents: Int) -> [FundingShare] {
        let s = placement.scenario
        var result = bySource.sorted { $0.key < $1.key }.map {
            FundingShare(source: s.funding[$0.key].id, cents: $0.value)
        }
        .filter { $0.cents > 0 }
        let difference = needCents - result.reduce(0) { $0 + $1.cents }
        if difference != 0, let largest = result.indices.max(by: { (result[$0].cents, -$0) < (result[$1].cents, -$1) })
        {
            result[largest].cents += difference
        }
        return result.filter { $0.cents > 0 }
    }
}
