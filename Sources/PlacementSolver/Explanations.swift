import Domain

/// Plain-words explanations of exclusions, for coordinators.
extension LabExclusion {
    public func explanation(fellow: Fellow, lab: Lab) -> String {
        switch self {
        case .noSharedArea(let areas, let interests):
            return "\(lab.id) is funded for \(areas.joined(separator: ", ")), none of \(fellow.id)'s interests (\(interests.joined(separator: ", "))) \(FormatRule.sharedArea.citation)"
        case .forbidden(let reason):
            return "\(lab.id) is forbidden for \(fellow.id) in rules.csv\(reason.isEmpty ? "" : ": \(reason)") \(FormatRule.rules.citation)"
        case .lockedElsewhere(let other):
            return "\(fellow.id) is locked to \(other) \(FormatRule.rules.citation)"
        case .labFull(let capacity, let continuing):
            return "\(lab.id) is full: capacity \(capacity), \(continuing) continuing fellow\(continuing == 1 ? "" : "s") \(FormatRule.capacity.citation)"
        case .noMentor(let reasons):
            if reasons.isEmpty { return "\(lab.id) has no mentors \(FormatRule.onePlaceEach.citation)" }
            let parts = reasons.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.explanation)" }
            return "no mentor of \(lab.id) can take \(fellow.id): \(parts.joined(separator: "; "))"
        case .noFunding(let need, let refusals):
            let parts = refusals.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.explanation)" }
            return "no source may pay \(fellow.id)'s need of \(Money.format(need)) at \(lab.id) \(FormatRule.funding.citation): "
                + (parts.isEmpty ? "there are no funding sources" : parts.joined(separator: "; "))
        case .insufficientFunding(let need, let available):
            return "the sources that may pay for \(fellow.id) at \(lab.id) hold \(Money.format(available)) in all, less than the need of \(Money.format(need)) \(FormatRule.funding.citation)"
        }
    }
}

extension MentorExclusion {
    public var explanation: String {
        switch self {
        case .noSharedArea(let areas): return "works on \(areas.joined(separator: ", ")), none of the fellow's interests"
        case .full(let capacity, let continuing): return "is full (capacity \(capacity), \(continuing) continuing)"
        case .forbidden(let reason): return "is forbidden in rules.csv\(reason.isEmpty ? "" : ": \(reason)")"
        case .notTheLockedMentor(let locked): return "is not the locked mentor \(locked)"
        }
    }
}

extension FundingRefusal {
    public var explanation: String {
        switch self {
        case .otherLab(let lab): return "is a grant of \(lab)"
        case .citizensOnly: return "pays only citizens and permanent residents"
        case .areas(let areas): return "pays only for \(areas.joined(separator: ", "))"
        }
    }
}

/// Dollar amounts for people: `$65,000`, `$1,234.50`.
public enum Money {
    public static func format(_ dollars: Int) -> String { "$" + grouped(dollars) }

    public static func format(cents: Int) -> String {
        let sign = cents < 0 ? "-" : ""
        let c = abs(cents)
        let whole = "$" + grouped(c / 100)
        return sign + (c % 100 == 0 ? whole : whole + "." + (c % 100 < 10 ? "0" : "") + "\(c % 100)")
    }

    static func grouped(_ v: Int) -> String {
        let digits = Array(String(abs(v)))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return (v < 0 ? "-" : "") + out
    }
}
