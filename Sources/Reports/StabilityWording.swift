import Domain
import PlacementSolver

/// The words for a placement's blocking pairs ("Stability and blocking
/// pairs" in docs/scenario-format.md) and for the report's paragraph "Is
/// this placement fair?".
extension Wording {
    /// "No blocking pairs: …", "2 blocking pairs …; 1 more would block if money allowed."
    public static func stability(_ pairs: [BlockingPair]) -> String {
        let blocking = pairs.filter { $0.kind == .blocks }.count
        let money = pairs.count - blocking
        let moneyText =
            money == 0
            ? "" : "; \(money) more pair\(money == 1 ? "" : "s") would block if money allowed"
        guard blocking > 0 else {
            return money == 0
                ? "Stable: no blocking pairs (no new fellow and mentor would both rather be together than where they are)."
                : "Stable as the money stands: no blocking pairs\(moneyText)."
        }
        return
            "\(blocking) blocking pair\(blocking == 1 ? "" : "s"): a new fellow and a mentor who would both rather be together than where they are\(moneyText)."
    }

    /// "Priya Raman (f001) and Dr. Chidi Okafor, Clinical NLP Lab (1st choice; has the 3rd): the mentor has room."
    public static func blockingPair(_ p: BlockingPair, _ names: Directory) -> String {
        let has = p.currentRank.map { "has the \(NumberText.ordinal($0))" } ?? "unplaced"
        let why =
            p.displaces.isEmpty
            ? "the mentor and the lab have room"
            : "the mentor ranks the fellow above " + list(p.displaces.map(names.fellow))
        let money =
            p.kind == .ifMoneyAllowed ? " (only if money allowed: the money that may pay them there is short)" : ""
        return
            "\(names.fellow(p.fellow)) and \(names.mentorName(p.mentor)), \(names.labName(p.lab)) (\(NumberText.ordinal(p.rank)) choice; \(has)): \(why)\(money)."
    }

    /// How ties between equally good placements are decided, as a sentence.
    public static func tieBreak(_ settings: ScenarioSettings) -> String {
        switch settings.tieBreak {
        case .mentorsThenLottery:
            return
                "Between equally good placements, the mentors' ranks of the tied fellows decide first, then a lottery drawn with seed \(settings.seed), never the order of rows in the files ([placement] tie_break)."
        case .none:
            return
                "Between equally good placements, GLPK's deterministic search decides, on a model built in the files' order ([placement] tie_break = \"none\")."
        }
    }

    /// Whether stability was required, as a sentence.
    public static func stabilityRequirement(_ requirement: StabilityRequirement) -> String {
        switch requirement {
        case .report:
            return
                "Stability was not required ([placement] stability = \"report\"): the objective decided, and the pairs are reported."
        case .stable:
            return
                "Stability was required ([placement] stability = \"stable\"): no pair blocks by ranks and room, even if money allowed."
        case .fewestBlockingPairs:
            return
                "The fewest blocking pairs possible came first, then the objective ([placement] stability = \"fewest-blocking-pairs\")."
        }
    }

    /// The report's "Is this placement fair?" in plain words: the choices,
    /// stability, and how ties were decided.
    public static func fairness(
        _ o: PlacementOutcome, pairs: [BlockingPair], ties: [Tie], settings: ScenarioSettings
    ) -> [String] {
        [
            headline(o),
            stability(pairs),
            stabilityRequirement(settings.stability)
        ]
            + (ties.isEmpty
                ? []
                : [
                    "\(ties.count) new fellow\(ties.count == 1 ? "'s lab was" : "s' labs were") decided by a tie (named above)."
                ]) + [tieBreak(settings)]
    }
}
