import Foundation
import Hummingbird
import TestSupport
import Testing

@testable import WebOffice

/// Every page and file is behind a session; every form needs its CSRF
/// token; sign-in is throttled; sessions are kept hashed and survive a restart.
@Suite struct AccessTests {
    static let pages = [
        "/", "/p/demo", "/p/demo/diff?a=1&b=1", "/p/demo/explain/f001", "/p/demo/files/run/report.html",
        "/p/demo/zip/run", "/p/demo/files/compare/comparison.html", "/p/nothing-here", "/p/demo/check",
        "/p/demo/placements", "/p/demo/round/person/f001"
    ]
    static let forms = [
        "/p/demo/run", "/p/demo/compare", "/p/demo/publish", "/p/demo/upload", "/logout", "/p/demo/round/open",
        "/p/demo/round/extend", "/p/demo/round/reissue", "/p/demo/round/close", "/p/demo/round/person/f001"
    ]

    @Test func everyPageWithoutASessionIsSentToSignIn() async throws {
        let served = try ServedFolder()
        try await served.test { browser in
            for page in Self.pages {
                let p = try await browser.get(page)
                #expect(p.status == .seeOther, "\(page)")
                #expect(p.headers[.location] == "/login", "\(page)")
                #expect(!p.body.contains("Biomedical"), "\(page)")
            }
        }
    }

    @Test func everyFormWithoutASessionIsRefusedAndChangesNothing() async throws {
        let served = try ServedFolder()
        let before = served.snapshot()
        try await served.test { browser in
            for form in Self.forms {
                let p = try await browser.post(
                    form, [("_csrf", "x"), ("run", "1"), ("note", "n"), ("whatif", "grant-cut.toml")])
                #expect(p.status == .forbidden, "\(form)")
            }
        }
        await served.site.desk.idle()
        #expect(served.snapshot() == before)
    }

    @Test func aFormWithoutTheSessionsTokenIsRefused() async throws {
        let served = try ServedFolder()
        let before = served.snapshot()
        try await served.test { browser in
            _ = try await browser.signIn()
            for form in Self.forms {
                for token in [nil, "", "forged-token"] as [String?] {
                    var fields = [
                        ("run", "1"), ("note", "n"), ("whatif", "grant-cut.toml"), ("deadline", "2099-01-01"),
                        ("person", "f001")
                    ]
                    if let token { fields.append(("_csrf", token)) }
                    let p = try await browser.post(form, fields)
                    #expect(p.status == .forbidden, "\(form) with \(token ?? "no token")")
                }
            }
            let upload = try await browser.upload("/p/demo/upload", csrf: nil, files: [("fellows.csv", Data("x".utf8))])
            #expect(upload.status == .forbidden)
            // Still signed in: the refused sign-out did not sign out.
            #expect(try await browser.get("/").status == .ok)
        }
        await served.site.desk.idle()
        #expect(served.snapshot() == before)
        #expect(!FileManager.default.fileExists(atPath: served.demo.appendingPathComponent("out").path))
    }

    @Test func signingInSetsAPrivateCookieWhoseTokenIsStoredOnlyHashed() async throws {
        let served = try ServedFolder()
        try await served.test { browser in
            let p = try await browser.signIn()
            #expect(p.status == .seeOther)
            let cookie = p.headers[values: .setCookie].first { $0.hasPrefix(SessionGate.cookie + "=") } ?? ""
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            let token = try #require(browser.cookies[SessionGate.cookie])
            #expect(token.count >= 43)  // 256 bits in base64url
            let stored = try SQLiteEdit.value(
                "SELECT token_hash FROM session", in: OfficeAccounts.path(in: served.folder.path))
            #expect(stored == SecretToken.sha256(token))
            #expect(stored != token)
            let page = try await browser.get("/")
            #expect(page.status == .ok)
            #expect(page.body.contains("Signed in as Ana Coordinator"))
        }
    }

    @Test func aWrongPasswordIsRefusedAndRepeatedFailuresAreThrottled() async throws {
        let served = try ServedFolder(loginLimit: 3)
        try await served.test { browser in
            for _ in 0..<3 {
                let p = try await browser.signIn(password: "not the password")
                #expect(p.status == .unauthorized)
                #expect(p.body.contains("do not match"))
            }
            let p = try await browser.signIn()
            #expect(p.status == .tooManyRequests)
            #expect(browser.cookies[SessionGate.cookie] == nil)
        }
    }

    /// `serve` and `user add` creating the accounts file at once, then two
    /// adds of one name at once: every opening succeeds and one add wins.
    @Test func accountsOpenedAndAddedAtOnce() async throws {
        for round in 0..<5 {
            let folder = Scratch.path("accounts")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let path = folder.appendingPathComponent("office.sqlite").path
            // Each: not opened, opened but refused (the name is taken), or added.
            let results = await withTaskGroup(of: String.self) { group in
                for k in 0..<4 {
                    group.addTask {
                        guard let a = try? OfficeAccounts(path: path, passwordCost: 4) else { return "not opened" }
                        do { try a.add("ada", password: "correct horse \(k)") } catch {
                            return (error as? WebError)?.code == .badAccount ? "refused" : "failed: \(error)"
                        }
                        return "added"
                    }
                }
                return await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(results.sorted() == ["added", "refused", "refused", "refused"], "round \(round)")
            #expect(try OfficeAccounts(path: path, passwordCost: 4).names() == ["ada"])
        }
    }

    /// Twenty guesses at once against a limit of five: five are checked.
    @Test func parallelGuessesAreCountedAsTheyPass() async {
        let throttle = LoginThrottle(limit: 5)
        let passed = await withTaskGroup(of: Bool.self) { group in
            for k in 0..<20 {
                group.addTask { await throttle.attempt(name: "ada", address: "10.0.0.\(k % 3)") }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(passed == 5)
    }

    @Test func successfulSignInsAreNotCountedAgainstTheAddress() async throws {
        let served = try ServedFolder(loginLimit: 2)
        try await served.test { browser in
            for _ in 0..<4 {
                browser.cookies = [:]
                let page = try await browser.signIn()
                #expect(page.status == .seeOther)
            }
        }
    }

    @Test func behindAProxyEachClientIsCountedByTheAddressTheProxyAppended() async throws {
        let served = try ServedFolder(loginLimit: 2, behindProxy: true)
        try await served.test { browser in
            // The client claims 10.0.0.9; the proxy appended the address it saw, 10.0.0.1.
            browser.forwardedFor = "10.0.0.9, 10.0.0.1"
            for name in ["Nobody One", "Nobody Two"] {
                try await browser.signIn(name: name, password: "guess").expect(.unauthorized)
            }
            try await browser.signIn().expect(.tooManyRequests)
            browser.forwardedFor = "10.0.0.1"
            try await browser.signIn().expect(.tooManyRequests)
            browser.forwardedFor = "10.0.0.2"
            try await browser.signIn().expect(.seeOther)
        }
    }

    @Test func withoutTheProxyFlagTheForwardedAddressIsIgnored() async throws {
        let served = try ServedFolder(loginLimit: 2)
        try await served.test { browser in
            for (name, address) in [("Nobody One", "10.0.0.1"), ("Nobody Two", "10.0.0.2")] {
                browser.forwardedFor = address
                try await browser.signIn(name: name, password: "guess").expect(.unauthorized)
            }
            browser.forwardedFor = "10.0.0.3"
            try await browser.signIn().expect(.tooManyRequests)
        }
    }

    @Test func theForwardedAddressIsTrustedOnlyFromThisMachine() {
        let header = ["203.0.113.5, 10.0.0.1"]
        #expect(ClientAddress(peer: "127.0.0.1", forwardedFor: header).counted(behindProxy: true) == "10.0.0.1")
        #expect(ClientAddress(peer: "::1", forwardedFor: ["a", "b"]).counted(behindProxy: true) == "b")
        #expect(ClientAddress(peer: "192.0.2.7", forwardedFor: header).counted(behindProxy: true) == "192.0.2.7")
        #expect(ClientAddress(peer: "127.0.0.1", forwardedFor: header).counted(behindProxy: false) == "127.0.0.1")
        #expect(ClientAddress(peer: "127.0.0.1", forwardedFor: [" , "]).counted(behindProxy: true) == "127.0.0.1")
    }

    @Test func selfCannotBeACoordinatorsName() throws {
        let served = try ServedFolder()
        #expect(throws: WebError.self) { try served.site.accounts.add("Self", password: "long enough password") }
    }

    @Test func aSignInFormFromElsewhereIsRefused() async throws {
        let served = try ServedFolder()
        try await served.test { browser in
            let p = try await browser.post(
                "/login", [("_csrf", "forged"), ("name", "Ana Coordinator"), ("password", ServedFolder.password)])
            #expect(p.body.contains("expired"))
            #expect(browser.cookies[SessionGate.cookie] == nil)
        }
    }

    @Test func aSessionSurvivesARestartAndEndsWhenSignedOut() async throws {
        let served = try ServedFolder()
        nonisolated(unsafe) var kept: [String: String] = [:]
        try await served.test { browser in
            _ = try await browser.signIn()
            kept = browser.cookies
        }
        let restarted = try ProgramOfficeSite(
            folder: served.folder.path,
            accounts: OfficeAccounts(path: OfficeAccounts.path(in: served.folder.path), passwordCost: 4))
        try await Application(router: restarted.router()).test(.router) { client in
            var browser = OfficeBrowser(client)
            browser.cookies = kept
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            let out = try await browser.post("/logout", [("_csrf", home.csrf ?? "")])
            #expect(out.status == .seeOther)
            browser.cookies = kept
            #expect(try await browser.get("/").status == .seeOther)
        }
    }
}
