import Foundation
import Hummingbird

/// Signing in and out. The sign-in form carries a token that must match a
/// cookie set with it (so another site cannot sign a browser in); failures
/// are throttled by name and by address.
struct LoginRoutes {
    let site: ProgramOfficeSite
    static let formCookie = "fellowmatch_login"

    func add(to router: Router<OfficeContext>) {
        router.get("/login") { request, context in
            // The gate lets /login through without looking: a signed-in browser goes home.
            if let token = request.cookies[SessionGate.cookie]?.value, try site.accounts.session(token: token) != nil {
                return Response.redirect(to: "/")
            }
            return loginPage(message: nil, name: "", request: request)
        }
        router.post("/login") { request, context in try await signIn(request, context) }
        router.post("/logout") { request, context in
            let session = try context.signedIn
            _ = try await FormBody.read(request).checked(session)
            if let token = request.cookies[SessionGate.cookie]?.value { try site.accounts.closeSession(token: token) }
            var response = Response.redirect(to: "/login")
            response.setCookie(cookie(SessionGate.cookie, "", maxAge: 0))
            return response
        }
    }

    private func signIn(_ request: Request, _ context: OfficeContext) async throws -> Response {
        let form = try await FormBody.read(request, limit: 16 << 10)
        let name = form.value("name") ?? ""
        guard let token = form.value("_csrf"), let expected = request.cookies[Self.formCookie]?.value,
            SecretToken.same(token, expected)
        else {
            return loginPage(message: "The sign-in form expired; please sign in again.", name: name, request: request)
        }
        let address = ClientAddress(
            peer: context.peer, forwardedFor: request.headers[values: .init("X-Forwarded-For")!]
        )
        .counted(behindProxy: site.behindProxy)
        // Counted as a failure as it is allowed, before the (slow) check: parallel guesses cannot all pass.
        guard await site.throttle.attempt(name: name, address: address) else {
            return loginPage(
                message: "Too many failed sign-ins; wait 15 minutes and try again.", name: name,
                status: .tooManyRequests, request: request)
        }
        let password = form.value("password") ?? ""
        let accounts = site.accounts
        let verified = try await OwnThread.run { try accounts.verify(name, password: password) }
        guard verified else {
            return loginPage(
                message: "That name and password do not match an account.", name: name, status: .unauthorized)
        }
        await site.throttle.succeeded(name: name, address: address)
        let (sessionToken, _) = try accounts.openSession(for: name)
        var response = Response.redirect(to: "/")
        response.setCookie(cookie(SessionGate.cookie, sessionToken.value, maxAge: Int(OfficeAccounts.sessionSeconds)))
        response.setCookie(cookie(Self.formCookie, "", maxAge: 0))
        return response
    }

    /// The sign-in page; its form's token is the browser's sign-in cookie
    /// when it has one (another tab's sign-in page, or a request the browser
    /// made on its own such as `/favicon.ico`, must not make it stale).
    private func loginPage(
        message: String?, name: String, status: HTTPResponse.Status = .ok, request: Request? = nil
    ) -> Response {
        let kept = request?.cookies[Self.formCookie]?.value.filter { $0.isLetter || $0.isNumber || "-_".contains($0) }
        let token = kept.flatMap { $0.count == 43 ? $0 : nil } ?? SecretToken.random().value
        var context: [String: Any] = ["csrf": token, "name": name]
        if let message { context["message"] = message }
        var response = WebPage(title: "Sign in", template: "login", context: context, status: status).response
        response.setCookie(cookie(Self.formCookie, token, maxAge: 3600))
        return response
    }

    func cookie(_ name: String, _ value: String, maxAge: Int) -> Cookie {
        Cookie(
            name: name, value: value, maxAge: maxAge, path: "/", secure: site.secureCookies, httpOnly: true,
            sameSite: .strict)
    }
}
