/// A new fellow's acceptance of a lab, with rank (1 = first choice) and optional score.
public struct Preference: Sendable, Hashable {
    public var fellow: String
    public var lab: String
    public var rank: Int
    public var score: Double?
    public var line: Int

    public init(fellow: String, lab: String, rank: Int, score: Double? = nil, line: Int = 0) {
        self.fellow = fellow
        self.lab = lab
        self.rank = rank
        self.score = score
        self.line = line
    }
}

/// A mentor's rank of a fellow (1 best).
public struct MentorPreference: Sendable, Hashable {
    public var mentor: String
    public var fellow: String
    public var rank: Int
    public var line: Int

    public init(mentor: String, fellow: String, rank: Int, line: Int = 0) {
        self.mentor = mentor
        self.fellow = fellow
        self.rank = rank
        self.line = line
    }
}

/// The fellow's annual cost if placed at a lab; overrides `Fellow.cost` for that pair.
public struct CostOverride: Sendable, Hashable {
    public var fellow: String
    public var lab: String
    public var cost: Int
    public var line: Int

    public init(fellow: String, lab: String, cost: Int, line: Int = 0) {
        self.fellow = fellow
        self.lab = lab
        self.cost = cost
        self.line = line
    }
}

/// A lock or forbid from rules.csv.
public struct PlacementRule: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable { case lock, forbid }

    public var fellow: String
    public var lab: String
    /// With a lock: that mentor too; with a forbid: only that mentor is excluded.
    public var mentor: String?
    public var kind: Kind
    public var reason: String
    public var line: Int

    public init(fellow: String, lab: String, mentor: String? = nil, kind: Kind, reason: String = "", line: Int = 0) {
        self.fellow = fellow
        self.lab = lab
        self.mentor = mentor
        self.kind = kind
        self.reason = reason
        self.line = line
    }
}
