/// The funding sources that can pay anyone at each lab (rule 5): the
/// program-wide pools and the lab's own grants. Another lab's grant always
/// refuses (`FundingRefusal.otherLab`), so who may pay fellow f at lab l is
///
///     payers(f, l) = { s ∈ programWide ∪ own(l) : s may pay f at l },
///
/// the same set as a pass over every source, found among a lab's few sources
/// instead of the program's (1,727 at 5,000 new fellows).
public struct SourcesAtLab: Sendable {
    private let funding: [FundingSource]
    private let programWide: [Int]
    /// Per lab id with grants of its own: the program-wide sources and its
    /// own, in input order.
    private let atLab: [String: [Int]]

    public init(_ s: Scenario) {
        let wide = s.funding.indices.filter { s.funding[$0].lab == nil }
        var own: [String: [Int]] = [:]
        for (si, source) in s.funding.enumerated() {
            if let lab = source.lab { own[lab, default: []].append(si) }
        }
        funding = s.funding
        programWide = wide
        atLab = own.mapValues { Self.merged(wide, $0) }
    }

    /// Indices of the sources that can pay someone at `lab`, ascending.
    public func candidates(at lab: String) -> [Int] { atLab[lab] ?? programWide }

    /// Indices of the sources that may pay `fellow` at `lab` (rule 5), ascending.
    public func payers(for fellow: Fellow, at lab: String) -> [Int] {
        candidates(at: lab).filter { funding[$0].mayPay(for: fellow, at: lab) }
    }

    /// Two ascending lists of distinct indices as one ascending list.
    static func merged(_ a: [Int], _ b: [Int]) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) {
                out.append(a[i])
                i += 1
            } else {
                out.append(b[j])
                j += 1
            }
        }
        return out
    }
}
