import Domain

/// A new fellow and a mentor who would both rather be together than where the
/// placement put them (see ``BlockingPairs``).
public struct BlockingPair: Sendable, Hashable {
    /// `blocks`: the pair blocks as things are; `if-money-allowed`: it would
    /// block, but the money the fellow could be paid from there, with every
    /// other fellow's funding held fixed, does not cover their need.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case blocks
        case ifMoneyAllowed = "if-money-allowed"
    }

    public var fellow: String
    public var mentor: String
    public var lab: String
    public var kind: Kind
    /// The fellow's rank of `lab`.
    public var rank: Int
    /// The fellow's rank of the lab they have (`nil`: unplaced).
    public var currentRank: Int?
    /// The mentor's new fellows whom the mentor ranks below `fellow` and
    /// would give up for them (in fellows.csv order; for `blocks`, those
    /// whose money covers the fellow's need); empty when the mentor and the
    /// lab have room (and, for `blocks`, money left covers the need).
    public var displaces: [String]

    public init(
        fellow: String, mentor: String, lab: String, kind: Kind, rank: Int, currentRank: Int?, displaces: [String]
    ) {
        self.fellow = fellow
        self.mentor = mentor
        self.lab = lab
        self.kind = kind
        self.rank = rank
        self.currentRank = currentRank
        self.displaces = displaces
    }
}

/// The blocking pairs of a placement: weak stability with ties ("Stability
/// and blocking pairs" in docs/scenario-format.md).
///
/// A new fellow f and a mentor m of lab l block when all of these hold:
///
/// 1. (f, l, m) is an eligible choice (``Eligibility``: rules 2, 3 and 6, a
///    lab and mentor not filled by continuing fellows, money that may pay f
///    at l at all). A lock therefore keeps its fellow from blocking.
/// 2. f strictly prefers l: f is unplaced, or ranked l better (a smaller
///    rank) than the lab f has. Fellows rank labs, not mentors, so f is
///    indifferent between the mentors of one lab and never blocks with
///    another mentor of their own lab.
/// 3. m would take f: m has a free place and l has a free place (loads of
///    new and continuing fellows against the capacities), or m has a new
///    fellow g whom m ranks strictly below f (mentor_preferences.csv; a
///    fellow m did not rank comes after every fellow m ranked, and two
///    unranked fellows are tied). Continuing fellows hold their places and
///    are never displaced; they never block either.
///
/// The pair is `blocks` when, for one of the ways in 3, f's need at l is
/// covered by the money left in the sources that may pay f at l (rule 5)
/// plus what those sources pay f now and, when g is displaced, g: every
/// other fellow's funding is held fixed. Rule 8's appointment rules are not
/// checked here. Otherwise the pair is `if-money-allowed`.
public enum BlockingPairs {
    public static func find(_ s: Scenario, _ o: PlacementOutcome) -> [BlockingPair] {
        guard o.hasPlacement else { return [] }
        let e = Eligibility(s)
        let context = Context(s, o)
        var found: [BlockingPair] = []
        for (fi, f) in s.fellows.enumerated() where f.isNew {
            guard let p = context.rows[f.id], p.status != .continuing else { continue }
            let current = p.status == .unplaced ? nil : p.rank
            if p.status == .new && current == nil { continue }
            for ci in e.choicesOfFellow[fi] ?? [] {
                let c = e.choices[ci]
                if let current, c.rank >= current { continue }
                let lab = s.labs[c.lab], mentor = s.mentors[c.mentor]
                if lab.id == p.lab { continue }
                if let pair = context.pair(f, p, mentor: mentor, lab: lab, rank: c.rank, need: c.need) {
                    found.append(pair)
                }
            }
        }
        return found
    }

    /// The outcome indexed for the test of one pair.
    struct Context {
        let scenario: Scenario
        let rows: [String: FellowPlacement]
        let labLoad: [String: Int]
        let mentorLoad: [String: Int]
        let leftCents: [String: Int]
        let sources: SourcesAtLab
        /// Each mentor's new fellows, in fellows.csv order.
        let newFellowsOf: [String: [FellowPlacement]]
        /// A mentor's rank of a fellow (mentor, fellow).
        let mentorRank: [String: Int]

        init(_ s: Scenario, _ o: PlacementOutcome) {
            scenario = s
            rows = Dictionary(o.placements.map { ($0.fellow, $0) }, uniquingKeysWith: { a, _ in a })
            labLoad = Dictionary(o.labLoads.map { ($0.id, $0.total) }, uniquingKeysWith: { a, _ in a })
            mentorLoad = Dictionary(o.mentorLoads.map { ($0.id, $0.total) }, uniquingKeysWith: { a, _ in a })
            leftCents = Dictionary(o.budgets.map { ($0.source, $0.leftCents) }, uniquingKeysWith: { a, _ in a })
            sources = SourcesAtLab(s)
            var of: [String: [FellowPlacement]] = [:]
            for p in o.placements where p.status == .new {
                if let m = p.mentor { of[m, default: []].append(p) }
            }
            newFellowsOf = of
            mentorRank = Dictionary(
                s.mentorPreferences.map { ("\($0.mentor)\u{1}\($0.fellow)", $0.rank) }, uniquingKeysWith: { a, _ in a })
        }

        /// m's rank of f; a fellow m did not rank comes after every ranked one.
        func mentorsRank(of fellow: String, by mentor: String) -> Int {
            mentorRank["\(mentor)\u{1}\(fellow)"] ?? Int.max
        }

        /// The pair (f, m) when m would take f (3 above), with its kind.
        func pair(_ f: Fellow, _ p: FellowPlacement, mentor m: Mentor, lab l: Lab, rank: Int, need: Int)
            -> BlockingPair?
        {
            let hasRoom = (mentorLoad[m.id] ?? 0) < m.capacity && (labLoad[l.id] ?? 0) < l.capacity
            let mine = mentorsRank(of: f.id, by: m.id)
            let displaced = (newFellowsOf[m.id] ?? []).filter {
                $0.fellow != f.id && mentorsRank(of: $0.fellow, by: m.id) > mine
            }
            guard hasRoom || !displaced.isEmpty else { return nil }
            let sources = self.sources.payers(for: f, at: l.id).map { scenario.funding[$0].id }
            func money(freeing others: [FellowPlacement]) -> Int {
                let freed = ([p] + others).flatMap(\.funding).filter { sources.contains($0.source) }
                return sources.reduce(0) { $0 + (leftCents[$1] ?? 0) } + freed.reduce(0) { $0 + $1.cents }
            }
            let covers = { (others: [FellowPlacement]) in need == 0 || money(freeing: others) >= need * 100 }
            let roomCovers = hasRoom && covers([])
            let coveredBy = displaced.filter { covers([$0]) }
            let fundable = roomCovers || !coveredBy.isEmpty
            let displaces = roomCovers ? [] : fundable ? coveredBy : hasRoom ? [] : displaced
            return BlockingPair(
                fellow: f.id, mentor: m.id, lab: l.id, kind: fundable ? .blocks : .ifMoneyAllowed, rank: rank,
                currentRank: p.status == .unplaced ? nil : p.rank, displaces: displaces.map(\.fellow))
        }
    }
}
