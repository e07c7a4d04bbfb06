import Domain
import PlacementSolver
import SeminarSolver

/// What `fellowmatch run` and `schedule` print: what happened in the
/// coordinator's terms first, then the figures; names with ids where they
/// help; every line within ``TextLayout/width`` columns.
public enum ConsoleReport {
    /// Placements of new fellows are listed one per line up to this many.
    static let listedPlacements = 40

    public static func render(_ o: PlacementOutcome, scenario: Scenario) -> String {
        let names = Directory(scenario)
        var lines: [String] = []
        let title = scenario.settings.intake.map { "\(o.scenarioName) (\($0))" } ?? o.scenarioName
        lines += TextLayout.wrap(title, indent: "")
        if let d = o.diagnosis {
            lines += TextLayout.wrap(d.summary, indent: "")
            if d.changes.isEmpty {
                for l in d.lines { lines += TextLayout.wrap(l, first: "  - ", indent: "    ") }
            } else {
                let sets = [d.changes] + d.alternatives
                for (k, set) in sets.enumerated() {
                    if sets.count == 1 {
                        for c in set { lines += TextLayout.wrap(c.message, first: "  - ", indent: "    ") }
                    } else if set.count == 1 {
                        lines += TextLayout.wrap(set[0].message, first: "  \(k + 1). ", indent: "     ")
                    } else {
                        lines.append("  \(k + 1). All of:")
                        for c in set { lines += TextLayout.wrap(c.message, first: "     - ", indent: "       ") }
                    }
                }
                let totals = d.findings.filter(\.blocking)
                if !totals.isEmpty {
                    lines.append("Totals that already do not add up, before solving:")
                    for f in totals { lines += TextLayout.wrap(f.message, first: "  - ", indent: "    ") }
                }
            }
            return lines.joined(separator: "\n")
        }
        guard o.hasPlacement else {
            lines += TextLayout.wrap(Wording.status(o), indent: "")
            return lines.joined(separator: "\n")
        }
        lines += TextLayout.wrap(Wording.headline(o), indent: "")
        lines += TextLayout.wrap(Wording.status(o), indent: "")
        if !o.unplaced.isEmpty {
            lines += TextLayout.wrap(
                "Unplaced: " + o.unplaced.map(names.fellow).joined(separator: ", ") + ".", indent: "  ")
        }
        lines.append("")
        lines += placementLines(o, names, FirstChoices(scenario))
        if !o.budgets.isEmpty {
            lines.append("")
            lines += fundingTable(o, names)
        }
        let fullLabs = o.labLoads.filter(\.isFull).map { names.labName($0.id) }
        let fullMentors = o.mentorLoads.filter(\.isFull).map { names.mentorName($0.id) }
        if !fullLabs.isEmpty || !fullMentors.isEmpty { lines.append("") }
        if !fullLabs.isEmpty {
            lines += TextLayout.wrap(
                "Labs at capacity (\(fullLabs.count)): " + fullLabs.joined(separator: ", ") + ".", indent: "  ")
        }
        if !fullMentors.isEmpty {
            lines += TextLayout.wrap(
                "Mentors at capacity (\(fullMentors.count)): " + fullMentors.joined(separator: ", ") + ".", indent: "  "
            )
        }
        for w in o.warnings { lines += TextLayout.wrap(w.message, first: "Warning: ", indent: "  ") }
        return lines.joined(separator: "\n")
    }

    /// One line per new fellow (up to ``listedPlacements``): who goes where, at which rank.
    static func placementLines(_ o: PlacementOutcome, _ names: Directory, _ first: FirstChoices) -> [String] {
        let new = o.placements.filter { $0.status != .continuing }
        let notFirst = o.notAtFirstChoice(first)
        var shown = new
        var lines: [String] = []
        if new.count > listedPlacements {
            shown = Array(notFirst.prefix(listedPlacements))
            lines.append(
                shown.isEmpty
                    ? "Every new fellow is at their first choice (placements.csv lists them)."
                    : "New fellows not at their first choice (placements.csv lists everyone):")
        } else {
            lines.append("New fellows (choice, fellow → lab, mentor):")
        }
        for p in shown {
            let place = p.status == .unplaced ? "unplaced" : names.place(Place(lab: p.lab, mentor: p.mentor))
            let rank = TextLayout.pad(p.rank.map(NumberText.ordinal) ?? "-", 4)
            lines += TextLayout.wrap("\(names.fellow(p.fellow)) → \(place)", first: "  \(rank) ", indent: "         ")
        }
        let hidden = notFirst.count - shown.count
        if new.count > listedPlacements && hidden > 0 { lines.append("  … and \(hidden) more (see placements.csv)") }
        return lines
    }

    /// Budget, used and left per source, names clipped to fit 80 columns.
    static func fundingTable(_ o: PlacementOutcome, _ names: Directory) -> [String] {
        let nameWidth = min(36, max(7, o.budgets.map { TextLayout.columns(names.sourceName($0.source)) }.max() ?? 0))
        var lines = [
            "  " + TextLayout.pad("Funding", nameWidth) + "  " + TextLayout.lpad("budget", 12) + "  "
                + TextLayout.lpad("used", 12) + "  " + TextLayout.lpad("left", 12)
        ]
        for b in o.budgets {
            let name = names.sourceName(b.source)
            let figures =
                TextLayout.lpad(MoneyText.dollars(b.budget), 12) + "  "
                + TextLayout.lpad(MoneyText.cents(b.usedCents), 12)
                + "  " + TextLayout.lpad(MoneyText.cents(b.leftCents), 12)
            if TextLayout.columns(name) <= nameWidth {
                lines.append("  " + TextLayout.pad(name, nameWidth) + "  " + figures)
            } else {
                // A long name gets a line of its own rather than being cut.
                lines += TextLayout.wrap(name, first: "  ", indent: "    ")
                lines.append("  " + String(repeating: " ", count: nameWidth) + "  " + figures)
            }
        }
        return lines
    }

    /// The seminar part of the summary.
    public static func render(_ s: ScheduleOutcome, scenario: Scenario) -> String {
        let names = Directory(scenario)
        var lines: [String] = []
        if s.hasSchedule {
            for sentence in Wording.scheduleSummary(s) { lines += TextLayout.wrap(sentence, indent: "  ") }
            if !s.moves.isEmpty || s.kept > 0 {
                lines += TextLayout.wrap(
                    "Re-plan: \(s.kept) talk\(s.kept == 1 ? "" : "s") kept where they were, \(s.moves.count) change\(s.moves.count == 1 ? "" : "s")\(s.moves.isEmpty ? "." : ":")",
                    indent: "  ")
                for m in s.moves { lines += TextLayout.wrap(Wording.talkMove(m, names), first: "  - ", indent: "    ") }
            }
        } else if s.status == .timeLimitNoSolution {
            lines.append("Seminars: no schedule found within the time limit.")
        } else {
            lines.append("Seminars: no schedule exists.")
            for e in ScheduleObstacleWording.lines(s) { lines += TextLayout.wrap(e, first: "  - ", indent: "    ") }
        }
        return lines.joined(separator: "\n")
    }

    /// Fellows whose lab differs among equally good placements.
    public static func ties(_ ties: [Tie], scenario: Scenario) -> String {
        let names = Directory(scenario)
        var lines = TextLayout.wrap(
            "Equally good placements exist; the choice between them was a tie for:", indent: "  ")
        for t in ties {
            lines += TextLayout.wrap(
                "\(names.fellow(t.fellow)): \(names.labName(t.lab)), or equally \(names.labName(t.alternative))"
                    + " (\(Wording.decided(t.decidedBy)))",
                first: "  - ", indent: "    ")
        }
        return lines.joined(separator: "\n")
    }

    /// The blocking pairs, by name: at most `shown`, then how many more;
    /// with `[placement] stability` other than `report` and the `outcome`,
    /// first what stability cost (``Wording/stabilityCost(_:pairs:settings:)``).
    public static func stability(
        _ pairs: [BlockingPair], scenario: Scenario, outcome: PlacementOutcome? = nil, shown: Int = 10
    ) -> String {
        let names = Directory(scenario)
        var lines = TextLayout.wrap(Wording.stability(pairs), indent: "  ")
        if let outcome, scenario.settings.stability != .report,
            let cost = Wording.stabilityCost(outcome, pairs: pairs, settings: scenario.settings)
        {
            lines += TextLayout.wrap(cost, indent: "  ")
        }
        for p in pairs.prefix(shown) {
            lines += TextLayout.wrap(Wording.blockingPair(p, names), first: "  - ", indent: "    ")
        }
        if pairs.count > shown {
            lines += TextLayout.wrap(
                "and \(pairs.count - shown) more (report.html and summary.json list them all).", first: "  ",
                indent: "  ")
        }
        return lines.joined(separator: "\n")
    }

    /// After a re-match: who moved, by name.
    public static func rematch(_ moves: [PlacementMove], scenario: Scenario) -> String {
        let names = Directory(scenario)
        guard !moves.isEmpty else { return "Re-match: nobody moved." }
        var lines = ["Re-match: \(moves.count) change\(moves.count == 1 ? "" : "s"):"]
        for m in moves { lines += TextLayout.wrap(Wording.move(m, names), first: "  - ", indent: "    ") }
        return lines.joined(separator: "\n")
    }

    /// "Wrote DIR: placements.csv, summary.json, ..." wrapped to 80 columns.
    public static func wrote(_ folder: String, files: [String]) -> String {
        let calendars = files.filter { $0.hasPrefix("calendar/") }.count
        let letters = files.filter { $0.hasPrefix("letters/") && $0.hasSuffix(".html") }.count
        let shown =
            files.filter { !$0.hasPrefix("calendar/") && !$0.hasPrefix("letters/") }.sorted()
            + (calendars > 0 ? ["calendar/ (\(calendars) .ics files)"] : [])
            + (letters > 0 ? ["letters/ (\(letters) letters, their e-mail drafts, mail-merge.csv)"] : [])
        return TextLayout.wrap("Wrote \(folder): " + shown.joined(separator: ", "), indent: "  ").joined(
            separator: "\n")
    }
}

extension ConsoleReport {
    /// After a re-match against a recorded run: who moved and whose funding
    /// changed, as `compare` lists it.
    public static func changes(
        since run: Int64, before: PlacementOutcome, names: Directory, after: PlacementOutcome, scenario: Scenario
    ) -> String {
        let comparison = Comparison([
            ComparedScenario(label: "run \(run)", description: "", outcome: before, names: names),
            ComparedScenario(label: "this run", description: scenario.settings.name, scenario: scenario, outcome: after)
        ])
        var lines = comparison.diffLines()
        if !lines.isEmpty { lines[0] = "Since run \(run): " + lines[0].dropFirst("this run: ".count) }
        return lines.joined(separator: "\n")
    }

    /// Better-ranked labs with room now, for the coordinator to decide on.
    public static func opportunities(_ list: [Opportunity], scenario: Scenario) -> String {
        let names = Directory(scenario)
        guard !list.isEmpty else { return "Opportunities: no fellow could move to a lab they ranked higher." }
        var lines = TextLayout.wrap(
            "Opportunities (nobody was moved; a re-run with a lock in rules.csv moves them):", indent: "  ")
        for o in list {
            lines += TextLayout.wrap(
                "\(names.fellow(o.fellow)) could move from \(names.labName(o.currentLab)) (\(NumberText.ordinal(o.currentRank)) choice) "
                    + "to \(names.labName(o.lab)) (\(NumberText.ordinal(o.rank)) choice), with "
                    + Wording.list(o.mentors.map(names.mentorName)) + ".", first: "  - ", indent: "    ")
        }
        return lines.joined(separator: "\n")
    }
}
