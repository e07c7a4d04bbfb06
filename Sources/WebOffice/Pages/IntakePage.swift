import Domain
import Foundation
import ProgramOffice
import Reports
import RunHistory

/// What a program's page shows: where its intake stands, what `check`
/// finds (located at file and row), the solves under way and the latest
/// one's words, the latest run's files and placements, the intake's runs
/// with publish and diff, the what-ifs and the upload form.
struct IntakePage {
    var program: ShelvedProgram
    var entry: OpenedPrograms.Entry
    var status: RunDesk.Status
    var runs: [RunRecord]
    /// The latest run's folder: its files, and its subfolders with their sizes.
    var files: [String]
    var folders: [(name: String, count: Int)]
    /// The intake's latest preference round, if any.
    var round: RoundStatus?
    var hasComparison: Bool
    var flash: String?
    var flashProblem: String?

    func page(_ session: OfficeSession) -> WebPage {
        var c: [String: Any] = [
            "id": program.id, "path": WebPath.component(program.id), "csrf": session.csrf,
            "name": program.id, "workbook": program.isWorkbook,
            "uploadLabel": program.isWorkbook
                ? "The program's workbook (.xlsx)" : "Files of the scenario folder (scenario.toml and CSV files)",
            "files": files.map { ["file": $0, "path": WebPath.component(program.id)] },
            "folders": folders.map { ["folder": $0.name, "count": $0.count] },
            "fileCount": files.count + folders.reduce(0) { $0 + $1.count },
            "mainFiles": Self.mainFiles.filter { files.contains($0.file) }.map {
                ["file": $0.file, "what": $0.what, "path": WebPath.component(program.id)]
            },
            "hasComparison": hasComparison,
            "whatIfs": program.whatIfs.map { ["file": ($0 as NSString).lastPathComponent] }
        ]
        if hasComparison { c["comparison"] = true }
        if let flash { c["flash"] = flash }
        if let flashProblem { c["flashProblem"] = flashProblem }
        switch entry.opened {
        case .success(let opened):
            c["name"] = opened.scenario.settings.name
            if let intake = opened.scenario.settings.intake { c["intake"] = intake }
            c["stages"] = stages(opened.scenario)
            if let check = entry.check {
                c["checkSummary"] = entry.checkSummary
                c["checkVerdict"] = entry.checkVerdict
                let findings = check.findings.sorted { $0.blocking && !$1.blocking }
                c["findings"] = findings.prefix(Self.shownFindings).map {
                    ["text": ($0.blocking ? "Problem: " : "Warning: ") + $0.message]
                }
                if findings.count > Self.shownFindings {
                    c["moreFindings"] = "\(findings.count - Self.shownFindings) more"
                }
            }
            c["problems"] = opened.warnings.map(Self.problemRow)
        case .failure(let error):
            c["problems"] = error.problems.map(Self.problemRow)
            c["problemSummary"] = error.message + ". Correct the files (or upload corrected ones) before running."
            c["stages"] = [["stage": "Files", "text": "they cannot be read yet (see Check)"]]
        }
        c.merge(roundContext(session)) { a, _ in a }
        c.merge(solveContext()) { a, _ in a }
        c.merge(runsContext(session)) { a, _ in a }
        return WebPage(
            title: program.id, template: "intake", context: c, session: session, program: program.id,
            refresh: status.running != nil || status.waiting > 0 ? 3 : nil)
    }

    /// The files a coordinator opens first, with what they are.
    static let mainFiles: [(file: String, what: String)] = [
        ("report.html", "the report, to read and print"),
        ("report-public.html", "the report without private data, to share"),
        ("results.xlsx", "every result as a workbook"), ("placements.csv", "who goes where"),
        ("mail-merge.csv", "the letters' addresses and files, for a mail merge")
    ]

    /// Lines wrapped for a terminal as one paragraph for a page.
    static func paragraph<S: Sequence>(_ lines: S) -> String where S.Element == String {
        lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    static func problemRow(_ issue: ScenarioIssue) -> [String: Any] {
        [
            "file": issue.place ?? (issue.file as NSString).lastPathComponent,
            "line": issue.line > 0 ? "\(issue.line)" : "", "column": issue.column,
            "message": (issue.severity == .warning ? "Warning: " : "") + issue.message, "hint": issue.hint ?? ""
        ]
    }

    private func stages(_ s: Scenario) -> [[String: String]] {
        let new = s.newFellows
        let ranked = Set(s.preferences.map(\.fellow))
        let rankedNew = new.filter { ranked.contains($0.id) }.count
        let mentorsRanking = Set(s.mentorPreferences.map(\.mentor)).count
        let latest = runs.first
        let official = runs.first(where: \.isOfficial)
        return [
            [
                "stage": "Preferences",
                "text": "\(rankedNew) of \(new.count) new fellows have ranked labs; "
                    + "\(mentorsRanking) of \(s.mentors.count) mentors have ranked fellows"
            ],
            [
                "stage": "Matched",
                "text": latest.map { "run \($0.id), recorded \(Self.when($0.recordedAt)): \($0.status)" }
                    ?? "not yet: press Run the match"
            ],
            [
                "stage": "Published",
                "text": official.map {
                    "run \($0.id) is the official match since \(Self.when($0.publishedAt ?? "")) (\($0.publishNote ?? ""))"
                } ?? "not yet: publish a run below once it is the match you want"
            ]
        ]
    }

    private func roundContext(_ session: OfficeSession) -> [String: Any] {
        guard let round else { return [:] }
        let r = round.round
        let open = r.state == .open
        let certified = round.rankings.values.filter { $0.state == .certified }.count
        var c: [String: Any] = ["roundOpen": open]
        c["round"] = [
            "open": open, "deadline": r.deadline,
            "summary": open
                ? "Open until the end of \(r.deadline) (opened by \(r.openedBy)): \(certified) of \(round.people.count) have certified their ranking."
                : "The last round closed on \(Self.when(r.closedAt ?? "")) (by \(r.closedBy ?? "")); its certified rankings are in the preference files.",
            "people": round.people.map { p -> [String: Any] in
                [
                    "name": p.name, "person": p.person, "personPath": WebPath.component(p.person),
                    "ranks": p.kind == .fellow ? "labs" : "fellows",
                    "state": RankingPage.state(round.rankings[p.person])
                ]
            }
        ]
        return c
    }

    private func solveContext() -> [String: Any] {
        var c: [String: Any] = [:]
        if let running = status.running {
            c["running"] = "A \(running) started by \(status.startedBy ?? "a coordinator") is under way."
            if let progress = status.progress { c["progress"] = progress }
        }
        if status.waiting > 0 {
            c["waiting"] = "\(status.waiting) more waiting for their turn (one solve of a program at a time)."
        }
        if let last = status.last {
            c["last"] = [
                "kind": last.kind, "by": last.by, "at": Self.when(last.at),
                "outcome": last.succeeded ? "done" : "did not succeed", "lines": last.lines, "problems": last.problems,
                "headline": last.headline
            ]
        }
        return c
    }

    private func runsContext(_ session: OfficeSession) -> [String: Any] {
        let hasOfficial = runs.contains(where: \.isOfficial)
        let rows: [[String: Any]] = runs.enumerated().map { index, r in
            var row: [String: Any] = [
                "id": r.id, "at": Self.when(r.recordedAt), "result": Self.result(r),
                "published": r.isOfficial
                    ? "official match (\(r.publishNote ?? ""))" : r.replacedAt != nil ? "replaced" : "",
                "path": WebPath.component(program.id), "csrf": session.csrf,
                "publishable": !r.isOfficial && r.replacedAt == nil, "needsReplace": hasOfficial
            ]
            if index + 1 < runs.count { row["diffWith"] = runs[index + 1].id }
            return row
        }
        var c: [String: Any] = ["runs": rows]
        if let latest = runs.first {
            let rows = Self.placementRows(latest, program: program)
            let notFirst = rows.filter { ($0["rank"] as? String) != "1" }
            c["placementsRun"] = latest.id
            c["placements"] = Array(notFirst.prefix(Self.shownNotFirst))
            c["placementsNote"] =
                "\(rows.count - notFirst.count) of \(rows.count) new fellows are at their first choice; "
                + (notFirst.isEmpty
                    ? "nobody is elsewhere."
                    : "the others are listed here"
                        + (notFirst.count > Self.shownNotFirst
                            ? " (the first \(Self.shownNotFirst) of \(notFirst.count))." : "."))
        }
        return c
    }

    /// How many findings of `check` the program's page lists (the check page lists all).
    static let shownFindings = 30

    /// How many fellows not at their first choice the program's page lists
    /// (the placements page lists everyone).
    static let shownNotFirst = 100

    /// A run's new fellows as table rows, each linking to their explanation.
    static func placementRows(_ run: RunRecord, program: ShelvedProgram) -> [[String: Any]] {
        let names = run.directory
        return run.placements.filter { $0.status != .continuing }.map { p -> [String: Any] in
            [
                "fellow": p.fellowName, "fellowPath": WebPath.component(p.fellow),
                "path": WebPath.component(program.id), "lab": p.lab.map { names.labName($0) } ?? "not placed",
                "mentor": p.mentor.map { names.mentorName($0) } ?? "", "rank": p.rank.map { "\($0)" } ?? ""
            ]
        }
    }

    static func result(_ r: RunRecord) -> String {
        let new = r.placements.filter { $0.status != .continuing }
        let placed = new.filter { $0.status == .new }.count
        let first = new.filter { $0.rank == 1 }.count
        return "\(r.status): \(placed) of \(new.count) placed, \(first) at their first choice"
    }

    /// "2026-12-03T07:40:00Z" as "2026-12-03 07:40 UTC".
    static func when(_ iso: String) -> String {
        iso.count >= 16 ? String(iso.prefix(16)).replacingOccurrences(of: "T", with: " ") + " UTC" : iso
    }
}
