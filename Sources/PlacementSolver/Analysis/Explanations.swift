import Domain

/// Plain-words explanations of exclusions, for coordinators.
extension LabExclusion {
    /// The exclusion in words, people, labs and sources by name (from `names`).
    public func explanation(fellow: Fellow, lab: Lab, names: Directory = Directory()) -> String {
        let l = Directory.named(lab.name, lab.id), f = Directory.named(fellow.name, fellow.id)
        switch self {
        case .noSharedArea(let areas, let interests):
            return
                "\(l) is funded for \(areas.joined(separator: ", ")), none of \(f)'s interests (\(interests.joined(separator: ", "))) \(FormatRule.sharedArea.citation)"
        case .forbidden(let reason):
            return
                "\(l) is forbidden for \(f) in rules.csv\(reason.isEmpty ? "" : ": \(reason)") \(FormatRule.rules.citation)"
        case .lockedElsewhere(let other):
            return "\(f) is locked to \(names.lab(other)) \(FormatRule.rules.citation)"
        case .labFull(let capacity, let continuing) where capacity == 0 && continuing == 0:
            return "\(l) has capacity 0 in labs.csv \(FormatRule.capacity.citation)"
        case .labFull(let capacity, let continuing):
            return
                "\(l) is full: capacity \(capacity), \(continuing) continuing fellow\(continuing == 1 ? "" : "s") \(FormatRule.capacity.citation)"
        case .noMentor(let reasons):
            if reasons.isEmpty { return "\(l) has no mentors \(FormatRule.onePlaceEach.citation)" }
            let parts = reasons.sorted { $0.key < $1.key }.map {
                "\(names.mentor($0.key)) \($0.value.explanation(names: names))"
            }
            return "no mentor of \(l) can take \(f): \(parts.joined(separator: "; "))"
        case .noFunding(let need, let refusals):
            let parts = refusals.sorted { $0.key < $1.key }.map {
                "\(names.source($0.key)) \($0.value.explanation(names: names))"
            }
            return
                "no source may pay \(f)'s need of \(MoneyText.dollars(need)) at \(l) \(FormatRule.funding.citation): "
                + (parts.isEmpty ? "there are no funding sources" : parts.joined(separator: "; "))
        case .insufficientFunding(let need, let available):
            return
                "the sources that may pay for \(f) at \(l) hold \(MoneyText.dollars(available)) in all, less than the need of \(MoneyText.dollars(need)) \(FormatRule.funding.citation)"
        }
    }
}

extension MentorExclusion {
    public func explanation(names: Directory = Directory()) -> String {
        switch self {
        case .noSharedArea(let areas):
            return "works on \(areas.joined(separator: ", ")), none of the fellow's interests"
        case .full(let capacity, let continuing): return "is full (capacity \(capacity), \(continuing) continuing)"
        case .forbidden(let reason): return "is forbidden in rules.csv\(reason.isEmpty ? "" : ": \(reason)")"
        case .notTheLockedMentor(let locked): return "is not the locked mentor \(names.mentor(locked))"
        }
    }
}

extension FundingRefusal {
    public func explanation(names: Directory = Directory()) -> String {
        switch self {
        case .otherLab(let lab): return "is a grant of \(names.lab(lab))"
        case .citizensOnly: return "pays only citizens and permanent residents"
        case .areas(let areas): return "pays only for \(areas.joined(separator: ", "))"
        }
    }
}
