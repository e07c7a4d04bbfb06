import Domain
import Foundation
import Hummingbird
import Mustache
import Reports

/// A page of the web office: a template's body inside the layout (navigation,
/// the sign-out form, the report's stylesheet), sent with headers that keep
/// it private and inert: no caching, no framing, no scripts, nothing fetched.
struct WebPage {
    var title: String
    var template: String
    var context: [String: Any]
    var session: OfficeSession?
    var program: String?
    var refresh: Int?
    var status: HTTPResponse.Status = .ok

    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        let templates = [
            "layout": WebTemplates.layout, "login": WebTemplates.login, "programs": WebTemplates.programs,
            "intake": WebTemplates.intake, "placements": WebTemplates.placements, "check": WebTemplates.check,
            "links": WebTemplates.links, "ranking": WebTemplates.ranking,
            "uploadRefused": WebTemplates.uploadRefused, "lines": WebTemplates.lines,
            "message": WebTemplates.message
        ]
        for (name, text) in templates { try! library.register(text, named: name) }
        return library
    }()

    var html: String {
        let body = Self.library.render(Self.flagged(context), withTemplate: template) ?? ""
        var frame: [String: Any] = [
            "title": title, "body": body, "stylesheet": HTMLPages.stylesheet + WebTemplates.extraStyle,
            "version": FellowMatchVersion.current
        ]
        if let session {
            frame["coordinator"] = session.coordinator
            frame["csrf"] = session.csrf
        }
        if let program {
            frame["program"] = program
            frame["programPath"] = WebPath.component(program)
        }
        if let refresh { frame["refresh"] = refresh }
        return Self.library.render(frame, withTemplate: "layout") ?? ""
    }

    var response: Response { Self.respond(html, status: status) }

    /// An HTML response with the office's headers.
    static func respond(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = privateHeaders
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.init("Content-Security-Policy")!] =
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// What every answer carries: never cached, never sniffed, never framed, no referrer.
    static var privateHeaders: HTTPFields {
        var headers = HTTPFields()
        headers[.cacheControl] = "no-store"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        headers[.init("X-Frame-Options")!] = "DENY"
        headers[.init("Referrer-Policy")!] = "no-referrer"
        return headers
    }

    /// Adds `hasKEY` (whether the list is not empty) beside every list, at
    /// every depth, for templates that wrap a list in a table.
    static func flagged(_ value: Any) -> Any {
        if let dict = value as? [String: Any] {
            var out: [String: Any] = [:]
            for (k, v) in dict {
                out[k] = flagged(v)
                if let list = v as? [Any] { out["has" + k.prefix(1).uppercased() + k.dropFirst()] = !list.isEmpty }
            }
            return out
        }
        if let list = value as? [Any] { return list.map(flagged) }
        return value
    }
}

/// Paths in the office's addresses: a program's or a fellow's id as one
/// percent-encoded path component.
enum WebPath {
    static func component(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
