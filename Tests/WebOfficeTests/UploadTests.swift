import Foundation
import Hummingbird
import Testing

@testable import WebOffice

/// Uploads are checked before anything is replaced.
@Suite struct UploadTests {
    static func fellows(_ served: ServedFolder) throws -> String {
        try String(contentsOf: served.demo.appendingPathComponent("fellows.csv"), encoding: .utf8)
    }

    @Test func anUploadWithErrorsLeavesTheFilesByteIdenticalAndShowsEveryProblem() async throws {
        let served = try ServedFolder()
        let before = served.snapshot()
        let bad = try Self.fellows(served)
            .replacingOccurrences(of: "clinical-nlp;sepsis,73000", with: "clinical-nlp;sepsis,lots")
            .replacingOccurrences(
                of: "f002,Tomasz Wójcik,clinical,citizen", with: "f002,Tomasz Wójcik,clinical,martian")
        try await served.test { browser in
            _ = try await browser.signIn()
            let csrf = try await browser.get("/p/demo").csrf
            let p = try await browser.upload(
                "/p/demo/upload", csrf: csrf,
                files: [
                    ("fellows.csv", Data(bad.utf8)),
                    ("labs.csv", try Data(contentsOf: served.demo.appendingPathComponent("labs.csv")))
                ])
            #expect(p.status == .unprocessableContent)
            #expect(p.body.contains("Nothing was replaced"))
            #expect(p.body.contains("<td>fellows.csv</td><td class=\"num\">2</td><td>cost</td>"))
            #expect(p.body.contains("<td>fellows.csv</td><td class=\"num\">3</td><td>citizenship</td>"))
            #expect(!p.body.contains(served.folder.path))
        }
        #expect(served.snapshot() == before)
    }

    @Test func aFileThatIsNotPartOfAScenarioIsRefused() async throws {
        let served = try ServedFolder()
        let before = served.snapshot()
        try await served.test { browser in
            _ = try await browser.signIn()
            let csrf = try await browser.get("/p/demo").csrf
            for name in ["run.sh", "../fellows.csv"] {
                let p = try await browser.upload("/p/demo/upload", csrf: csrf, files: [(name, Data("x".utf8))])
                #expect(p.status == .unprocessableContent, "\(name)")
            }
            let none = try await browser.upload("/p/demo/upload", csrf: csrf, files: [])
            #expect(none.body.contains("No file was chosen"))
        }
        #expect(served.snapshot() == before)
    }

    @Test func aGoodUploadReplacesTheFileAndKeepsTheEarlierOne() async throws {
        let served = try ServedFolder()
        let original = try Self.fellows(served)
        let renamed = original.replacingOccurrences(of: "Priya Raman", with: "Priya Raman-Iyer")
        try await served.test { browser in
            _ = try await browser.signIn()
            let csrf = try await browser.get("/p/demo").csrf
            let p = try await browser.upload("/p/demo/upload", csrf: csrf, files: [("fellows.csv", Data(renamed.utf8))])
            #expect(p.status == .seeOther)
            #expect(p.headers[.location] == "/p/demo?said=uploaded")
            let page = try await browser.get("/p/demo?said=uploaded")
            #expect(page.body.contains("Uploaded and checked"))
        }
        #expect(try Self.fellows(served) == renamed)
        let kept = served.demo.appendingPathComponent(".replaced")
        let stamps = try FileManager.default.contentsOfDirectory(atPath: kept.path)
        #expect(stamps.count == 1)
        let old = try String(
            contentsOf: kept.appendingPathComponent(stamps[0]).appendingPathComponent("fellows.csv"), encoding: .utf8)
        #expect(old == original)
        let staging = served.folder.appendingPathComponent(".fellowmatch-uploads").path
        let left = (try? FileManager.default.contentsOfDirectory(atPath: staging)) ?? []
        #expect(left.isEmpty)
    }
}
