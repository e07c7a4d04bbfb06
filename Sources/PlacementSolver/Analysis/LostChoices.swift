import Domain

/// Ranked choices that cannot be had, for fellows who keep at least one.
///
/// For every new fellow f with an eligible choice left, the ranked labs
/// ``Eligibility`` excluded, each with its rule and numbers (areas that do
/// not meet, a forbid, a full lab or a capacity of 0, no mentor
/// who can take them, no source that may pay). One warning per fellow, in
/// rank order, so a typo that costs a fellow their first choice is never
/// silent. A lock to another lab is left out: the coordinator set it, and
/// the fellow goes there. (A fellow with no choice left gets a blocking
/// finding instead.)
enum LostChoices {
    static func findings(_ s: Scenario, _ e: Eligibility, names: Directory) -> [Finding] {
        var findings: [Finding] = []
        for (fi, f) in s.fellows.enumerated() where f.isNew && !(e.choicesOfFellow[fi] ?? []).isEmpty {
            // A lock elsewhere is the coordinator's own choice, and the fellow goes there.
            let lost = (e.exclusions[fi] ?? []).filter {
                if case .lockedElsewhere = $0.reason { return false }
                return true
            }
            guard !lost.isEmpty else { continue }
            let reasons = lost.map {
                "rank \($0.rank): \($0.reason.explanation(fellow: f, lab: s.labs[$0.lab], names: names))"
            }
            findings.append(
                Finding(
                    kind: .rankedChoicesLost,
                    message:
                        "\(names.fellow(f.id)) cannot go to \(lost.count) lab\(lost.count == 1 ? "" : "s") they ranked: "
                        + reasons.joined(separator: "; ") + ".",
                    blocking: false))
        }
        return findings
    }
}
