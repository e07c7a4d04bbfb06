import Foundation
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

@testable import WebOffice

/// A served folder for one test: a copy of the demo (optionally changed), a
/// coordinator "Ana Coordinator" with a known password (bcrypt at its
/// lowest cost, for speed), and the site over it.
struct ServedFolder {
    static let password = "correct horse battery"
    let folder: URL
    let site: ProgramOfficeSite

    var demo: URL { folder.appendingPathComponent("demo") }

    init(
        programName: String = "demo", edit: (URL) throws -> Void = { _ in }, loginLimit: Int = 5,
        behindProxy: Bool = false
    ) throws {
        folder = Scratch.path("served")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scenarios/demo")
        let program = folder.appendingPathComponent(programName)
        try FileManager.default.copyItem(at: source, to: program)
        for leftover in ["out", "out-compare"] {
            try? FileManager.default.removeItem(at: program.appendingPathComponent(leftover))
        }
        try edit(program)
        let accounts = try OfficeAccounts(path: OfficeAccounts.path(in: folder.path), passwordCost: 4)
        try accounts.add("Ana Coordinator", password: Self.password)
        site = try ProgramOfficeSite(
            folder: folder.path, accounts: accounts, behindProxy: behindProxy, loginLimit: loginLimit)
    }

    /// The bytes of every file under the program folder, by relative path.
    func snapshot(_ name: String = "demo") -> [String: Data] {
        let root = folder.appendingPathComponent(name).path
        var files: [String: Data] = [:]
        let e = FileManager.default.enumerator(atPath: root)
        while let rel = e?.nextObject() as? String {
            if let d = FileManager.default.contents(atPath: root + "/" + rel) { files[rel] = d }
        }
        return files
    }
}

/// A test client that keeps cookies like a browser and reads forms' tokens.
struct OfficeBrowser {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    /// An `X-Forwarded-For` header sent with every request (as a proxy would add).
    var forwardedFor: String?

    init(_ client: any TestClientProtocol) { self.client = client }

    struct Page {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: String
        var csrf: String? {
            guard let r = body.range(of: #"name="_csrf" value=""#) else { return nil }
            return String(body[r.upperBound...].prefix { $0 != "\"" })
        }
        /// Records an issue unless the page came with `status`.
        func expect(_ status: HTTPResponse.Status, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(self.status == status, sourceLocation: sourceLocation)
        }
    }

    mutating func get(_ uri: String) async throws -> Page { try await send(uri, .get, body: nil, type: nil) }

    mutating func post(_ uri: String, _ fields: [(String, String)]) async throws -> Page {
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(uri, .post, body: ByteBuffer(string: body), type: "application/x-www-form-urlencoded")
    }

    mutating func upload(_ uri: String, csrf: String?, files: [(String, Data)]) async throws -> Page {
        let boundary = "----fellowmatch-test-boundary"
        var body = Data()
        func add(_ s: String) { body.append(Data(s.utf8)) }
        if let csrf { add("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf)\r\n") }
        for (name, data) in files {
            add("--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\(name)\"\r\n")
            add("Content-Type: text/csv\r\n\r\n")
            body.append(data)
            add("\r\n")
        }
        add("--\(boundary)--\r\n")
        return try await send(
            uri, .post, body: ByteBuffer(bytes: body), type: "multipart/form-data; boundary=\(boundary)")
    }

    /// Signs in as the test's coordinator.
    mutating func signIn(name: String = "Ana Coordinator", password: String = ServedFolder.password) async throws
        -> Page
    {
        let form = try await get("/login")
        return try await post("/login", [("_csrf", form.csrf ?? ""), ("name", name), ("password", password)])
    }

    private mutating func send(_ uri: String, _ method: HTTPRequest.Method, body: ByteBuffer?, type: String?)
        async throws -> Page
    {
        var headers = HTTPFields()
        if !cookies.isEmpty {
            headers[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
                separator: "; ")
        }
        if let type { headers[.contentType] = type }
        if let forwardedFor { headers[.init("X-Forwarded-For")!] = forwardedFor }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        for value in response.headers[values: .setCookie] {
            let pair = value.split(separator: ";")[0].split(
                separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(pair[0])
            let v = pair.count > 1 ? String(pair[1]) : ""
            if v.isEmpty || value.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = v }
        }
        return Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
    }

    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}

extension ServedFolder {
    /// Runs `body` against the site's router.
    func test(_ body: @Sendable (inout OfficeBrowser) async throws -> Void) async throws {
        let app = Application(router: site.router())
        try await app.test(.router) { client in
            var browser = OfficeBrowser(client)
            try await body(&browser)
        }
    }
}
