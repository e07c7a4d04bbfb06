import Domain
import PlacementSolver

/// `fellowmatch binds`: the limits that are used up and what loosening each
/// would gain, by name, within 80 columns.
public enum BindsReport {
    public static func lines(_ limits: [BindingLimit], objective: Double, scenario: Scenario) -> [String] {
        let names = Directory(scenario)
        let kind = scenario.settings.objective
        var out = TextLayout.wrap(
            "\(Wording.objectiveName(kind).prefix(1).uppercased() + Wording.objectiveName(kind).dropFirst()) "
                + "\(NumberText.number(objective)) (\(kind.rawValue)). \(limits.count) limit\(limits.count == 1 ? " is" : "s are") used up"
                + (limits.isEmpty ? "." : ", most valuable first:"), indent: "")
        let sorted = limits.sorted { ($0.gain ?? 0, $0.kind.rawValue, $0.id) > ($1.gain ?? 0, $1.kind.rawValue, $1.id) }
        for l in sorted {
            let what: String
            switch l.kind {
            case .lab: what = "\(names.lab(l.id)): \(l.used) of \(l.limit) places taken; one more place"
            case .mentor: what = "\(names.mentor(l.id)): \(l.used) of \(l.limit) fellows; one more place"
            case .budget:
                what =
                    "\(names.source(l.id)): \(MoneyText.dollars(l.used)) of \(MoneyText.dollars(l.limit)) used; \(MoneyText.dollars(l.step)) more"
            case .slots: what = "\(names.source(l.id)): \(l.used) of \(l.limit) slots filled; one more slot"
            }
            let gain: String
            if let g = l.gain {
                gain =
                    g > 1e-9
                    ? "would gain \(NumberText.number(g))"
                        + (l.movers.isEmpty
                            ? "" : " (" + l.movers.map { Wording.move($0, names) }.joined(separator: "; ") + ")")
                    : "would gain nothing"
            } else {
                gain = "could not be evaluated"
            }
            out += TextLayout.wrap("\(what) \(gain).", first: "  - ", indent: "    ")
        }
        return out
    }
}
