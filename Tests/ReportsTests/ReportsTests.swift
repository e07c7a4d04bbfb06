import Domain
import Foundation
import GLPKBackend
import PlacementSolver
import Reports
import Testing

/// A tiny program built in code whose names hold everything HTML must escape.
func hostileNamesScenario() -> Scenario {
    var settings = ScenarioSettings(name: "Fellows & <Friends> \"2027\"")
    settings.intake = "O'Brien's intake"
    let labs = [
        Lab(id: "lab1", name: "<b>Bold</b> Lab & Co", areas: ["a"], capacity: 2),
        Lab(id: "lab2", name: "Zoë's \"Quoted\" Lab", areas: ["a"], capacity: 1)
    ]
    let mentors = [
        Mentor(id: "m1", name: "Dr. <i>Ánh</i> Nguyễn", lab: "lab1", capacity: 2),
        Mentor(id: "m2", name: "Dr. José & María", lab: "lab2", capacity: 1)
    ]
    let fellows = [
        Fellow(
            id: "f1", name: "<script>alert(\"x\")</script>", track: "clinical", citizenship: .citizen, interests: ["a"],
            cost: 100),
        Fellow(
            id: "f2", name: "Łukasz \"Luke\" O'Neil\nSecond line", track: "clinical", citizenship: .other,
            interests: ["a"], cost: 100,
            externalFunding: 100)
    ]
    let funding = [FundingSource(id: "s1", name: "Grant <&> \"T15\"", budget: 1000)]
    let prefs = [
        Preference(fellow: "f1", lab: "lab1", rank: 1), Preference(fellow: "f1", lab: "lab2", rank: 2),
        Preference(fellow: "f2", lab: "lab2", rank: 1), Preference(fellow: "f2", lab: "lab1", rank: 2)
    ]
    return Scenario(
        settings: settings, fellows: fellows, labs: labs, mentors: mentors, funding: funding, preferences: prefs)
}

@Suite struct HTMLEscapingTests {
    func page(public isPublic: Bool = false) throws -> String {
        let s = hostileNamesScenario()
        let o = try PlacementEngine(solver: GLPKSolver()).run(s)
        #expect(o.hasPlacement)
        return HTMLPages.report(o, scenario: s, schedule: nil, notFirst: [], moreNotFirst: 0, public: isPublic)
    }

    @Test func namesRenderAsTextNeverAsMarkup() throws {
        let html = try page()
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
        #expect(!html.contains("<b>Bold</b>") && html.contains("&lt;b&gt;Bold&lt;/b&gt; Lab &amp; Co"))
        #expect(!html.contains("<i>Ánh</i>") && html.contains("Dr. &lt;i&gt;Ánh&lt;/i&gt; Nguyễn"))
        #expect(html.contains("Fellows &amp; &lt;Friends&gt; &quot;2027&quot;"))
        #expect(html.contains("O&#39;Brien&#39;s intake"))
        #expect(html.contains("Zoë&#39;s &quot;Quoted&quot; Lab"))
        #expect(html.contains("Grant &lt;&amp;&gt; &quot;T15&quot;"))
    }

    @Test func aNewlineInANameStaysInsideItsCell() throws {
        let html = try page()
        #expect(html.contains("Łukasz &quot;Luke&quot; O&#39;Neil\nSecond line</span>"))
    }

    @Test func thePageIsSelfContained() throws {
        let html = try page()
        for fetch in ["<script", "<link", "src=", "@import", "url(", "http://", "https://"] {
            #expect(!html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains(fetch), "\(fetch)")
        }
        #expect(html.contains("@media print") && html.contains("break-inside: avoid"))
    }

    @Test func thePublicVariantLeavesOutPersonalData() throws {
        let html = try page(public: true)
        for word in ["citizen", "Citizenship", "External", "Grant &lt;&amp;&gt;", "\">s1<"] {
            #expect(!html.contains(word), "\(word)")
        }
        #expect(html.contains("&lt;script&gt;alert"))
    }
}

@Suite struct FormattingTests {
    @Test func numbersAreTotal() {
        #expect(
            NumberText.number(19.2) == "19.2" && NumberText.number(18) == "18" && NumberText.number(0.125) == "0.13")
        #expect(NumberText.number(.nan) == "n/a" && NumberText.number(.infinity) == "n/a")
        #expect(NumberText.number(Double.greatestFiniteMagnitude) == "\(Double.greatestFiniteMagnitude)")
        #expect(NumberText.percent(0.0125) == "1.25 %" && NumberText.twoDecimals(-3.1) == "-3.10")
        #expect(NumberText.ordinal(1) == "1st" && NumberText.ordinal(12) == "12th" && NumberText.ordinal(23) == "23rd")
    }

    @Test func moneyIsGroupedForPeopleAndPlainForCSV() {
        #expect(MoneyText.dollars(1_100_000) == "$1,100,000" && MoneyText.cents(123_450) == "$1,234.50")
        #expect(MoneyText.plain(cents: 6_500_000) == "65000" && MoneyText.plain(cents: 123_405) == "1234.05")
    }

    @Test func wordsComeFirst() {
        #expect(Wording.ordinalWord(2) == "second" && Wording.ordinalWord(11) == "11th")
        #expect(Wording.list(["a", "b", "c"]) == "a, b and c")
        #expect(DateText.long(CalendarDate(year: 2026, month: 9, day: 17)) == "Thu 17 Sep 2026")
    }

    @Test func wrappingKeepsEveryWordWithinTheWidth() {
        let text = String(repeating: "Priya Raman (f001) → Clinical NLP Lab, Dr. Chidi Okafor; ", count: 5)
        let lines = TextLayout.wrap(text, first: "  - ", indent: "    ")
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(lines.joined(separator: " ").split(separator: " ") == ("- " + text).split(separator: " "))
        #expect(TextLayout.wrap(String(repeating: "x", count: 200)).allSatisfy { $0.count <= 80 })
    }

    @Test func csvCellsThatASpreadsheetWouldRunAreNeutralised() {
        #expect(
            CSVText.field("=1+1") == "'=1+1" && CSVText.field("@SUM(A1)") == "'@SUM(A1)" && CSVText.field("-5") == "-5")
        #expect(SpreadsheetSafety.restore("'=1+1") == "=1+1" && SpreadsheetSafety.restore("'-f1") == "-f1")
    }
}
