import Domain
import PlacementSolver

/// `fellowmatch explain`: why a fellow did not get a better-ranked lab, in
/// plain words with names, within 80 columns.
public enum ExplainReport {
    /// Plain-words lines for one fellow (unwrapped: one line per statement).
    public static func statements(_ e: FellowExplanation, scenario: Scenario) -> [String] {
        let names = Directory(scenario)
        let who = names.fellow(e.fellow)
        var out: [String] = []
        if let f = scenario.fellows.first(where: { $0.id == e.fellow }), !f.isNew {
            let place = f.lab.map { " in \(names.place(lab: $0, mentor: f.mentor))" } ?? ""
            return ["\(who) is continuing\(place); only new fellows are placed, so there is nothing to explain."]
        }
        if let f = scenario.withdrawn.first(where: { $0.id == e.fellow }) {
            let on = f.withdrawnOn.map { " on \(DateText.long($0))" } ?? ""
            return ["\(who) withdrew from the program\(on); there is nothing to explain."]
        }
        if let lab = e.lab, let rank = e.rank {
            out.append(
                "\(who) is placed in \(names.place(lab: lab, mentor: e.mentor)) (their \(Wording.ordinalWord(rank)) choice)."
            )
        } else {
            out.append("\(who) is not placed.")
        }
        if e.better.isEmpty { out.append(e.rank == 1 ? "They got their first choice." : "They ranked no lab.") }
        let worse = scenario.settings.objective.isMaximised ? "lower" : "higher"
        for b in e.better {
            let head = "\(NumberText.ordinal(b.rank)) choice, \(names.lab(b.lab)):"
            switch b.verdict {
            case .ineligible(let why):
                out.append("\(head) not eligible: \(why).")
            case .needsChange(let changes, let objective, let displaced):
                let movers = displaced.filter { $0.fellow != e.fellow }
                out.append(
                    "\(head) not possible as things are; the smallest change that would make it possible: "
                        + changes.map(\.message).joined(separator: " ")
                        + (objective.map {
                            " The \(Wording.objectiveName(scenario.settings.objective)) would then be \(NumberText.number($0))"
                        } ?? "")
                        + (movers.isEmpty
                            ? "."
                            : (objective == nil ? " It" : ", and it") + " would move "
                                + movers.map { Wording.move($0, names) }.joined(separator: "; ") + "."))
            case .unsettled:
                out.append(
                    "\(head) not worked out here: with the funding rules of rule 8 it takes a longer solve."
                        + " `fellowmatch explain` works it out.")
            case .infeasible(let why):
                out.append(
                    "\(head) no placement exists with \(names.fellowName(e.fellow)) there: "
                        + why.joined(separator: " "))
            case .cost(let from, let to, let displaced):
                let delta = to - from
                let movers = displaced.filter { $0.fellow != e.fellow }
                let change =
                    delta == 0
                    ? "an equally good placement (a tie)"
                    : "possible, but the \(Wording.objectiveName(scenario.settings.objective)) would be \(NumberText.number(to)) instead of \(NumberText.number(from)) (\(delta > 0 ? "+" : "")\(NumberText.number(delta)), \(delta > 0 ? worse : "better"))"
                out.append(
                    "\(head) \(change)"
                        + (movers.isEmpty
                            ? "."
                            : "; it would move " + movers.map { Wording.move($0, names) }.joined(separator: "; ") + ".")
                )
            }
        }
        return out
    }

    /// The statements wrapped to 80 columns: the first flush, the rest as items.
    public static func lines(_ e: FellowExplanation, scenario: Scenario) -> [String] {
        let s = statements(e, scenario: scenario)
        return s.enumerated().flatMap { k, text in
            k == 0 ? TextLayout.wrap(text, indent: "  ") : TextLayout.wrap(text, first: "  - ", indent: "    ")
        }
    }

    /// The statements as Markdown (for `explain --output`), every one escaped (``MarkdownText``).
    public static func markdown(_ e: FellowExplanation, scenario: Scenario) -> [String] {
        statements(e, scenario: scenario).map(MarkdownText.escape).enumerated().map { k, text in
            k == 0 ? text : "- " + text
        }
    }
}
