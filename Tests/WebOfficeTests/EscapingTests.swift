import Foundation
import Hummingbird
import Testing

@testable import WebOffice

/// A name holding markup is shown as text on every page.
@Suite struct EscapingTests {
    static let markup = "<script>alert(1)</script>"

    @Test func aNameWithAScriptTagIsEscapedOnEveryPage() async throws {
        let served = try ServedFolder(programName: "demo") { folder in
            let url = folder.appendingPathComponent("fellows.csv")
            let text = try String(contentsOf: url, encoding: .utf8)
                .replacingOccurrences(of: "Mei-Ling Chen", with: "Mei-Ling \(Self.markup)")
            try text.write(to: url, atomically: true, encoding: .utf8)
            let settings = folder.appendingPathComponent("scenario.toml")
            let toml = try String(contentsOf: settings, encoding: .utf8)
                .replacingOccurrences(
                    of: "name = \"Biomedical Informatics Fellowship\"", with: "name = \"BMI \(Self.markup)\"")
            try toml.write(to: settings, atomically: true, encoding: .utf8)
        }
        let other = served.folder.appendingPathComponent("<b>x<i>.xlsx")
        try Data("not a workbook".utf8).write(to: other)
        try await served.test { browser in
            _ = try await browser.signIn()
            let csrf = try await browser.get("/p/demo").csrf ?? ""
            _ = try await browser.post("/p/demo/run", [("_csrf", csrf)])
            _ = try await browser.post("/p/demo/run", [("_csrf", csrf)])
            await served.site.desk.idle()
            var bad = try String(contentsOf: served.demo.appendingPathComponent("fellows.csv"), encoding: .utf8)
            bad = bad.replacingOccurrences(of: "clinical-nlp;sepsis,73000", with: "clinical-nlp;sepsis,\(Self.markup)")
            let refused = try await browser.upload(
                "/p/demo/upload", csrf: csrf, files: [("fellows.csv", Data(bad.utf8))])
            #expect(refused.status == .unprocessableContent)
            var pages = [refused]
            let opened = try await browser.post("/p/demo/round/open", [("_csrf", csrf), ("deadline", "2099-12-31")])
            let link = try #require(opened.body.firstMatch(of: #/(/r/[A-Za-z0-9_-]{40,})/#).map { String($0.1) })
            pages.append(opened)
            for uri in [
                "/", "/p/demo", "/p/demo/explain/f005", "/p/demo/diff?a=1&b=2", "/p/%3Cb%3Ex%3Ci%3E.xlsx",
                "/p/demo/placements", "/p/demo/check", "/p/demo/round/person/f005", "/p/demo/round/person/m05", link
            ] {
                let p = try await browser.get(uri)
                #expect(p.status == .ok, "\(uri)")
                pages.append(p)
            }
            for p in pages {
                #expect(!p.body.contains("<script"))
                #expect(!p.body.contains("<b>x"))
            }
            #expect(pages.contains { $0.body.contains("Why Mei-Ling &lt;script&gt;") })
        }
    }
}
