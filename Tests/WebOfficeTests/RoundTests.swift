import Domain
import Foundation
import Hummingbird
import ProgramOffice
import Testing

@testable import WebOffice

/// A preference round through the pages: personal links, who may see and
/// save what, refused rankings, and the files written at close.
@Suite struct RoundTests {
    /// Opens a round and returns each person's link path (`/r/TOKEN`) by name.
    static func openRound(_ browser: inout OfficeBrowser, deadline: String = "2099-12-31") async throws
        -> [String: String]
    {
        let csrf = try await browser.get("/p/demo").csrf ?? ""
        let page = try await browser.post("/p/demo/round/open", [("_csrf", csrf), ("deadline", deadline)])
        #expect(page.status == .ok)
        var links: [String: String] = [:]
        let pattern =
            #/<tr><td>([^<]*)</td><td>[^<]*</td><td><code class="link">http://[^/]*(/r/[A-Za-z0-9_-]+)</code>/#
        for m in page.body.matches(of: pattern) {
            links[String(m.1).replacingOccurrences(of: "&#39;", with: "'")] = String(m.2)
        }
        return links
    }

    /// A browser without the coordinator's session.
    static func stranger(_ browser: OfficeBrowser) -> OfficeBrowser {
        var b = browser
        b.cookies = [:]
        return b
    }

    @Test func everyLinkOpensOnlyItsOwnPageAndNoCoordinatorPage() async throws {
        let served = try ServedFolder()
        try await served.test { browser in
            _ = try await browser.signIn()
            let links = try await Self.openRound(&browser)
            #expect(links.count == 16 + 26)  // every new fellow and every mentor
            var person = Self.stranger(browser)
            let people = links.keys.sorted()
            for (index, name) in people.enumerated() {
                let mine = try await person.get(links[name]!)
                #expect(mine.status == .ok)
                let shown = name.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(
                    of: "'", with: "&#39;")
                #expect(mine.body.contains("Your ranking, \(shown)"))
                let headings = mine.body.matches(of: #/Your ranking, /#).count
                #expect(headings == 1, "\(name)'s page names one person")
                // My page's form token on the next person's link is refused.
                let other = people[(index + 1) % people.count]
                let p = try await person.post(links[other]!, [("_csrf", mine.csrf ?? ""), ("action", "save")])
                #expect(p.status == .forbidden, "\(name) → \(other)")
                // No link opens a coordinator page, nor does its token as a session cookie.
                var withToken = person
                withToken.cookies[SessionGate.cookie] = String(links[name]!.dropFirst(3))
                for page in AccessTests.pages {
                    #expect(try await withToken.get(page).status == .seeOther, "\(name): \(page)")
                }
                for form in AccessTests.forms {
                    #expect(try await withToken.post(form, [("_csrf", mine.csrf ?? "")]).status == .forbidden)
                }
            }
            #expect(try await person.get("/r/not-a-real-token-at-all-0000").status == .notFound)
        }
    }

    @Test func aFellowSeesWhyALabIsClosedAndAMentorSeesNoPrivateData() async throws {
        let served = try ServedFolder()
        try await served.test { browser in
            _ = try await browser.signIn()
            let links = try await Self.openRound(&browser)
            var person = Self.stranger(browser)
            let fellow = try await person.get(links["Priya Raman"]!)
            #expect(fellow.body.contains("Labs you cannot rank, and why"))
            #expect(fellow.body.contains("none of your interests (clinical-nlp, sepsis)"))
            let mentor = try await person.get(links["Dr. Chidi Okafor"]!)
            #expect(mentor.body.contains("Priya Raman"))
            for word in ["citizen", "73000", "73,000", "permanent"] { #expect(!mentor.body.contains(word)) }
        }
    }

    @Test func rankingsThatSkipRepeatOrNameAnUnknownLabAreRefused() async throws {
        let served = try ServedFolder()
        try await served.test { browser in
            _ = try await browser.signIn()
            let links = try await Self.openRound(&browser)
            var person = Self.stranger(browser)
            let link = links["Priya Raman"]!
            let csrf = try await person.get(link).csrf ?? ""
            let cases: [([String], String)] = [
                (["lab01", "", "lab09"], "choice 2 is empty but a later choice is filled"),
                (["lab01", "lab01"], "choice 2 repeats choice 1"),
                (["lab01", "lab-nowhere"], "choice 2 is not one you may rank"),
                (["lab11"], "choice 1 is not one you may rank"),  // rule 3: not open to her
                ([], "there is nothing to certify yet")
            ]
            for (boxes, message) in cases {
                let p = try await person.post(
                    link, [("_csrf", csrf), ("action", "certify")] + boxes.map { ("choice", $0) })
                #expect(p.status == .unprocessableContent, "\(boxes)")
                #expect(p.body.contains(message), "\(boxes)")
            }
            #expect(try await person.post(link, [("choice", "lab01"), ("action", "save")]).status == .forbidden)
            #expect(try await person.post(link, [("_csrf", "forged"), ("choice", "lab01")]).status == .forbidden)
            #expect(try await person.get(link).body.contains("not started"))
        }
    }

    @Test func closingWritesTheCertifiedRankingsAndTheLinksStopWorking() async throws {
        let served = try ServedFolder()
        try await served.test { browser in
            _ = try await browser.signIn()
            let links = try await Self.openRound(&browser)
            var person = Self.stranger(browser)
            let priya = links["Priya Raman"]!
            var csrf = try await person.get(priya).csrf ?? ""
            _ = try await person.post(priya, [("_csrf", csrf), ("action", "save"), ("choice", "lab01")])
            let certified = try await person.post(
                priya, [("_csrf", csrf), ("action", "certify"), ("choice", "lab09"), ("choice", "lab01")])
            #expect(certified.body.contains("Certified"))
            // A draft after certifying needs certifying again; Tomasz only drafts.
            let tomasz = links["Tomasz Wójcik"]!
            csrf = try await person.get(tomasz).csrf ?? ""
            _ = try await person.post(tomasz, [("_csrf", csrf), ("action", "save"), ("choice", "lab11")])
            let chidi = links["Dr. Chidi Okafor"]!
            csrf = try await person.get(chidi).csrf ?? ""
            _ = try await person.post(
                chidi, [("_csrf", csrf), ("action", "certify"), ("choice", "f001"), ("choice", "f014")])
            // The coordinator corrects Dr. Marsh's ranking; she sees it was entered for her.
            let behalf = try await browser.get("/p/demo/round/person/m02")
            _ = try await browser.post(
                "/p/demo/round/person/m02", [("_csrf", behalf.csrf ?? ""), ("action", "certify"), ("choice", "f001")])
            #expect(
                try await person.get(links["Dr. Helen Marsh"]!).body.contains(
                    "entered by the program coordinator Ana Coordinator"))
            let page = try await browser.get("/p/demo")
            #expect(page.body.contains("3 of 42 have certified their ranking"))
            let closed = try await browser.post("/p/demo/round/close", [("_csrf", page.csrf ?? "")])
            #expect(closed.status == .seeOther)
            #expect(try await person.get(priya).status == .notFound)
            #expect(try await person.post(priya, [("_csrf", csrf), ("choice", "lab01")]).status == .notFound)
        }
        // Read back by the scenario reader: the certified rankings, everyone else's rows as before.
        let s = try Office().open(served.demo.path).scenario
        let priya = s.preferences.filter { $0.fellow == "f001" }.map { "\($0.lab):\($0.rank)" }
        #expect(priya == ["lab09:1", "lab01:2"])
        let tomasz = s.preferences.filter { $0.fellow == "f002" }.map { "\($0.lab):\($0.rank)" }
        #expect(tomasz.count == 3)  // a draft is not written: the file's rows stay
        let chidi = s.mentorPreferences.filter { $0.mentor == "m01" }.map { "\($0.fellow):\($0.rank)" }
        #expect(chidi == ["f001:1", "f014:2"])
        let marsh = s.mentorPreferences.filter { $0.mentor == "m02" }.map { "\($0.fellow):\($0.rank)" }
        #expect(marsh == ["f001:1"])
        #expect(FileManager.default.fileExists(atPath: served.demo.appendingPathComponent(".replaced").path))
    }
}
