import Domain
import Foundation
import Hummingbird
import ProgramOffice

/// The coordinator's side of a preference round: open it (the links shown
/// once), issue a new link, move the deadline, enter a ranking on someone's
/// behalf, close it (the preference files written).
struct RoundRoutes {
    let site: ProgramOfficeSite

    func add(to router: Router<OfficeContext>) {
        router.post("/p/:program/round/open") { request, context in
            let (session, p, _, form) = try await posted(request, context)
            guard let deadline = form.value("deadline").flatMap(CalendarDate.init) else {
                throw HTTPError(.badRequest, message: "Give the round's deadline as a date.")
            }
            // The people are read in the program's turn: an upload that finished meanwhile is what the round lists.
            let routes = self
            let links = try await site.fileTurns.exclusive(p.id) {
                try routes.site.office.openRound(
                    try await routes.readable(p), deadline: deadline, history: p.history, by: session.coordinator)
            }
            return linksPage(links, p, session, request, heading: "The round is open until the end of \(deadline).")
        }
        router.post("/p/:program/round/reissue") { request, context in
            let (session, p, opened, form) = try await posted(request, context)
            let link = try site.office.reissueLink(
                intakeKey: opened.intakeKey, person: form.value("person") ?? "", history: p.history,
                by: session.coordinator)
            return linksPage(
                [link], p, session, request, heading: "A new link for \(link.name); the old one no longer works.")
        }
        router.post("/p/:program/round/extend") { request, context in
            let (session, p, opened, form) = try await posted(request, context)
            guard let deadline = form.value("deadline").flatMap(CalendarDate.init) else {
                throw HTTPError(.badRequest, message: "Give the new deadline as a date.")
            }
            try site.office.extendRound(
                intakeKey: opened.intakeKey, deadline: deadline, history: p.history, by: session.coordinator)
            return Response.redirect(to: "/p/\(WebPath.component(p.id))?said=extended")
        }
        router.post("/p/:program/round/close") { request, context in
            let (session, p, _, _) = try await posted(request, context)
            // Read again in the program's turn: the files written keep the rows an upload made while this waited.
            let routes = self
            _ = try await site.fileTurns.exclusive(p.id) {
                try routes.site.office.closeRound(
                    try await routes.readable(p), history: p.history, by: session.coordinator)
            }
            return Response.redirect(to: "/p/\(WebPath.component(p.id))?said=closed")
        }
        router.get("/p/:program/round/person/:person") { _, context in
            let (session, p, access) = try await onBehalf(context)
            return behalfPage(access, p, session).page().response
        }
        router.post("/p/:program/round/person/:person") { request, context in
            let form = try await FormBody.read(request, limit: 64 << 10).checked(try context.signedIn)
            let (session, p, access) = try await onBehalf(context)
            return try await RankingRoutes.save(
                site, access, form, savedBy: session.coordinator, history: p.history,
                page: behalfPage(access, p, session))
        }
    }

    private func behalfPage(_ access: RoundAccess, _ p: ShelvedProgram, _ session: OfficeSession) -> RankingPage {
        RankingPage(
            access: access, csrf: session.csrf,
            action: "/p/\(WebPath.component(p.id))/round/person/\(WebPath.component(access.person.person))",
            coordinator: session, programID: p.id)
    }

    private func onBehalf(_ context: OfficeContext) async throws -> (OfficeSession, ShelvedProgram, RoundAccess) {
        let session = try context.signedIn
        let p = try IntakeRoutes(site: site).program(context)
        let opened = try await readable(p)
        let person = context.parameters.get("person")?.removingPercentEncoding ?? ""
        return (session, p, try site.office.roundAccess(person: person, program: opened, history: p.history))
    }

    private func posted(_ request: Request, _ context: OfficeContext) async throws
        -> (OfficeSession, ShelvedProgram, OpenedProgram, FormBody)
    {
        let session = try context.signedIn
        let p = try IntakeRoutes(site: site).program(context)
        let form = try await FormBody.read(request).checked(session)
        return (session, p, try await readable(p), form)
    }

    private func readable(_ p: ShelvedProgram) async throws -> OpenedProgram {
        guard case .success(let opened) = await site.opened.opened(p, office: site.office).opened else {
            throw HTTPError(.conflict, message: "The program's files have problems; its page lists them.")
        }
        return opened
    }

    /// The links, shown once, with a CSV of them to download.
    private func linksPage(
        _ links: [IssuedLink], _ p: ShelvedProgram, _ session: OfficeSession, _ request: Request, heading: String
    ) -> Response {
        // Behind a TLS proxy (`--secure-cookies`) the links are https: a token never travels in clear.
        let base = "\(site.secureCookies ? "https" : "http")://\(request.head.authority ?? "127.0.0.1")"
        let rows = links.map { l in
            ["name": l.name, "email": l.email ?? "", "link": "\(base)/r/\(l.token)", "kind": l.kind.rawValue]
        }
        let csv = CSVWriter.render(
            header: ["name", "email", "kind", "link"],
            rows: rows.map { [$0["name"]!, $0["email"]!, $0["kind"]!, $0["link"]!] })
        let data =
            "data:text/csv;charset=utf-8," + (csv.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        return WebPage(
            title: "Personal links", template: "links",
            context: ["heading": heading, "links": rows, "csvLink": data, "id": p.id, "path": WebPath.component(p.id)],
            session: session, program: p.id
        ).response
    }
}
