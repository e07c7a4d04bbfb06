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

    /// What stability cost by the objective ("The cost of stability" in
    /// docs/scenario-format.md): with `stable` or `fewest-blocking-pairs`,
    /// from `StabilityCost`; with `report`, only what is known without
    /// another solve (a proved optimum without blocking pairs is the stable
    /// optimum too), else where to find it.
    public static func stabilityCost(_ o: PlacementOutcome, pairs: [BlockingPair], settings: ScenarioSettings)
        -> String?
    {
        guard o.hasPlacement else { return nil }
        guard settings.stability != .report else {
            if pairs.isEmpty && o.status == .optimal {
                return "The objective's optimum is stable: stability cost nothing."
            }
            return
                "What stability would cost is not worked out here (it needs the stability model); "
                + "set [placement] stability = \"stable\" or \"fewest-blocking-pairs\" to see it."
        }
        guard let c = o.stabilityCost else {
            return "What stability cost is not known: the run without stability found no placement in its time limit."
        }
        let proof = c.proved ? "" : " (not proved: a time limit stopped a search, so this may be off)"
        if c.isFree { return "The objective's optimum is stable: stability cost nothing\(proof)." }
        let without = "the best placement without stability"
        switch c.objectiveKind {
        case .totalRank:
            let n = NumberText.number(c.difference)
            let values = "\(NumberText.number(c.objectiveWithout)) against \(NumberText.number(c.objective)) here"
            let more = c.rankProfileWithout.values.reduce(0, +) - c.rankProfile.values.reduce(0, +)
            guard more == 0 else {
                let placed = more > 0 ? "\(more) more" : "\(-more) fewer"
                return
                    "Stability cost \(n) by the objective: \(without) would place \(placed) new "
                    + "fellow\(abs(more) == 1 ? "" : "s") and be \(n) better (\(values), by the objective, where "
                    + "each unplaced fellow counts \(NumberText.number(settings.unplacedPenalty)))\(proof)."
            }
            return
                "Stability cost \(n) in total rank: \(without) would be \(n) rank\(c.difference == 1 ? "" : "s") "
                + "better in total (\(values), by the objective)\(proof)."
        case .score:
            let n = NumberText.number(c.difference)
            return
                "Stability cost \(n) point\(c.difference == 1 ? "" : "s") of score: \(without) would score "
                + "\(NumberText.number(c.objectiveWithout)) against \(NumberText.number(c.objective)) here\(proof)."
        case .rankMaximal, .generous:
            return
                "Stability cost the rank profile: \(without) has \(profile(c.rankProfileWithout)) against "
                + "\(profile(c.rankProfile)) here\(proof)."
        }
    }

    /// "4 at their 1st choice, 2 at their 2nd".
    static func profile(_ p: [Int: Int]) -> String {
        p.isEmpty
            ? "nobody placed"
            : p.sorted { $0.key < $1.key }.map { "\($0.value) at their \(NumberText.ordinal($0.key))" }
                .joined(separator: ", ")
    }

    /// The report's "Is this placement fair?" in plain words: the choices,
    /// stability, what it cost, and how ties were decided.
    public static func fairness(
        _ o: PlacementOutcome, pairs: [BlockingPair], ties: [Tie], settings: ScenarioSettings
    ) -> [String] {
        [
            headline(o),
            stability(pairs),
            stabilityRequirement(settings.stability)
        ] + [stabilityCost(o, pairs: pairs, settings: settings)].compactMap { $0 }
            + (ties.isEmpty
                ? []
                : [
                    "\(ties.count) new fellow\(ties.count == 1 ? "'s lab was" : "s' labs were") decided by a tie (named above)."
                ]) + [tieBreak(settings)]
    }
}
