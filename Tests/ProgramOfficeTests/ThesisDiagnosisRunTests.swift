import Domain
import Foundation
import ProgramOffice
import TestSupport
import Testing

/// `run`'s thesis diagnosis on the demo (issue 31): where the reasons are
/// shown (summary.json, report.html), and nothing diagnosed when nothing is missing.
@Suite struct ThesisDiagnosisRunTests {
    /// Yuki Tanaka (f101) is away on every day with a defense slot (1–3 June
    /// 2027) and nobody else is away then: she has no defense, and the only
    /// single changes with someone away on a slot's day are her being free on
    /// one of them (each offered only when the re-solve gives her a defense
    /// and every other fellow keeps theirs).
    @Test func aFellowAwayOnEveryDefenseDayIsDiagnosed() throws {
        let (scenario, history) = try CalendarSafetyTests.demoCopy()
        let url = URL(fileURLWithPath: scenario + "/availability.csv")
        let text = try String(contentsOf: url, encoding: .utf8)
        try (text + "f101,2027-06-01,,away\nf101,2027-06-02,,away\nf101,2027-06-03,,away\n")
            .write(to: url, atomically: true, encoding: .utf8)
        let office = Office()
        let result = try office.run(try office.open(scenario), CalendarSafetyTests.request(history, "thesis-diagnosis"))
        #expect(result.committees?.suggestions.isEmpty == true)  // every committee formed: nothing diagnosed
        let data = try #require(result.files["summary.json"])
        let summary = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let defenses = try #require(summary["defenses"] as? [String: Any])
        let missing = try #require(defenses["without_defense"] as? [[String: Any]])
        #expect(missing.map { $0["fellow"] as? String } == ["f101"])
        let diagnosis = try #require(missing.first?["diagnosis"] as? [String: Any])
        let changes = try #require(diagnosis["changes"] as? [[String: Any]])
        #expect((1...3).contains(changes.count))
        for c in changes {
            #expect(c["code"] as? String == "free-on-date" && c["person"] as? String == "f101")
            #expect(["2027-06-01", "2027-06-02", "2027-06-03"].contains(c["date"] as? String ?? ""))
        }
        let report = String(decoding: try #require(result.files["report.html"]), as: UTF8.self)
        #expect(report.contains("It would have one if Yuki Tanaka (f101) were free on"))
        #expect(!report.contains(",away"))
    }
}
