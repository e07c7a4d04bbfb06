import Foundation
import Hummingbird
import MultipartKit

/// A posted form: its fields (`application/x-www-form-urlencoded` or
/// `multipart/form-data`) and, for multipart, its files. Every form the
/// office serves carries the session's CSRF token in `_csrf`; ``checked``
/// refuses one that does not.
struct FormBody: Sendable {
    struct File: Sendable {
        var field: String
        var name: String
        var data: Data
    }

    var fields: [String: [String]] = [:]
    var files: [File] = []

    func value(_ name: String) -> String? { fields[name]?.first }

    /// Reads a request's form, at most `limit` bytes.
    static func read(_ request: Request, limit: Int = 1 << 20) async throws -> FormBody {
        let buffer = try await request.body.collect(upTo: limit)
        let type = request.headers[.contentType] ?? ""
        if type.lowercased().hasPrefix("multipart/form-data") {
            guard let boundary = Self.boundary(type) else { throw HTTPError(.badRequest, message: "no boundary") }
            return try multipart(buffer, boundary: boundary)
        }
        return FormBody(fields: urlEncoded(String(buffer: buffer)))
    }

    /// The form, if its `_csrf` is the session's token.
    ///
    /// - Throws: 403 when the token is missing or wrong.
    func checked(_ session: OfficeSession) throws -> FormBody {
        guard let token = value("_csrf"), SecretToken.same(token, session.csrf) else {
            throw HTTPError(
                .forbidden, message: "This form has expired or did not come from this site; reload the page.")
        }
        return self
    }

    static func urlEncoded(_ text: String) -> [String: [String]] {
        var fields: [String: [String]] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            fields[key, default: []].append(value)
        }
        return fields
    }

    private static func decode(_ s: Substring) -> String {
        s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
    }

    private static func boundary(_ contentType: String) -> String? {
        for part in contentType.split(separator: ";") {
            let p = part.trimmingCharacters(in: .whitespaces)
            if p.lowercased().hasPrefix("boundary=") {
                return String(p.dropFirst("boundary=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    private static func multipart(_ buffer: ByteBuffer, boundary: String) throws -> FormBody {
        final class Collector {
            var form = FormBody()
            var disposition = ""
            var body = Data()
        }
        let c = Collector()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in
            if name.lowercased() == "content-disposition" { c.disposition = value }
        }
        parser.onBody = { chunk in c.body.append(contentsOf: chunk.readableBytesView) }
        parser.onPartComplete = {
            let field = Self.parameter("name", of: c.disposition) ?? ""
            if let file = Self.parameter("filename", of: c.disposition) {
                if !file.isEmpty { c.form.files.append(File(field: field, name: file, data: c.body)) }
            } else {
                c.form.fields[field, default: []].append(String(decoding: c.body, as: UTF8.self))
            }
            c.disposition = ""
            c.body = Data()
        }
        do { try parser.execute(buffer) } catch {
            throw HTTPError(.badRequest, message: "The upload could not be read.")
        }
        return c.form
    }

    /// A parameter of a `Content-Disposition` header (`name="files"`).
    static func parameter(_ name: String, of header: String) -> String? {
        for part in header.split(separator: ";") {
            let p = part.trimmingCharacters(in: .whitespaces)
            guard p.lowercased().hasPrefix(name + "=") else { continue }
            var value = String(p.dropFirst(name.count + 1))
            if value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            return value
        }
        return nil
    }
}
