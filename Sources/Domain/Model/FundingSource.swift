/// A funding source and its annual budget (a row of funding.csv).
public struct FundingSource: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    /// The lab whose grant this is; `nil`: a program-wide pool usable at any lab.
    public var lab: String?
    /// Dollars a year available for fellows' costs.
    public var budget: Int
    /// Only citizens and permanent residents may be paid from it.
    public var citizensOnly: Bool
    /// Only fellows with one of these interests may be paid from it; empty: any.
    public var areas: [String]
    /// `kind`: what sort of money this is (rule 8); `nil` when funding.csv gives none.
    public var kind: FundingKind?
    /// `slots`: the most fellows it may pay (rule 8; a training grant's trainee positions); `nil`: no limit.
    public var slots: Int?
    public var line: Int

    public init(
        id: String, name: String? = nil, lab: String? = nil, budget: Int, citizensOnly: Bool = false,
        areas: [String] = [], kind: FundingKind? = nil, slots: Int? = nil, line: Int = 0
    ) {
        self.id = id
        self.name = name ?? id
        self.lab = lab
        self.budget = budget
        self.citizensOnly = citizensOnly
        self.areas = areas
        self.kind = kind
        self.slots = slots
        self.line = line
    }

    /// Why this source may not pay for `fellow` at `labID`, or `nil` if it may (rule 5).
    public func refusal(for fellow: Fellow, at labID: String) -> FundingRefusal? {
        if let lab, lab != labID { return .otherLab(lab) }
        if citizensOnly && !fellow.citizenship.mayReceiveCitizensOnlyFunds { return .citizensOnly }
        if !areas.isEmpty && !areas.sharesItem(with: fellow.interests) { return .areas(areas) }
        return nil
    }

    public func mayPay(for fellow: Fellow, at labID: String) -> Bool { refusal(for: fellow, at: labID) == nil }

    /// The order in which money is spent, most restricted first, so flexible
    /// money stays for the fellows only it may pay: 1 a lab's own grant,
    /// 2 a restricted program-wide pool (citizens-only or areas), 3 an unrestricted pool.
    public var spendingTier: Int {
        if lab != nil { return 1 }
        return citizensOnly || !areas.isEmpty ? 2 : 3
    }
}

/// The kinds of money of funding.csv's `kind` column (rule 8).
public enum FundingKind: String, Sendable, Hashable, CaseIterable {
    /// A training grant (e.g. an NIH T32 or T15): appoints trainees; federal.
    case trainingGrant = "training-grant"
    /// A federal research grant (an R01, a U01).
    case federal
    /// The institution's or a foundation's own money: not federal.
    case institutional

    /// A fellow is paid by at most one federal source (rule 8).
    public var isFederal: Bool { self != .institutional }
}

/// Why a funding source may not pay for a fellow at a lab.
public enum FundingRefusal: Sendable, Hashable {
    case otherLab(String)
    case citizensOnly
    case areas([String])
}

extension Array where Element == String {
    /// Whether the two lists share at least one item.
    public func sharesItem(with other: [String]) -> Bool {
        let set = Set(self)
        return other.contains { set.contains($0) }
    }
}
