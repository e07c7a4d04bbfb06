import Domain
import Foundation
import Hummingbird
import Modeling
import ProgramOffice
import Reports

/// Pressing "Run the match" or "Compare side by side": the solve is queued
/// on the ``RunDesk`` (one per program at a time) and the page redirects at
/// once; the program's page shows it under way and then its words.
struct SolveRoutes {
    let site: ProgramOfficeSite

    func add(to router: Router<OfficeContext>) {
        router.post("/p/:program/run") { request, context in
            let (session, p, _) = try await posted(request, context)
            let office = site.office, turns = site.fileTurns
            await site.desk.start(p.id, kind: "run", by: session.coordinator) { stop, progress in
                await Self.run(p, office: office, turns: turns, by: session.coordinator, stop: stop, progress: progress)
            }
            return Response.redirect(to: "/p/\(WebPath.component(p.id))?said=run")
        }
        router.post("/p/:program/compare") { request, context in
            let (session, p, form) = try await posted(request, context)
            let chosen = Set(form.fields["whatif"] ?? [])
            let whatIfs = p.whatIfs.filter { chosen.contains(($0 as NSString).lastPathComponent) }
            guard !whatIfs.isEmpty else {
                throw HTTPError(.badRequest, message: "Tick at least one what-if to compare.")
            }
            let office = site.office, turns = site.fileTurns
            await site.desk.start(p.id, kind: "comparison", by: session.coordinator) { stop, _ in
                await Self.compare(p, whatIfs, office: office, turns: turns, by: session.coordinator, stop: stop)
            }
            return Response.redirect(to: "/p/\(WebPath.component(p.id))?said=compare")
        }
    }

    private func posted(_ request: Request, _ context: OfficeContext) async throws
        -> (OfficeSession, ShelvedProgram, FormBody)
    {
        let session = try context.signedIn
        let p = try IntakeRoutes(site: site).program(context)
        let form = try await FormBody.read(request).checked(session)
        return (session, p, form)
    }

    static let hints = FrontEndHints(
        explainEveryone: "Each fellow's name on the program's page in the office opens their explanation.")

    /// The program is read in its turn with uploads (``FileTurns``): a run
    /// never reads some files from before an upload and some from after.
    static func run(
        _ p: ShelvedProgram, office: Office, turns: FileTurns, by coordinator: String, stop: StopSignal,
        progress: @escaping @Sendable (String) -> Void
    ) async -> RunDesk.Finished {
        do {
            let opened = try await turns.exclusive(p.id) { try office.open(p.path) }
            var request = RunRequest()
            request.history = p.history
            request.stop = stop
            request.hints = hints
            request.lowPriority = true
            request.progress = { progress(Self.progressText($0)) }
            let r = try await office.runInBackground(opened, request)
            var lines = ConsoleReport.render(r.outcome, scenario: opened.scenario).split(separator: "\n").map(
                String.init)
            if let schedule = r.schedule {
                lines +=
                    [""]
                    + ConsoleReport.render(schedule, scenario: opened.scenario).split(separator: "\n").map(String.init)
            }
            lines += r.recorded.map { ["", "Recorded as run \($0)."] } ?? []
            return RunDesk.Finished(
                kind: "run", by: coordinator, at: office.now(), succeeded: r.verdict == .solved,
                headline: [
                    IntakePage.paragraph(lines.dropFirst().prefix { !$0.isEmpty && !$0.hasSuffix(":") }.prefix(4))
                ],
                lines: lines,
                problems: r.warnings + r.writeNotes)
        } catch let error as OfficeError {
            return failed("run", error, office: office, by: coordinator)
        } catch {
            return RunDesk.Finished(
                kind: "run", by: coordinator, at: office.now(), succeeded: false, headline: ["\(error)"],
                lines: ["\(error)"])
        }
    }

    static func compare(
        _ p: ShelvedProgram, _ whatIfs: [String], office: Office, turns: FileTurns, by coordinator: String,
        stop: StopSignal
    )
        async -> RunDesk.Finished
    {
        do {
            // Read in the program's turn with uploads, as a run is.
            let opened = try await turns.exclusive(p.id) { try office.openComparison(base: p.path, whatIfs: whatIfs) }
            let result = try await OwnThread.run(lowPriority: true) {
                () throws(OfficeError) -> ProgramOffice.ComparisonResult in
                try office.compare(opened, output: p.output + "-compare", solve: SolveLimits(), stop: stop)
            }
            let lines = result.comparison.markdown().split(separator: "\n", omittingEmptySubsequences: false).map(
                String.init)
            return RunDesk.Finished(
                kind: "comparison", by: coordinator, at: office.now(), succeeded: result.verdict == .solved,
                headline: [Wording.comparedSideBySide(result.comparison)], lines: lines,
                problems: result.unreadable.map { "Left out (it has problems): \($0)" })
        } catch let error as OfficeError {
            return failed("comparison", error, office: office, by: coordinator)
        } catch {
            return RunDesk.Finished(
                kind: "comparison", by: coordinator, at: office.now(), succeeded: false, headline: ["\(error)"],
                lines: ["\(error)"])
        }
    }

    private static func failed(_ kind: String, _ error: OfficeError, office: Office, by coordinator: String)
        -> RunDesk.Finished
    {
        RunDesk.Finished(
            kind: kind, by: coordinator, at: office.now(), succeeded: false, headline: [error.message],
            lines: [error.message],
            problems: error.problems.map(\.description))
    }

    static func progressText(_ p: SolveProgress) -> String {
        var parts = ["\(Int(p.elapsedSeconds)) s"]
        if let i = p.incumbent { parts.append("best so far \(NumberText.number(i))") }
        if let g = p.gap { parts.append("gap \(String(format: "%.1f", g * 100)) %") }
        return "(" + parts.joined(separator: ", ") + ")"
    }
}
