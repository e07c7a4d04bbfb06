import Domain
import Modeling

/// Fellows whose needs the same program-wide sources may pay (same
/// citizenship class and same matching areas): their payments from those
/// sources are one variable per source, not one per fellow.
public struct FundingClass: Hashable, Sendable {
    /// Program-wide source indices that may pay every fellow of the class.
    public var sources: [Int]
    /// Fellow indices, in input order.
    public var fellows: [Int]
}

/// Fellows at one lab whom the same grants of that lab, and the same
/// program-wide sources, may pay: their grant payments are one variable per grant.
public struct GrantClass: Hashable, Sendable {
    public var lab: Int
    /// Grants of the lab that may pay every member.
    public var sources: [Int]
    /// Members: fellow index and need at the lab in dollars, in input order.
    public var members: [GrantMember]
}

public struct GrantMember: Hashable, Sendable {
    public var fellow: Int
    public var need: Int
}

/// A payment variable of a grant class.
public struct GrantClassPayment: Hashable, Sendable {
    public var grantClass: Int
    public var source: Int
    public var variable: Variable
}

/// A payment fixed by the rules: fellow `fellow` placed in `lab` has `source`
/// as the only source that may pay them, so it pays their whole need there.
public struct DirectPayment: Hashable, Sendable {
    public var fellow: Int
    public var source: Int
    public var lab: Int
}

/// A payment variable of a funding class: how much `source` pays towards
/// the class's remaining need.
public struct ClassPayment: Hashable, Sendable {
    public var fundingClass: Int
    public var source: Int
    public var variable: Variable
}

extension PlacementModel {
    /// Dollars per unit of money in the model. Needs of ~$70,000 next to 0/1
    /// assignment coefficients make GLPK's simplex crawl; in thousands the
    /// rows are well scaled. Results are converted back to dollars and cents.
    public static let moneyUnit = 1000.0

    static func money(_ dollars: Int) -> Double { Double(dollars) / moneyUnit }

    /// Rule 5, funding covers the need. With `need(f,l) = max(0, cost(f,l) − external_funding(f))`
    /// and `owed(f) = Σ_{(l,m)} need(f,l)·assign(f,l,m)` (a constant for continuing fellows),
    /// every fellow's need is paid in full by sources that may pay for them, and
    /// no source pays more than its budget.
    ///
    /// Lab grants (sources with a lab) pay per grant class g: the fellows who
    /// could be at lab l and whom the same grants of l and the same
    /// program-wide sources may pay,
    ///
    ///     Σ_{s grant of g} grantpay(g,s) ≤ Σ_{f∈g} need(f,l)·Σ_m assign(f,l,m)
    ///
    /// (= when no program-wide source may pay them), so grants pay only for
    /// fellows placed in their lab, and never more than those fellows' needs.
    /// Program-wide sources (no lab) may pay a fellow depending only on the
    /// fellow (citizens-only, areas), so fellows are grouped into classes by
    /// the set of program-wide sources that may pay them, and for each class c
    ///
    ///     Σ_{s of c} classpay(c,s) + Σ_{grant classes g ⊂ c} Σ_s grantpay(g,s) = Σ_{f∈c} owed(f)
    ///
    /// Budgets: Σ grantpay(·,s) ≤ budget(s) (grants), Σ_c classpay(c,s) ≤ budget(s).
    ///
    /// Both aggregations are exact: within a grant class every grant may pay
    /// every member, so the class's grant money can be split over the placed
    /// members without exceeding anyone's need; within a class every
    /// program-wide source may pay every fellow, so its payments can be split
    /// over the fellows' remainders. ``ResultReader`` fills both in input
    /// order. They remove the per-fellow payment variables and rows, and much
    /// of the simplex's degeneracy. Amounts are in thousands of dollars (``moneyUnit``).
    mutating func addFunding() {
        let s = scenario
        let labIndex = Dictionary(uniqueKeysWithValues: s.labs.enumerated().map { ($1.id, $0) })
        let programWide = s.funding.indices.filter { s.funding[$0].lab == nil }
        var grantsOfLab: [Int: [Int]] = [:]
        for si in s.funding.indices {
            if let lab = s.funding[si].lab, let li = labIndex[lab] { grantsOfLab[li, default: []].append(si) }
        }
        var budgetTerms: [Int: LinearExpression] = [:]
        var classOf: [[Int]: Int] = [:]
        var owedOfClass: [LinearExpression] = []
        var classMembers: [[Int]] = []
        struct GrantClassKey: Hashable {
            var lab: Int
            var grants: [Int]
            var programWide: [Int]
        }
        var grantClassOf: [GrantClassKey: Int] = [:]
        var grantNeed: [LinearExpression] = []
        var grantClassKeys: [[Int]] = []

        for (fi, f) in s.fellows.enumerated() {
            // owed(f) and the grant payments, by lab.
            var owed = LinearExpression()
            var grantPaid = LinearExpression()
            var byLab: [(lab: Int, need: Int, placed: LinearExpression)] = []
            if f.isNew {
                let choices = eligibility.choicesOfFellow[fi] ?? []
                var seen: [Int: Int] = [:]
                for ci in choices {
                    let c = eligibility.choices[ci]
                    guard c.need > 0 else { continue }
                    owed.add(Self.money(c.need), assign[ci])
                    if let k = seen[c.lab] {
                        byLab[k].placed.add(1, assign[ci])
                    } else {
                        seen[c.lab] = byLab.count
                        byLab.append((c.lab, c.need, LinearExpression(assign[ci])))
                    }
                }
            } else if let lab = f.lab, let li = labIndex[lab] {
                let need = s.need(of: f, at: lab)
                guard need > 0 else { continue }
                owed.constant = Self.money(need)
                byLab.append((li, need, LinearExpression(1)))
            }
            guard !owed.terms.isEmpty || owed.constant > 0 else { continue }
            // Program-wide sources that may pay this fellow (their lab is none, so any lab will do).
            let key = programWide.filter { s.funding[$0].mayPay(for: f, at: "") }
            for (li, need, placed) in byLab {
                let payers = (grantsOfLab[li] ?? []).filter { s.funding[$0].mayPay(for: f, at: s.labs[li].id) }
                guard !payers.isEmpty else { continue }
                if key.isEmpty && payers.count == 1 {
                    // The grant is the only source that may pay f at this lab:
                    // pay(f,s) = need(f,l)·placed, substituted into its budget row
                    // (a knapsack row over 0/1 variables that cover cuts can use).
                    let si = payers[0]
                    directPayments.append(DirectPayment(fellow: fi, source: si, lab: li))
                    budgetTerms[si, default: LinearExpression()].add(placed, times: Self.money(need))
                    grantPaid.add(placed, times: Self.money(need))
                    continue
                }
                // A continuing fellow's `placed` is the constant 1.
                let gk = GrantClassKey(lab: li, grants: payers, programWide: key)
                if let g = grantClassOf[gk] {
                    grantNeed[g].add(placed, times: Self.money(need))
                    grantClasses[g].members.append(GrantMember(fellow: fi, need: need))
                } else {
                    grantClassOf[gk] = grantClasses.count
                    grantNeed.append(Self.money(need) * placed)
                    grantClasses.append(
                        GrantClass(lab: li, sources: payers, members: [GrantMember(fellow: fi, need: need)]))
                    grantClassKeys.append(key)
                }
            }
            // Without program-wide sources, each lab's need is covered by that
            // lab's grants (directly, or by its grant class's equality row).
            if key.isEmpty { continue }
            if let c = classOf[key] {
                owedOfClass[c].add(owed)
                owedOfClass[c].add(grantPaid, times: -1)
                classMembers[c].append(fi)
            } else {
                classOf[key] = owedOfClass.count
                var e = owed
                e.add(grantPaid, times: -1)
                owedOfClass.append(e)
                classMembers.append([fi])
            }
        }
        // One row per grant class: its grants pay at most its placed members' needs
        // (exactly, when no program-wide source may pay them).
        for (g, grantClass) in grantClasses.enumerated() {
            let variables = payVariables("grantpay(\(g + 1)", grantClass.sources, into: &budgetTerms)
            grantClassPayments += zip(grantClass.sources, variables).map {
                GrantClassPayment(grantClass: g, source: $0, variable: $1)
            }
            let paid = variables.sum()
            var needs = grantNeed[g]
            let constant = needs.constant
            needs.constant = 0
            let key = grantClassKeys[g]
            if key.isEmpty {
                model.add(paid - needs == constant, name: "grantclass(\(g + 1))")
            } else {
                model.add(paid - needs <= constant, name: "grantclass(\(g + 1))")
                if let c = classOf[key] { owedOfClass[c].add(paid, times: -1) }
            }
        }
        // One row per class: its program-wide payments cover its fellows' remainders.
        for (key, c) in classOf.sorted(by: { $0.value < $1.value }) {
            fundingClasses.append(FundingClass(sources: key, fellows: classMembers[c]))
            let variables = payVariables("classpay(\(c + 1)", key, into: &budgetTerms)
            classPayments += zip(key, variables).map { ClassPayment(fundingClass: c, source: $0, variable: $1) }
            let row = variables.sum()
            let remainder = owedOfClass[c]
            let rhs = remainder.constant
            var terms = remainder
            terms.constant = 0
            model.add(row - terms == rhs, name: "class(\(c + 1))")
        }
        addBudgets(budgetTerms)
    }

    /// Budgets: `Σ payments(s) ≤ budget(s) − committed(s)` for every source that
    /// may pay somebody (in the elastic model, a budget may give at a cost).
    mutating func addBudgets(_ budgetTerms: [Int: LinearExpression]) {
        let s = scenario
        let totalNeed = s.fellows.indices.reduce(0) { total, fi in
            let f = s.fellows[fi]
            if f.isNew {
                return total + ((eligibility.choicesOfFellow[fi] ?? []).map { eligibility.choices[$0].need }.max() ?? 0)
            }
            return total + (f.lab.map { s.need(of: f, at: $0) } ?? 0)
        }
        for si in s.funding.indices {
            guard var row = budgetTerms[si] else { continue }
            let source = s.funding[si]
            let committed = row.constant  // continuing fellows paid directly
            row.constant = 0
            if elastic {
                row -= relax(
                    .budget(source: si), name: "budget(\(tag(source.id)))", maximum: max(Self.money(totalNeed), 1))
            }
            let budget = min(source.budget, slotMoneyCap(si) ?? source.budget)
            model.add(row <= Self.money(budget) - committed, name: "budget(\(tag(source.id)))")
        }
    }

    /// One payment variable per source for a class (`prefix,source)`), each
    /// added to its source's budget row.
    mutating func payVariables(_ prefix: String, _ sources: [Int], into budgetTerms: inout [Int: LinearExpression])
        -> [Variable]
    {
        sources.map { si in
            let v = model.addVariable("\(prefix),\(tag(scenario.funding[si].id)))", .continuous, lower: 0, upper: nil)
            budgetTerms[si, default: LinearExpression()].add(1, v)
            return v
        }
    }
}
