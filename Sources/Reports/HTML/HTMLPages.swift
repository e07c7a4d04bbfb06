import Domain
import Foundation
import Mustache
import PlacementSolver
import SeminarSolver

/// `report.html` (the coordinator's page to read, print and send) and
/// `comparison.html`, rendered from ``PageTemplates`` with swift-mustache.
/// The `public` variant leaves out citizenship, external funding, funding
/// splits, funding sources and availability, for sharing beyond the office.
public enum HTMLPages {
    /// The pages' stylesheet (a `<style>` element), for other pages to match them.
    public static var stylesheet: String { PageTemplates.style }

    /// Why a fellow is not at their first choice, for the report.
    public struct NotFirstChoice: Sendable {
        public var fellow: String
        public var statements: [String]
        public init(fellow: String, statements: [String]) {
            self.fellow = fellow
            self.statements = statements
        }
    }

    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        // The templates are constants of this module: a failure here is a bug, caught by the tests.
        try! library.register(PageTemplates.head, named: "head")
        try! library.register(PageTemplates.chart, named: "chart")
        try! library.register(PageTemplates.report, named: "report")
        try! library.register(PageTemplates.comparison, named: "comparison")
        return library
    }()

    static var footer: String { "Written by FellowMatch \(FellowMatchVersion.current)." }

    // MARK: report.html

    public static func report(
        _ o: PlacementOutcome, scenario s: Scenario, schedule: ScheduleOutcome?,
        notFirst: [NotFirstChoice], moreNotFirst: Int, ties: [Tie] = [], public isPublic: Bool,
        hints: FrontEndHints = FrontEndHints(), stamp: ReportStamp? = nil, changes: RunChanges? = nil,
        blockingPairs: [BlockingPair] = [], committees: CommitteeOutcome? = nil, defenses: DefenseOutcome? = nil
    ) -> String {
        let names = Directory(s)
        var context: [String: Any] = [
            "style": PageTemplates.style,
            "title": s.settings.name + (s.settings.intake.map { ", \($0) intake" } ?? "")
                + (stamp.map { " (\($0.title))" } ?? ""),
            "stamp": stamp.map { [$0.sentence] } ?? [],
            "pageStamp": stamp.map { [CSSText.string($0.sentence)] } ?? [],
            "subtitle": isPublic
                ? "Placements and seminar series: the version to share beyond the program office."
                : "Placements, funding and seminar series: the program office's report.",
            "headline": o.hasPlacement ? Wording.headline(o) : Wording.status(o, time: false),
            "status": o.hasPlacement ? Wording.status(o, time: false) : "",
            "statusClass": o.status == .optimal ? "proved" : "unproved",
            "hasPlacement": o.hasPlacement,
            "public": isPublic,
            "footer": footer,
            "warnings": isPublic ? [] : o.warnings.map(\.message),
            "unplaced": o.unplaced.isEmpty ? [] : [o.unplaced.map(names.fellow).joined(separator: ", ")],
            "ties": ties.isEmpty ? [] : [Wording.ties(ties, names)]
        ]
        if let changes {
            context["changes"] = [
                "headline": changes.headline(official: true, public: isPublic),
                "parts": changes.parts(public: isPublic).map { ["heading": $0.heading, "lines": $0.lines] }
            ]
        }
        if let d = o.diagnosis, !isPublic { context["diagnosis"] = ["summary": d.summary, "lines": d.lines] }
        if o.hasPlacement {
            context["rankChart"] = rankChart(o)
            context["placementRows"] = TableRows.placements(o, s, names, public: isPublic)
            context["notFirstSummary"] = [Wording.notFirstSummary(o, reasonsShown: !isPublic)]
            context["explanations"] = notFirst.map {
                ["heading": names.fellow($0.fellow), "reasons": Array($0.statements.dropFirst())] as [String: Any]
            }
            context["moreExplanations"] =
                moreNotFirst > 0
                ? [
                    "\(moreNotFirst) more fellow\(moreNotFirst == 1 ? " is" : "s are") not at their first choice"
                        + (hints.explainEveryone.map { ": \($0)" } ?? ".")
                ] : []
            context["labRows"] = TableRows.loads(o.labLoads, name: names.labName, place: names.institution(ofLab:))
            let labOfMentor = Dictionary(s.mentors.map { ($0.id, $0.lab) }, uniquingKeysWith: { a, _ in a })
            context["mentorRows"] = TableRows.loads(
                o.mentorLoads, name: names.mentorName, place: { labOfMentor[$0].map(names.labName) ?? "" })
            if !isPublic {
                // Blocking pairs speak of ranks, which are personal: the office's report only.
                context["fairness"] = [
                    "sentences": Wording.fairness(o, pairs: blockingPairs, ties: ties, settings: s.settings),
                    "pairs": blockingPairs.map { Wording.blockingPair($0, names) },
                    "hasPairs": !blockingPairs.isEmpty
                ]
                context["budgetRows"] = TableRows.budgets(o, s, names)
                context["appointments"] = TableRows.appointments(TrainingGrantAppointments.of(o, scenario: s), names)
            }
        }
        if let schedule {
            if schedule.hasSchedule {
                context["hasSchedule"] = true
                context["months"] = MonthCalendar.html(schedule, names: names)
                context["sessions"] = SessionList.html(schedule, names: names)
                context["scheduleSummary"] = Wording.scheduleSummary(schedule).joined(separator: " ")
            } else {
                context["scheduleProblem"] = [
                    "summary": schedule.status == .timeLimitNoSolution
                        ? "No schedule was found within the time limit."
                        : "No seminar schedule exists.",
                    "lines": isPublic ? [] : ScheduleObstacleWording.lines(schedule)
                ]
            }
        }
        if let committees, !isPublic { context["committees"] = CommitteeFiles.reportContext(committees, scenario: s) }
        if let defenses, !isPublic { context["defenses"] = DefenseFiles.reportContext(defenses, scenario: s) }
        return library.render(context, withTemplate: "report") ?? ""
    }

    static func rankChart(_ o: PlacementOutcome) -> [String: Any] {
        let ranks = o.rankProfile.keys.sorted()
        var chart = BarChart(
            groups: ranks.map { NumberText.ordinal($0) }, series: ["new fellows"],
            values: ranks.map { [o.rankProfile[$0] ?? 0] },
            xAxisLabel: "Choice (the fellow's rank of the lab)", yAxisLabel: "New fellows"
        ).context
        chart["title"] =
            "New fellows at each choice: "
            + ranks.map { "\(NumberText.ordinal($0)) \(o.rankProfile[$0] ?? 0)" }.joined(separator: ", ")
        return chart
    }

    // MARK: comparison.html

    public static func comparison(_ c: Comparison) -> String {
        let base = c.columns.first
        let ranks = Set(c.columns.flatMap { $0.outcome.rankProfile.keys }).sorted()
        var chart = BarChart(
            groups: ranks.map { NumberText.ordinal($0) }, series: c.columns.map(\.label),
            values: ranks.map { r in c.columns.map { $0.outcome.rankProfile[r] ?? 0 } },
            xAxisLabel: "Choice (the fellow's rank of the lab)", yAxisLabel: "New fellows",
            groupWidth: max(60, 16 * c.columns.count + 12)
        ).context
        chart["title"] = "New fellows at each choice, by scenario"
        let context: [String: Any] = [
            "style": PageTemplates.style,
            "title": "What-ifs for \(base?.scenario?.settings.name ?? base?.description ?? "the base scenario")",
            "subtitle":
                "\(c.columns.count - 1) what-if\(c.columns.count == 2 ? "" : "s") compared with the base, each solved on its own.",
            "footer": footer,
            "scenarios": c.columns.enumerated().map {
                ["label": $0.element.label, "description": $0.element.description, "isBase": $0.offset == 0]
                    as [String: Any]
            },
            "measures": c.measures.map { m in
                [
                    "name": m.name, "shown": m.display.trimmingCharacters(in: .whitespaces), "heading": m.isHeading,
                    "span": c.columns.count + 1,
                    "values": m.text
                ] as [String: Any]
            },
            "rankChart": chart,
            "whatIfs": c.diffs.enumerated().map { k, d -> [String: Any] in
                let column = c.columns[k + 1]
                return [
                    "label": column.label, "hasMoves": !d.isEmpty, "showFunding": true,
                    "committees": c.committeeSentences(k).map { ["line": $0] },
                    "hasCommittees": !c.committeeChanges[k].isEmpty,
                    "none": column.outcome.hasPlacement
                        ? "Nobody moves and no funding changes."
                        : "No placement: " + c.reasons(column).joined(separator: " "),
                    "moves": d.map { f in
                        [
                            "fellow": c.names.fellow(f.fellow), "before": c.names.place(f.before),
                            "after": c.names.place(f.after),
                            "rank": f.rankBefore == nil && f.rankAfter == nil
                                ? ""
                                : "\(f.rankBefore.map(NumberText.ordinal) ?? "-") → \(f.rankAfter.map(NumberText.ordinal) ?? "-")",
                            "funding": f.fundingBefore == f.fundingAfter
                                ? "unchanged" : "\(c.fundingWords(f.fundingBefore)) → \(c.fundingWords(f.fundingAfter))"
                        ]
                    }
                ]
            }
        ]
        return library.render(context, withTemplate: "comparison") ?? ""
    }
}
