import Domain

/// One eligible placement: new fellow `fellow` in lab `lab` with mentor `mentor`
/// (indices into the scenario's arrays), with what the objective needs.
public struct Choice: Hashable, Sendable {
    public var fellow: Int
    public var lab: Int
    public var mentor: Int
    /// The fellow's rank of the lab (1 = first choice).
    public var rank: Int
    /// The fellow's score of the lab (0 when not given).
    public var score: Double
    /// `mentor_cost(m, f)` of the format (see ``MentorCosts``).
    public var mentorCost: Int
    /// Rule 5's need at this lab, in dollars.
    public var need: Int
}

/// Why a mentor of a ranked lab cannot take a fellow.
public enum MentorExclusion: Hashable, Sendable {
    case noSharedArea(mentorAreas: [String])
    case full(capacity: Int, continuing: Int)
    case forbidden(reason: String)
    case notTheLockedMentor(locked: String)
}

/// Why a lab the fellow ranked is not open to them, in the rule's terms.
public enum LabExclusion: Hashable, Sendable {
    /// Rule 3: the lab's funded areas share nothing with the fellow's interests.
    case noSharedArea(labAreas: [String], interests: [String])
    /// Rule 6: a forbid in rules.csv.
    case forbidden(reason: String)
    /// Rule 6: the fellow is locked to another lab.
    case lockedElsewhere(lab: String)
    /// Rule 4: continuing fellows fill the lab.
    case labFull(capacity: Int, continuing: Int)
    /// Rules 3, 4, 6 for mentors: no mentor of the lab can take the fellow.
    case noMentor([String: MentorExclusion])
    /// Rule 5: no source may pay the fellow's need at this lab.
    case noFunding(need: Int, refusals: [String: FundingRefusal])
    /// Rule 5: the sources that may pay have less money in total than the need.
    case insufficientFunding(need: Int, available: Int)
}

/// The choices the placement model has variables for, and why every other
/// ranked lab was left out. Rules 2 (only ranked labs), 3 (areas) and 6
/// (locks and forbids) act here, so the model stays small.
public struct Eligibility: Sendable {
    public var choices: [Choice] = []
    /// Choice indices per fellow index (new fellows only).
    public var choicesOfFellow: [Int: [Int]] = [:]
    /// Ranked labs left out, per fellow index: (lab index, rank, reason), in rank order.
    public var exclusions: [Int: [(lab: Int, rank: Int, reason: LabExclusion)]] = [:]
    /// Sources that may pay each continuing fellow at their lab: fellow index → source indices.
    public var payers: [Int: [Int]] = [:]
    /// Continuing fellows per lab id and per mentor id: they count against
    /// capacities (rule 4) wherever capacity is checked.
    public var continuingInLab: [String: Int] = [:]
    public var continuingWithMentor: [String: Int] = [:]

    /// - Parameter honourLocks: `false` lets a locked fellow go to any other
    ///   eligible lab (used by the infeasibility diagnosis to price a lock).
    public init(_ s: Scenario, honourLocks: Bool = true) {
        let labIndex = Dictionary(uniqueKeysWithValues: s.labs.enumerated().map { ($1.id, $0) })
        let mentorsOfLab = Dictionary(grouping: s.mentors.indices, by: { s.mentors[$0].lab })
        for f in s.fellows where !f.isNew {
            if let l = f.lab { continuingInLab[l, default: 0] += 1 }
            if let m = f.mentor { continuingWithMentor[m, default: 0] += 1 }
        }
        let prefsOf = Dictionary(grouping: s.preferences, by: \.fellow)
        let rulesOf = Dictionary(grouping: s.rules, by: \.fellow)
        let mentorCosts = MentorCosts(s)
        let sources = SourcesAtLab(s)

        for (fi, f) in s.fellows.enumerated() {
            if !f.isNew {
                if let lab = f.lab {
                    payers[fi] = sources.payers(for: f, at: lab)
                }
                continue
            }
            let rules = rulesOf[f.id] ?? []
            let lock = honourLocks ? rules.first { $0.kind == .lock } : nil
            var fellowChoices: [Int] = []
            let prefs = (prefsOf[f.id] ?? []).sorted {
                ($0.rank, labIndex[$0.lab] ?? 0) < ($1.rank, labIndex[$1.lab] ?? 0)
            }
            for p in prefs {
                guard let li = labIndex[p.lab] else { continue }
                let lab = s.labs[li]
                func exclude(_ r: LabExclusion) { exclusions[fi, default: []].append((li, p.rank, r)) }
                if let lock, lock.lab != lab.id {
                    exclude(.lockedElsewhere(lab: lock.lab))
                    continue
                }
                if let forbid = rules.first(where: { $0.kind == .forbid && $0.lab == lab.id && $0.mentor == nil }) {
                    exclude(.forbidden(reason: forbid.reason))
                    continue
                }
                if !lab.areas.sharesItem(with: f.interests) {
                    exclude(.noSharedArea(labAreas: lab.areas, interests: f.interests))
                    continue
                }
                let continuing = continuingInLab[lab.id] ?? 0
                if lab.capacity - continuing < 1 {
                    exclude(.labFull(capacity: lab.capacity, continuing: continuing))
                    continue
                }
                let need = s.need(of: f, at: lab.id)
                let candidates = sources.candidates(at: lab.id)
                if need > 0 {
                    var refusals: [String: FundingRefusal] = [:]
                    var available = 0
                    for si in candidates {
                        let source = s.funding[si]
                        if let r = source.refusal(for: f, at: lab.id) {
                            refusals[source.id] = r
                        } else {
                            available += source.budget
                        }
                    }
                    if available == 0 && refusals.count == candidates.count {
                        // Name every source: the other labs' grants refuse too.
                        for source in s.funding
                        where refusals[source.id] == nil && source.lab != nil && source.lab != lab.id {
                            refusals[source.id] = .otherLab(source.lab!)
                        }
                        exclude(.noFunding(need: need, refusals: refusals))
                        continue
                    }
                    if available < need {
                        exclude(.insufficientFunding(need: need, available: available))
                        continue
                    }
                }
                var mentorReasons: [String: MentorExclusion] = [:]
                var added = false
                for mi in mentorsOfLab[lab.id] ?? [] {
                    let m = s.mentors[mi]
                    if let lock, let locked = lock.mentor, locked != m.id {
                        mentorReasons[m.id] = .notTheLockedMentor(locked: locked)
                        continue
                    }
                    if let forbid = rules.first(where: { $0.kind == .forbid && $0.lab == lab.id && $0.mentor == m.id })
                    {
                        mentorReasons[m.id] = .forbidden(reason: forbid.reason)
                        continue
                    }
                    if !m.areas.isEmpty && !m.areas.sharesItem(with: f.interests) {
                        mentorReasons[m.id] = .noSharedArea(mentorAreas: m.areas)
                        continue
                    }
                    let taken = continuingWithMentor[m.id] ?? 0
                    if m.capacity - taken < 1 {
                        mentorReasons[m.id] = .full(capacity: m.capacity, continuing: taken)
                        continue
                    }
                    fellowChoices.append(choices.count)
                    choices.append(
                        Choice(
                            fellow: fi, lab: li, mentor: mi, rank: p.rank, score: p.score ?? 0,
                            mentorCost: mentorCosts.cost(of: f.id, for: m.id), need: need))
                    added = true
                }
                if !added {
                    exclude(.noMentor(mentorReasons))
                    continue
                }
            }
            choicesOfFellow[fi] = fellowChoices
        }
    }
}

/// `mentor_cost(m, f)` (format amended 2026-12-01): m's rank of f minus 1, so
/// a mentor's first choice costs 0; a pair m did not rank costs the largest
/// rank m gave (as if ranked just below m's last choice); a mentor who ranked
/// nobody costs 0 for every fellow. A mentor's ranks therefore only ever pull
/// fellows towards the mentors who want them.
struct MentorCosts {
    private var ranks: [String: Int] = [:]
    private var worst: [String: Int] = [:]

    init(_ s: Scenario) {
        for p in s.mentorPreferences {
            ranks["\(p.mentor)\u{1}\(p.fellow)"] = p.rank
            worst[p.mentor] = max(worst[p.mentor] ?? 0, p.rank)
        }
    }

    func cost(of fellow: String, for mentor: String) -> Int {
        if let r = ranks["\(mentor)\u{1}\(fellow)"] { return r - 1 }
        return worst[mentor] ?? 0
    }
}
