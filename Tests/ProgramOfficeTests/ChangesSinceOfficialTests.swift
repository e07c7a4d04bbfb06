import Foundation
import ProgramOffice
import Reports
import RunHistory
import TestSupport
import Testing

/// After a withdrawal re-match, the report, its public variant, `summary.json`
/// and the history's diff say what changed since the official match (issue 27).
@Suite struct ChangesSinceOfficialTests {
    typealias C = CalendarSafetyTests

    /// Run 1 published; Mateo Alvarez (f010, new) and Samuel Adeyemi (f103,
    /// second year) withdraw on 20 October; run 2 re-matches.
    static func rematch() throws -> (official: String, rematch: String, history: String, result: RunResult) {
        let (scenario, history, official) = try C.publishedThenWithdrawn()
        let office = C.office(at: "2026-08-25T09:00:00Z")
        let result = try office.run(try office.open(scenario), C.request(history, "rematch"))
        #expect(result.verdict == .solved && result.official?.id == 1)
        return (official, result.output, history, result)
    }

    /// placements.csv's rows by fellow, the withdrawn left out.
    static func placements(_ folder: String) throws -> [String: [String: String]] {
        Dictionary(
            uniqueKeysWithValues: try C.rows(folder + "/placements.csv").filter { $0["status"] != "withdrawn" }.map {
                ($0["fellow"]!, $0)
            })
    }

    /// As the report escapes text.
    static func html(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "'", with: "&#39;")
    }

    @Test func theReportSaysWhoWithdrewWhoMovedWhoseFundingChangedAndWhichTalks() throws {
        let (official, rematch, _, _) = try Self.rematch()
        let html = try String(contentsOfFile: rematch + "/report.html", encoding: .utf8)
        let section = try #require(html.components(separatedBy: "<section id=\"changes\">").dropFirst().first)
            .components(separatedBy: "</section>")[0]
        #expect(section.contains("What changed since the official match"))
        #expect(section.contains("Since the official match (run 1): 2 withdrawals"))
        // Withdrawals, named, with the day and where they were.
        let before = try Self.placements(official)
        for (id, name) in [("f010", "Mateo Alvarez"), ("f103", "Samuel Adeyemi")] {
            #expect(section.contains("\(name) (\(id)) withdrew on Tue 20 Oct 2026; was at "), "\(id)")
            let lab = try #require(before[id]?["lab_name"])
            #expect(section.contains(Self.html(lab)), "\(id) \(lab)")
        }
        // Funding: every fellow still in the program whose funding.csv rows differ is listed by name.
        let after = try Self.placements(rematch)
        let changed = before.keys.filter { id in
            after[id] != nil && after[id]?["funding"] != before[id]?["funding"]
        }
        #expect(!changed.isEmpty)
        for id in changed { #expect(section.contains(Self.html("\(after[id]!["fellow_name"]!) (\(id)):")), "\(id)") }
        // Moves: nobody else moved (the re-match keeps the official match), so the section lists no move.
        let moved = before.keys.filter { after[$0] != nil && after[$0]?["lab"] != before[$0]?["lab"] }
        #expect(moved.isEmpty && !section.contains("<h3>Placement moves</h3>"))
        // Talks: the withdrawn fellows' talks on or after 20 October are cancelled, each named with its date.
        let gone = try C.rows(official + "/schedule.csv").filter {
            ["f010", "f103"].contains($0["fellow"]!) && $0["date"]! >= "2026-10-20"
        }
        #expect(!gone.isEmpty)
        for talk in gone {
            #expect(section.contains("\(talk["fellow_name"]!) (\(talk["fellow"]!)), "), "\(talk)")
            #expect(section.contains(": cancelled (was "))
        }
        #expect(section.contains("Opportunities"))
    }

    /// Elena Petrova (f015) ranked the Imaging Informatics Lab (lab04) first;
    /// Samuel Adeyemi's withdrawal frees a place there, and a lock moves her.
    @Test func aLockAfterTheWithdrawalIsAMoveWithBothPlacesAndChoices() throws {
        let (scenario, history, official) = try C.publishedThenWithdrawn()
        let rules = URL(fileURLWithPath: scenario + "/rules.csv")
        let text = try String(contentsOf: rules, encoding: .utf8)
        try Data((text + "f015,lab04,,lock,moves after the withdrawal\n").utf8).write(to: rules)
        let office = C.office(at: "2026-08-25T09:00:00Z")
        let result = try office.run(try office.open(scenario), C.request(history, "moved"))
        let before = try Self.placements(official)["f015"]!, after = try Self.placements(result.output)["f015"]!
        #expect(before["lab"] != "lab04" && after["lab"] == "lab04" && after["rank"] == "1")
        let html = try String(contentsOfFile: result.output + "/report.html", encoding: .utf8)
        let line =
            "Elena Petrova (f015): \(before["lab_name"]!), \(before["mentor_name"]!) → \(after["lab_name"]!), "
            + "\(after["mentor_name"]!) (\(before["rank"] == "2" ? "2nd" : before["rank"]!) → 1st choice)."
        #expect(html.contains("<h3>Placement moves</h3>") && html.contains(Self.html(line)), "\(line)")
        let moves = try #require(try C.summary(result.output)["changes"] as? [String: Any])["moves"] as? [[String: Any]]
        #expect(moves?.contains { $0["fellow"] as? String == "f015" && $0["lab_after"] as? String == "lab04" } == true)
    }

    @Test func thePublicReportSaysItWithoutFundingRanksDatesOrOpportunities() throws {
        let (scenario, history, _) = try C.publishedThenWithdrawn()
        let office = C.office(at: "2026-08-25T09:00:00Z")
        var request = C.request(history, "rematch")
        request.publicVariant = true
        let result = try office.run(try office.open(scenario), request)
        let html = try String(contentsOfFile: result.output + "/report-public.html", encoding: .utf8)
        let section = try #require(html.components(separatedBy: "<section id=\"changes\">").dropFirst().first)
            .components(separatedBy: "</section>")[0]
        #expect(section.contains("Mateo Alvarez (f010) withdrew; was at "))
        #expect(section.contains("cancelled (was "))
        for secret in ["Funding", "funding", "choice", "Opportunit", "20 Oct", "$"] {
            #expect(!section.contains(secret), "\(secret)")
        }
    }

    @Test func summaryJsonListsTheChangesByFellow() throws {
        let (official, rematch, _, _) = try Self.rematch()
        let changes = try #require(C.summary(rematch)["changes"] as? [String: Any])
        #expect(changes["since_run"] as? Int == 1)
        let withdrawals = try #require(changes["withdrawals"] as? [[String: Any]])
        #expect(Set(withdrawals.compactMap { $0["fellow"] as? String }) == ["f010", "f103"])
        #expect(withdrawals.allSatisfy { $0["withdrawn_on"] as? String == "2026-10-20" })
        #expect(withdrawals.contains { $0["name"] as? String == "Mateo Alvarez" })
        // Funding entries match placements.csv before and after, source by source.
        let before = try Self.placements(official), after = try Self.placements(rematch)
        let funding = try #require(changes["funding"] as? [[String: Any]])
        #expect(!funding.isEmpty)
        func encoded(_ shares: Any?) -> String {
            ((shares as? [[String: Any]]) ?? []).map {
                let amount = $0["amount"] as! Double
                let text = amount == amount.rounded() ? String(Int(amount)) : String(format: "%.2f", amount)
                return "\($0["source"] as! String):\(text)"
            }.joined(separator: ";")
        }
        for f in funding {
            let id = f["fellow"] as! String
            #expect(encoded(f["before"]) == before[id]?["funding"], "\(id)")
            #expect(encoded(f["after"]) == after[id]?["funding"], "\(id)")
        }
        let talks = try #require(changes["talks"] as? [[String: Any]])
        #expect(!talks.isEmpty && talks.allSatisfy { $0["change"] as? String == "cancelled" })
        #expect((changes["text"] as? [String])?.first?.hasPrefix("Since the official match (run 1)") == true)
    }

    @Test func historyDiffListsTalkMovesAndCancellations() throws {
        let (_, _, history, _) = try Self.rematch()
        let store = try HistoryStore(path: history)
        let lines = HistoryText.talkDiff(try store.run(1), try store.run(2))
        #expect(lines.first?.hasPrefix("Talks: 0 moved, ") == true)
        #expect(lines.contains { $0.contains("Samuel Adeyemi (f103), thesis presentation talk: cancelled (was ") })
        #expect(HistoryText.talkDiff(try store.run(1), try store.run(1)) == ["Talks: none moved, cancelled or added."])
    }
}
