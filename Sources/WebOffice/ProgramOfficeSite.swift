import Foundation
import Hummingbird
import Logging
import ProgramOffice

/// The program office in a browser: the programs under one folder, with
/// their checks, runs, history, what-ifs, uploads and files, for signed-in
/// coordinators. It only parses requests, calls `Office`'s use cases and
/// renders pages.
public struct ProgramOfficeSite: Sendable {
    let shelf: ProgramShelf
    let accounts: OfficeAccounts
    let office: Office
    let desk = RunDesk()
    let opened = OpenedPrograms()
    let recorded = RecordedRuns()
    let fileTurns = FileTurns()
    let throttle: LoginThrottle
    /// Cookies marked `Secure` (when served behind TLS).
    let secureCookies: Bool
    /// Behind a reverse proxy on this machine: the sign-in throttle counts the
    /// client address the proxy forwards (see ``ClientAddress``).
    let behindProxy: Bool

    public init(
        folder: String, accounts: OfficeAccounts, office: Office = Office(), secureCookies: Bool = false,
        behindProxy: Bool = false, loginLimit: Int = 5
    ) throws(WebError) {
        shelf = try ProgramShelf(folder: folder)
        self.accounts = accounts
        self.office = office
        self.secureCookies = secureCookies
        self.behindProxy = behindProxy
        throttle = LoginThrottle(limit: loginLimit)
    }

    /// Every route, behind the session gate.
    public func router() -> Router<OfficeContext> {
        let router = Router(context: OfficeContext.self)
        router.middlewares.add(PageErrors())
        router.middlewares.add(SessionGate(accounts: accounts))
        LoginRoutes(site: self).add(to: router)
        IntakeRoutes(site: self).add(to: router)
        SolveRoutes(site: self).add(to: router)
        FileRoutes(site: self).add(to: router)
        UploadRoutes(site: self).add(to: router)
        RoundRoutes(site: self).add(to: router)
        RankingRoutes(site: self).add(to: router)
        return router
    }

    /// The server on `host`:`port`; ``stopSolves()`` when it stops.
    public func application(host: String, port: Int, logger: Logger? = nil) -> some ApplicationProtocol {
        var log = logger ?? Logger(label: "fellowmatch.serve")
        if logger == nil { log.logLevel = .warning }
        return Application(
            router: router(),
            configuration: .init(address: .hostname(host, port: port), serverName: "FellowMatch"),
            logger: log)
    }

    /// Stops every solve under way (each ends with what it has and records it).
    public func stopSolves() async { await desk.stopAll() }

    /// Whether `host` is a loopback address (serving elsewhere needs TLS in front).
    public static func isLoopback(_ host: String) -> Bool {
        ["127.0.0.1", "::1", "localhost"].contains(host.lowercased()) || host.hasPrefix("127.")
    }
}

/// Errors as pages: an `HTTPError`'s message shown in the layout, a use
/// case's `OfficeError` as its message (with a status by its code), any other
/// error as a plain "something went wrong" (details in the server's log).
struct PageErrors: RouterMiddleware {
    typealias Context = OfficeContext

    static func status(_ code: OfficeError.Code) -> HTTPResponse.Status {
        switch code {
        case .roundClosed, .officialMatchExists, .alreadyPublished: return .conflict
        case .badRanking, .badInput, .badEarlierRun: return .unprocessableContent
        case .unknownFellow, .noSuchRun, .noHistory: return .notFound
        default: return .internalServerError
        }
    }

    /// A path as the log may show it: a personal link's token hidden.
    static func logged(_ path: String) -> String { path.hasPrefix("/r/") ? "/r/…" : path }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do { return try await next(request, context) } catch let error as HTTPError {
            let text = error.body ?? "\(error.status.code) \(error.status.reasonPhrase)"
            return WebPage(
                title: error.status.reasonPhrase, template: "message",
                context: ["heading": error.status.reasonPhrase, "text": text], session: context.session,
                status: error.status
            ).response
        } catch let error as OfficeError {
            // A use case's refusal, in its own words (a closed round, a bad ranking, a history problem).
            return WebPage(
                title: "Not done", template: "message",
                context: ["heading": "That could not be done", "text": error.message], session: context.session,
                status: Self.status(error.code)
            ).response
        } catch {
            context.logger.error("\(request.method) \(Self.logged(request.uri.path)): \(error)")
            return WebPage(
                title: "Error", template: "message",
                context: ["heading": "Something went wrong", "text": "The server could not answer; its log says why."],
                session: context.session, status: .internalServerError
            ).response
        }
    }
}
