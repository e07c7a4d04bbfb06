import Domain
import Foundation
import Hummingbird
import ProgramOffice
import RunHistory

/// A person's personal link (`/r/TOKEN`): their ranking page, and saving or
/// certifying it. The token opens only its own person's page while the
/// round is open; its forms carry a token derived from it (a page of
/// another site cannot know it).
struct RankingRoutes {
    let site: ProgramOfficeSite

    func add(to router: Router<OfficeContext>) {
        router.get("/r/:token") { _, context in
            let (token, access, _) = try await opened(context)
            return RankingPage(access: access, csrf: Self.formToken(token), action: "/r/\(token)").page().response
        }
        router.post("/r/:token") { request, context in
            let (token, access, history) = try await opened(context)
            let form = try await FormBody.read(request, limit: 64 << 10)
            guard let csrf = form.value("_csrf"), SecretToken.same(csrf, Self.formToken(token)) else {
                throw HTTPError(.forbidden, message: "This form has expired; reload the page.")
            }
            return try await RankingRoutes.save(
                site, access, form, savedBy: "self", history: history,
                page: RankingPage(access: access, csrf: Self.formToken(token), action: "/r/\(token)"))
        }
    }

    /// The round and person of the link, or 404 saying only that the link does not work.
    private func opened(_ context: OfficeContext) async throws -> (String, RoundAccess, String) {
        let token = context.parameters.get("token") ?? ""
        let office = site.office
        for history in site.histories() {
            // A history that cannot be read is an error page (500), not "this link does not work".
            if let access = try office.roundAccess(token: token, history: history, today: Self.today(office)) {
                return (token, access, history)
            }
        }
        throw HTTPError(
            .notFound,
            message: "This link does not open a ranking: the round may be closed, or a newer link was sent to you.")
    }

    /// Saves a submitted ranking and shows the page again with what was saved, or every problem.
    static func save(
        _ site: ProgramOfficeSite, _ access: RoundAccess, _ form: FormBody, savedBy: String, history: String,
        page: RankingPage
    ) async throws -> Response {
        let boxes = form.fields["choice"] ?? []
        let certify = form.value("action") == "certify"
        var page = page
        do {
            try site.office.saveRanking(access, choices: boxes, certify: certify, savedBy: savedBy, history: history)
        } catch {
            page.problems = error.problems.isEmpty ? [error.message] : error.problems.map(\.message)
            page.submitted = boxes
            return page.page().with(status: .unprocessableContent)
        }
        var updated = access
        updated.current = RoundRanking(
            roundID: access.round.id, person: access.person.person, state: certify ? .certified : .draft,
            ranked: boxes.prefix { !$0.isEmpty }.map { $0 }, savedAt: site.office.now(), savedBy: savedBy)
        page.access = updated
        page.saved = certify ? "Certified: this is the ranking that counts." : "Saved as a draft (not certified yet)."
        return page.page().response
    }

    static func formToken(_ token: String) -> String { SecretToken.sha256("ranking form:" + token) }

    static func today(_ office: Office) -> CalendarDate {
        CalendarDate(String(office.now().prefix(10))) ?? CalendarDate(year: 1970, month: 1, day: 1)
    }
}

extension WebPage {
    func with(status: HTTPResponse.Status) -> Response {
        var page = self
        page.status = status
        return page.response
    }
}

extension ProgramOfficeSite {
    /// The run histories of the programs served (one per folder, usually one).
    func histories() -> [String] {
        Array(Set(shelf.programs().map(\.history))).sorted()
    }
}
