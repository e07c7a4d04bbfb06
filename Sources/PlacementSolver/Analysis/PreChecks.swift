import Domain

/// A problem that makes the placement impossible on its face, found before
/// any solve, in the coordinator's words.
public struct Finding: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case noEligibleLab = "no-eligible-lab"
        case noFundingForNonCitizen = "no-funding-for-non-citizen"
        case trackLimit = "track-limit"
        case continuingOverCapacity = "continuing-over-capacity"
        case continuingUnfunded = "continuing-unfunded"
        case lockCannotHold = "lock-cannot-hold"
        case aggregateShortfall = "aggregate-shortfall"
        case rankedChoicesLost = "ranked-choices-lost"
        case noStablePlacement = "no-stable-placement"
    }

    public var kind: Kind
    public var message: String
    /// Blocks the solve (`false`: a warning, e.g. a fellow who will be unplaced).
    public var blocking: Bool

    public var description: String { message }
}

/// Pre-checks: what can be told without solving.
public enum PreChecks {
    /// What makes a placement impossible on its face, and warnings.
    ///
    /// - Parameters:
    ///   - s: a validated scenario.
    ///   - e: its ``Eligibility`` (which choices rules 2, 3 and 6 leave).
    /// - Returns: findings in plain words; those with `blocking` set make a
    ///   placement impossible, the others are warnings (e.g. a fellow who
    ///   will be unplaced).
    public static func run(_ s: Scenario, _ e: Eligibility) -> [Finding] {
        let names = Directory(s)
        var findings: [Finding] = []
        let allowUnplaced = s.settings.allowUnplaced
        let locks = Dictionary(
            s.rules.filter { $0.kind == .lock }.map { ($0.fellow, $0) }, uniquingKeysWith: { a, _ in a })

        // A new fellow with no eligible lab, and which rule removed each ranked lab.
        for (fi, f) in s.fellows.enumerated() where f.isNew && (e.choicesOfFellow[fi] ?? []).isEmpty {
            let excluded = e.exclusions[fi] ?? []
            let reasons = excluded.map {
                "rank \($0.rank): \($0.reason.explanation(fellow: f, lab: s.labs[$0.lab], names: names))"
            }
            let nonCitizenUnfunded =
                f.citizenship == .other
                && !excluded.isEmpty
                && excluded.allSatisfy {
                    if case .noFunding = $0.reason { return true }
                    if case .insufficientFunding = $0.reason { return true }
                    return false
                }
            let locked = locks[f.id]
            if let lock = locked, let entry = excluded.first(where: { s.labs[$0.lab].id == lock.lab }) {
                findings.append(
                    Finding(
                        kind: .lockCannotHold,
                        message:
                            "The lock of \(names.fellow(f.id)) to \(names.lab(lock.lab)) cannot be honoured: \(entry.reason.explanation(fellow: f, lab: s.labs[entry.lab], names: names))."
                            + (lock.reason.isEmpty ? "" : " (Lock reason: \(lock.reason).)"),
                        blocking: true))
                continue
            }
            if nonCitizenUnfunded {
                findings.append(
                    Finding(
                        kind: .noFundingForNonCitizen,
                        message: "\(names.fellow(f.id)) is not a citizen or permanent resident and brings "
                            + (f.externalFunding == 0
                                ? "no external funding"
                                : "only \(MoneyText.dollars(f.externalFunding)) of external funding")
                            + ", and no source that may pay non-citizens covers them at any lab they ranked: "
                            + reasons.joined(separator: "; ")
                            + ". Record their external support in fellows.csv (external_funding) or add a source without citizens_only.",
                        blocking: !allowUnplaced || locked != nil))
                continue
            }
            findings.append(
                Finding(
                    kind: .noEligibleLab,
                    message: "\(names.fellow(f.id)) has no eligible lab"
                        + (allowUnplaced && locked == nil ? " and will be unplaced" : "") + ": "
                        + (reasons.isEmpty ? "they ranked no lab" : reasons.joined(separator: "; ")) + ".",
                    blocking: !allowUnplaced || locked != nil))
        }

        // Ranked labs that cannot be had, for fellows who keep a choice.
        findings += LostChoices.findings(s, e, names: names)

        // Track limits that cannot be met.
        for (track, limit) in s.settings.tracks.sorted(by: { $0.key < $1.key }) {
            let members = s.fellows.indices.filter { s.fellows[$0].isNew && s.fellows[$0].track == track }
            let placeable = members.filter { !(e.choicesOfFellow[$0] ?? []).isEmpty }.count
            let mustPlace = allowUnplaced ? members.filter { locks[s.fellows[$0].id] != nil }.count : members.count
            if let lo = limit.minNew, placeable < lo {
                findings.append(
                    Finding(
                        kind: .trackLimit,
                        message:
                            "Track \(track) needs at least \(lo) new fellow\(lo == 1 ? "" : "s") placed (min_new), but only \(placeable) of its \(members.count) new fellows can be placed anywhere.",
                        blocking: true))
            }
            if let hi = limit.maxNew, mustPlace > hi {
                findings.append(
                    Finding(
                        kind: .trackLimit,
                        message: allowUnplaced
                            ? "Track \(track) takes at most \(hi) new fellow\(hi == 1 ? "" : "s") (max_new), but \(mustPlace) of them are locked to labs."
                            : "Track \(track) takes at most \(hi) new fellow\(hi == 1 ? "" : "s") (max_new), but it has \(members.count) and every new fellow must be placed; raise max_new or set [placement] allow_unplaced = true.",
                        blocking: true))
            }
        }

        // More continuing fellows than a lab's or mentor's capacity.
        let inLab = e.continuingInLab, withMentor = e.continuingWithMentor
        for lab in s.labs where (inLab[lab.id] ?? 0) > lab.capacity {
            findings.append(
                Finding(
                    kind: .continuingOverCapacity,
                    message:
                        "\(names.lab(lab.id)) hosts \(inLab[lab.id]!) continuing fellows but its capacity is \(lab.capacity); raise its capacity in labs.csv.",
                    blocking: true))
        }
        for m in s.mentors where (withMentor[m.id] ?? 0) > m.capacity {
            findings.append(
                Finding(
                    kind: .continuingOverCapacity,
                    message:
                        "\(names.mentor(m.id)) supervises \(withMentor[m.id]!) continuing fellows but their capacity is \(m.capacity); raise it in mentors.csv.",
                    blocking: true))
        }

        // Continuing fellows whose need no source may pay.
        for (fi, f) in s.fellows.enumerated() where !f.isNew {
            guard let lab = f.lab else { continue }
            let need = s.need(of: f, at: lab)
            guard need > 0 else { continue }
            let payers = e.payers[fi] ?? []
            let available = payers.reduce(0) { $0 + s.funding[$1].budget }
            if payers.isEmpty {
                let refusals = s.funding.map {
                    "\(names.source($0.id)) \($0.refusal(for: f, at: lab)?.explanation(names: names) ?? "")"
                }
                findings.append(
                    Finding(
                        kind: .continuingUnfunded,
                        message:
                            "Continuing fellow \(names.fellow(f.id)) needs \(MoneyText.dollars(need)) at \(names.lab(lab)), but no source may pay for them: \(refusals.joined(separator: "; ")).",
                        blocking: true))
            } else if available < need {
                findings.append(
                    Finding(
                        kind: .continuingUnfunded,
                        message:
                            "Continuing fellow \(names.fellow(f.id)) needs \(MoneyText.dollars(need)) at \(names.lab(lab)), but the sources that may pay hold only \(MoneyText.dollars(available)).",
                        blocking: true))
            }
        }
        // Money and seats that cannot add up. With allow_unplaced only the
        // continuing fellows must be paid (new ones may stay unplaced, as the
        // solver finds): a shortfall is impossible only when theirs is.
        let continuingShort = allowUnplaced && continuingShortfall(s, e)
        findings += AggregateChecks.findings(s, e, names: names).map { finding in
            var f = finding
            if allowUnplaced { f.blocking = continuingShort }
            return f
        }
        return findings
    }

    /// Whether the continuing fellows alone need more than some set of
    /// sources holds: for a payer set P of a continuing fellow,
    /// Σ_{continuing f, payers(f) ⊆ P} need(f) > Σ_{s ∈ P} budget(s).
    static func continuingShortfall(_ s: Scenario, _ e: Eligibility) -> Bool {
        // The need of each distinct set of payers.
        var needOf: [Set<Int>: Int] = [:]
        for (fi, f) in s.fellows.enumerated() where !f.isNew {
            guard let lab = f.lab else { continue }
            let need = s.need(of: f, at: lab)
            if need > 0 { needOf[Set(e.payers[fi] ?? []), default: 0] += need }
        }
        // A set T ⊆ S holds its rarest source, which S then holds: so the
        // sets under S are among those filed under one of S's sources.
        var holding: [Int: Int] = [:]
        for set in needOf.keys { for x in set { holding[x, default: 0] += 1 } }
        var filed: [Int: [Set<Int>]] = [:]
        for set in needOf.keys {
            let rarest = set.min { (holding[$0, default: 0], $0) < (holding[$1, default: 0], $1) }
            if let rarest { filed[rarest, default: []].append(set) }
        }
        let emptyNeed = needOf[[]] ?? 0
        for set in needOf.keys where !set.isEmpty {
            var need = emptyNeed
            for x in set { for t in filed[x] ?? [] where t.isSubset(of: set) { need += needOf[t, default: 0] } }
            if need > set.reduce(0, { $0 + s.funding[$1].budget }) { return true }
        }
        return false
    }
}
