import Foundation
import Hummingbird
import ProgramOffice
import Reports
import RunHistory

/// The programs list, a program's page, the changes between two runs, a
/// fellow's explanation, and publishing a run.
struct IntakeRoutes {
    let site: ProgramOfficeSite

    /// What a redirect's `said` code tells the coordinator (never text from the request).
    static let sayings = [
        "run": "The run is queued; this page shows it under way and its result when it ends.",
        "compare": "The comparison is queued; its link appears below when it ends.",
        "published": "Published: the run is now the intake's official match.",
        "uploaded": "Uploaded and checked: the files were replaced (the earlier ones are kept in .replaced/).",
        "extended": "The round's deadline was moved.",
        "closed":
            "The round is closed: preferences.csv and mentor_preferences.csv now hold the certified rankings (the earlier files are kept in .replaced/). Run the match when ready."
    ]

    func add(to router: Router<OfficeContext>) {
        router.get("/") { _, context in try programsPage(context) }
        router.get("/p/:program") { request, context in try await intakePage(request, context) }
        router.get("/p/:program/check") { _, context in try await checkPage(context) }
        router.get("/p/:program/placements") { _, context in try await placementsPage(context) }
        router.get("/p/:program/diff") { request, context in try await diffPage(request, context) }
        router.get("/p/:program/explain/:fellow") { _, context in try await explainPage(context) }
        router.post("/p/:program/publish") { request, context in try await publish(request, context) }
    }

    func program(_ context: OfficeContext) throws -> ShelvedProgram {
        guard let id = context.parameters.get("program")?.removingPercentEncoding, let p = site.shelf.program(id) else {
            throw HTTPError(.notFound, message: "There is no such program here.")
        }
        return p
    }

    private func programsPage(_ context: OfficeContext) throws -> Response {
        let programs = site.shelf.programs().map { p -> [String: Any] in
            [
                "id": p.id, "path": WebPath.component(p.id), "kind": p.isWorkbook ? "workbook" : "scenario folder",
                "whatIfs": p.whatIfs.count
            ]
        }
        return WebPage(
            title: "Programs", template: "programs", context: ["programs": programs, "folder": site.shelf.folder],
            session: try context.signedIn
        ).response
    }

    private func intakePage(_ request: Request, _ context: OfficeContext) async throws -> Response {
        let session = try context.signedIn
        let p = try program(context)
        let entry = await site.opened.opened(p, office: site.office)
        let intakeKey = try? entry.opened.get().intakeKey
        var recorded: RecordedRuns.Entry?
        if let key = intakeKey {
            recorded = await site.recorded.entry(history: p.history, intakeKey: key, office: site.office)
        }
        let status = await site.desk.status(p.id)
        let code = request.uri.queryParameters.get("said")
        // "Queued" is news only while the solve is queued or under way.
        let stale = (code == "run" || code == "compare") && status.running == nil && status.waiting == 0
        let said = stale ? nil : code.flatMap { Self.sayings[$0] }
        let overview = FileRoutes.overview(p.output)
        let page = IntakePage(
            program: p, entry: entry, status: status, runs: recorded?.runs ?? [],
            files: overview.files, folders: overview.folders, round: recorded?.round,
            hasComparison: FileRoutes.hasComparison(p),
            flash: said)
        return page.page(session).response
    }

    private func checkPage(_ context: OfficeContext) async throws -> Response {
        let session = try context.signedIn
        let p = try program(context)
        let entry = await site.opened.opened(p, office: site.office)
        let findings = (entry.check?.findings ?? []).sorted { $0.blocking && !$1.blocking }
        return WebPage(
            title: "Check", template: "check",
            context: [
                "id": p.id, "path": WebPath.component(p.id),
                "findings": findings.map { ["text": ($0.blocking ? "Problem: " : "Warning: ") + $0.message] }
            ], session: session, program: p.id
        ).response
    }

    private func placementsPage(_ context: OfficeContext) async throws -> Response {
        let session = try context.signedIn
        let p = try program(context)
        let entry = await site.opened.opened(p, office: site.office)
        guard let key = try? entry.opened.get().intakeKey,
            let latest = await site.recorded.runs(history: p.history, intakeKey: key, office: site.office).first
        else { throw HTTPError(.notFound, message: "No run of this intake is recorded yet.") }
        return WebPage(
            title: "Placements", template: "placements",
            context: [
                "run": latest.id, "id": p.id, "path": WebPath.component(p.id),
                "placements": IntakePage.placementRows(latest, program: p)
            ], session: session, program: p.id
        ).response
    }

    private func diffPage(_ request: Request, _ context: OfficeContext) async throws -> Response {
        let session = try context.signedIn
        let p = try program(context)
        guard let a = request.uri.queryParameters.get("a", as: Int64.self),
            let b = request.uri.queryParameters.get("b", as: Int64.self)
        else { throw HTTPError(.badRequest, message: "Name two runs to compare.") }
        let ra = try await record(a, p)
        let rb = try await record(b, p)
        let lines = HistoryText.diff(ra, rb) + HistoryText.talkDiff(ra, rb)
        return WebPage(
            title: "Runs \(a) and \(b)", template: "lines",
            context: [
                "heading": "What changed from run \(a) to run \(b)", "lines": lines, "id": p.id,
                "path": WebPath.component(p.id)
            ], session: session, program: p.id
        ).response
    }

    /// Run `id` of the program's intake (another intake's run is not this page's to show).
    private func record(_ id: Int64, _ p: ShelvedProgram) async throws -> RunRecord {
        let entry = await site.opened.opened(p, office: site.office)
        guard let r = try? site.office.recordedRun(id, history: p.history),
            let key = try? entry.opened.get().intakeKey, r.intakeKey == key
        else { throw HTTPError(.notFound, message: "There is no run \(id) of this program's intake.") }
        return r
    }

    private func explainPage(_ context: OfficeContext) async throws -> Response {
        let session = try context.signedIn
        let p = try program(context)
        guard let fellow = context.parameters.get("fellow")?.removingPercentEncoding else { throw HTTPError(.notFound) }
        let entry = await site.opened.opened(p, office: site.office)
        guard case .success(let opened) = entry.opened else {
            throw HTTPError(.conflict, message: "The program's files have problems; its page lists them.")
        }
        guard opened.scenario.fellow(fellow) != nil else {
            throw HTTPError(.notFound, message: "There is no such fellow in this program.")
        }
        let office = site.office
        let result = try await OwnThread.run(lowPriority: true) { try office.explain(opened, .one(fellow)) }
        let s = opened.scenario
        let lines = result.explanations.flatMap { ExplainReport.lines($0, scenario: s) }
        return WebPage(
            title: s.fellow(fellow)?.name ?? fellow, template: "lines",
            context: [
                "heading": "Why \(s.fellow(fellow)?.name ?? fellow) is where they are",
                "subtitle": "Worked out now from the program's files, as `fellowmatch explain` does.",
                "lines": lines.isEmpty ? OfficeText.nothingToExplain(result.base) : lines, "id": p.id,
                "path": WebPath.component(p.id)
            ], session: session, program: p.id
        ).response
    }

    private func publish(_ request: Request, _ context: OfficeContext) async throws -> Response {
        let session = try context.signedIn
        let p = try program(context)
        let form = try await FormBody.read(request).checked(session)
        guard let id = form.value("run").flatMap(Int64.init) else {
            throw HTTPError(.badRequest, message: "Choose a run to publish.")
        }
        let note = (form.value("note") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty else { throw HTTPError(.badRequest, message: "Publishing needs a note saying why.") }
        _ = try await record(id, p)
        do {
            _ = try site.office.publish(
                id, note: "\(note) (by \(session.coordinator))", replace: form.value("replace") == "yes",
                history: p.history)
        } catch {
            throw HTTPError(
                .conflict,
                message: error.message
                    + (error.code == .officialMatchExists ? " Tick \"replaces the official match\" to replace it." : "")
            )
        }
        return Response.redirect(to: "/p/\(WebPath.component(p.id))?said=published")
    }
}
