import Domain
import Foundation
import GLPKBackend
import PlacementSolver
import Reports
import Testing

/// The grants office's outputs: appointments.csv, the report's section and summary.json.
@Suite struct AppointmentsReportTests {
    /// Two citizens and a non-citizen at one lab; a T15 with 2 slots and
    /// $150,000, a bridge fund. Hand-solved: the citizens c1 and c2 ($80,000
    /// each) are appointed, slots 1 and 2; all $150,000 of the T15 is spent
    /// (training grants first) with the fewest sources: one citizen's $80,000
    /// whole, the other's $70,000 with a $10,000 supplement from the bridge
    /// fund (which of the two is a tie); n is paid by the bridge.
    func program() -> Scenario {
        var settings = ScenarioSettings(name: "t")
        settings.intake = "2026-27"
        let fellows = [
            Fellow(id: "c1", name: "Ada", track: "x", citizenship: .citizen, interests: ["a"], cost: 80_000),
            Fellow(id: "c2", name: "Ben", track: "x", citizenship: .citizen, interests: ["a"], cost: 80_000),
            Fellow(id: "n", name: "Noor", track: "x", citizenship: .other, interests: ["a"], cost: 60_000)
        ]
        let funding = [
            FundingSource(
                id: "t15", name: "NLM T15", budget: 150_000, citizensOnly: true, kind: .trainingGrant, slots: 2),
            FundingSource(id: "bridge", name: "Bridge", budget: 200_000, kind: .institutional)
        ]
        return Scenario(
            settings: settings, fellows: fellows, labs: [Lab(id: "A", name: "Lab A", areas: ["a"], capacity: 5)],
            mentors: [Mentor(id: "m", name: "Dr M", lab: "A", capacity: 5)], funding: funding,
            preferences: fellows.map { Preference(fellow: $0.id, lab: "A", rank: 1) })
    }

    @Test func appointmentsCSVHasOneRowPerTraineeInSlotOrder() throws {
        let s = program()
        let o = try PlacementEngine(solver: GLPKSolver()).run(s)
        let files = try RunFiles.files(for: o, scenario: s, public: true)
        let csv = String(decoding: try #require(files["appointments.csv"]), as: UTF8.self)
        let lines = csv.split(whereSeparator: \.isNewline).map(String.init)
        #expect(lines.first == "source,fellow,lab,mentor,start,months,amount,slot")
        #expect(lines.dropFirst().map { $0.split(separator: ",").last.map(String.init) } == ["1", "2"])
        #expect(
            lines.dropFirst().map { $0.split(separator: ",").prefix(6).joined(separator: ",") }.sorted() == [
                "t15,c1,A,m,2026-07-01,12", "t15,c2,A,m,2026-07-01,12"
            ])
        #expect(
            Set(lines.dropFirst().compactMap { $0.split(separator: ",").dropLast().last.map(String.init) }) == [
                "80000", "70000"
            ])
        let report = String(decoding: try #require(files["report.html"]), as: UTF8.self)
        #expect(report.contains("slot 2 of 2") && report.contains("Bridge $10,000"))
        #expect(report.contains("2 of 2 slots filled, 0 left"))
        let publicReport = String(decoding: try #require(files["report-public.html"]), as: UTF8.self)
        #expect(!publicReport.contains("Training grant") && !publicReport.contains("slot 1"))
        let summary = String(decoding: try #require(files["summary.json"]), as: UTF8.self)
        #expect(summary.contains("\"appointments\"") && summary.contains("\"slots_left\" : 0"))
    }
}
