import Foundation
import Hummingbird

/// Every page and file is behind a session: a request without a valid
/// session cookie is sent to the sign-in page (a GET) or refused with 403
/// (anything else). Only the sign-in page itself is open (and `/favicon.ico`,
/// answered with nothing), and personal ranking links, which their token opens.
struct SessionGate: RouterMiddleware {
    typealias Context = OfficeContext
    static let cookie = "fellowmatch_session"
    let accounts: OfficeAccounts

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        if request.uri.path == "/login" { return try await next(request, context) }
        // A personal ranking link opens its own page by its token (RankingRoutes).
        if request.uri.path.hasPrefix("/r/") { return try await next(request, context) }
        // Browsers ask for an icon on their own; there is none (and nothing to hide).
        if request.uri.path == "/favicon.ico" { return Response(status: .noContent) }
        guard let token = request.cookies[Self.cookie]?.value,
            let session = try accounts.session(token: token)
        else {
            if request.method == .get || request.method == .head {
                var response = Response.redirect(to: "/login", type: .normal)
                response.headers[.cacheControl] = "no-store"
                return response
            }
            return WebPage.respond("<p>Sign in first.</p>", status: .forbidden)
        }
        var context = context
        context.session = session
        return try await next(request, context)
    }
}
