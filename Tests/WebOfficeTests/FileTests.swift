import Foundation
import Hummingbird
import Testing

@testable import WebOffice

/// Downloads name files inside the program's output folder only.
@Suite struct FileTests {
    @Test func aPathWithDotsOrAnAbsolutePathIsRefused() async throws {
        let served = try ServedFolder()
        let secret = served.folder.appendingPathComponent("secret.txt")
        try Data("secret words".utf8).write(to: secret)
        try FileManager.default.createDirectory(
            at: served.demo.appendingPathComponent("out"), withIntermediateDirectories: true)
        try Data("a,b\n".utf8).write(to: served.demo.appendingPathComponent("out/placements.csv"))
        try await served.test { browser in
            _ = try await browser.signIn()
            #expect(try await browser.get("/p/demo/files/run/placements.csv").status == .ok)
            for path in [
                "/p/demo/files/run/../scenario.toml", "/p/demo/files/run/../../secret.txt",
                "/p/demo/files/run/%2e%2e/scenario.toml", "/p/demo/files/run/%2E%2E/%2E%2E/secret.txt",
                "/p/demo/files/run/..%2F..%2Fsecret.txt", "/p/demo/files/run/%2Fetc%2Fpasswd",
                "/p/demo/files/run//etc/passwd", "/p/demo/files/run/" + secret.path,
                "/p/demo/files/run/./placements.csv", "/p/demo/files/other/placements.csv"
            ] {
                let p = try await browser.get(path)
                #expect(p.status != .ok, "\(path)")
                #expect(!p.body.contains("secret words"), "\(path)")
                #expect(!p.body.contains("root:"), "\(path)")
            }
        }
    }

    @Test func aLinkOutOfTheFolderIsRefused() throws {
        let served = try ServedFolder()
        let out = served.demo.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: out.appendingPathComponent("link.toml").path,
            withDestinationPath: served.demo.appendingPathComponent("scenario.toml").path)
        #expect(throws: HTTPError.self) { try FileRoutes.resolve(["link.toml"], in: out.path) }
    }
}
