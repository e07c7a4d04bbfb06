import Foundation
import Hummingbird
import Testing

@testable import WebOffice

/// A coordinator's intake through the pages: run, read, publish, compare,
/// explain, and two runs pressed at once taking turns.
@Suite struct IntakeTests {
    @Test func aRunIsRecordedAndItsFilesAndPlacementsAreOnThePage() async throws {
        let served = try ServedFolder()
        try await served.test { browser in
            _ = try await browser.signIn()
            let page = try await browser.get("/p/demo")
            #expect(page.body.contains("Biomedical Informatics Fellowship"))
            #expect(page.body.contains("16 of 16 new fellows have ranked labs"))
            let pressed = try await browser.post("/p/demo/run", [("_csrf", page.csrf ?? "")])
            #expect(pressed.status == .seeOther)
            await served.site.desk.idle()
            let after = try await browser.get("/p/demo")
            #expect(after.body.contains("Recorded as run 1."))
            #expect(after.body.contains("All 16 new fellows placed"))
            #expect(after.body.contains(#"href="/p/demo/files/run/report.html""#))
            #expect(after.body.contains(#"href="/p/demo/explain/f005">Mei-Ling Chen</a>"#))
            let report = try await browser.get("/p/demo/files/run/report.html")
            #expect(report.status == .ok)
            #expect(report.headers[.contentType] == "text/html; charset=utf-8")
            #expect(report.body.contains("<h1>"))
            let csv = try await browser.get("/p/demo/files/run/placements.csv")
            #expect(csv.body.hasPrefix("fellow"))
            let zip = try await browser.get("/p/demo/zip/run")
            #expect(zip.headers[.contentType] == "application/zip")
            #expect(zip.body.hasPrefix("PK"))
        }
    }

    @Test func publishingNeedsANoteAndReplacingNeedsToBeTicked() async throws {
        let served = try ServedFolder()
        try await served.test { browser in
            _ = try await browser.signIn()
            let csrf = try await browser.get("/p/demo").csrf ?? ""
            _ = try await browser.post("/p/demo/run", [("_csrf", csrf)])
            _ = try await browser.post("/p/demo/run", [("_csrf", csrf)])
            await served.site.desk.idle()
            let noNote = try await browser.post("/p/demo/publish", [("_csrf", csrf), ("run", "1"), ("note", " ")])
            #expect(noNote.status == .badRequest)
            let first = try await browser.post(
                "/p/demo/publish", [("_csrf", csrf), ("run", "1"), ("note", "Committee, 3 Dec")])
            #expect(first.status == .seeOther)
            let page = try await browser.get("/p/demo?said=published")
            #expect(page.body.contains("official match (Committee, 3 Dec (by Ana Coordinator))"))
            let again = try await browser.post("/p/demo/publish", [("_csrf", csrf), ("run", "2"), ("note", "Redo")])
            #expect(again.status == .conflict)
            #expect(again.body.contains("replaces the official match"))
            let replaced = try await browser.post(
                "/p/demo/publish", [("_csrf", csrf), ("run", "2"), ("note", "Redo"), ("replace", "yes")])
            #expect(replaced.status == .seeOther)
            let unknown = try await browser.post("/p/demo/publish", [("_csrf", csrf), ("run", "99"), ("note", "x")])
            #expect(unknown.status == .notFound)
        }
    }

    @Test func twoRunsPressedAtOnceTakeTurns() async throws {
        let served = try ServedFolder()
        try await served.test { browser in
            _ = try await browser.signIn()
            let csrf = try await browser.get("/p/demo").csrf ?? ""
            // Each press answers at once; the second waits for the first.
            _ = try await browser.post("/p/demo/run", [("_csrf", csrf)])
            _ = try await browser.post("/p/demo/run", [("_csrf", csrf)])
            let during = try await browser.get("/p/demo")
            #expect(during.body.contains("http-equiv=\"refresh\"") || during.body.contains("Recorded as run"))
            await served.site.desk.idle()
            let page = try await browser.get("/p/demo")
            #expect(page.body.contains("Recorded as run 2."))
            let diff = try await browser.get("/p/demo/diff?a=1&b=2")
            #expect(diff.status == .ok)
            #expect(diff.body.contains("What changed from run 1 to run 2"))
        }
    }

    @Test func whatIfsAreComparedSideBySide() async throws {
        let served = try ServedFolder()
        try await served.test { browser in
            _ = try await browser.signIn()
            let page = try await browser.get("/p/demo")
            #expect(page.body.contains(#"value="grant-cut.toml""#))
            let none = try await browser.post("/p/demo/compare", [("_csrf", page.csrf ?? "")])
            #expect(none.status == .badRequest)
            let unknown = try await browser.post(
                "/p/demo/compare", [("_csrf", page.csrf ?? ""), ("whatif", "../../etc.toml")])
            #expect(unknown.status == .badRequest)
            _ = try await browser.post(
                "/p/demo/compare",
                [("_csrf", page.csrf ?? ""), ("whatif", "grant-cut.toml"), ("whatif", "sabbatical.toml")])
            await served.site.desk.idle()
            let comparison = try await browser.get("/p/demo/files/compare/comparison.html")
            #expect(comparison.status == .ok)
            #expect(comparison.body.contains("grant-cut"))
            #expect(comparison.body.contains("sabbatical"))
        }
    }

    @Test func aFellowsExplanationIsOneClickFromTheirRow() async throws {
        let served = try ServedFolder()
        try await served.test { browser in
            _ = try await browser.signIn()
            let p = try await browser.get("/p/demo/explain/f005")
            #expect(p.status == .ok)
            #expect(p.body.contains("Mei-Ling Chen"))
            #expect(try await browser.get("/p/demo/explain/nobody").status == .notFound)
            #expect(try await browser.get("/p/elsewhere").status == .notFound)
        }
    }
}
