import Domain
import RunHistory
import Testing

/// `next-intake` and stipend levels: a placed fellow comes back a year more experienced.
@Suite struct NextIntakeTests {
    /// Levels of $61,000, $62,000 and $63,000 plus $10,000 of other costs; a
    /// fellow with one year of experience and no `cost` costs $72,000.
    func intake() throws -> Scenario {
        let files = [
            "scenario.toml":
                "name = \"t\"\nintake = \"2026-27\"\n[stipends]\nlevels = [61000, 62000, 63000]\nother_costs = 10000\n",
            "fellows.csv":
                "id,track,citizenship,interests,cost,experience\nf1,clinical,citizen,nlp,,1\nf2,clinical,citizen,nlp,70000,0\n",
            "labs.csv": "id,areas,capacity\nlabA,nlp,3\n",
            "mentors.csv": "id,lab,capacity\nmA,labA,3\n",
            "funding.csv": "id,budget\npool,500000\n",
            "preferences.csv": "fellow,lab,rank\nf1,labA,1\nf2,labA,1\n"
        ]
        return try ScenarioReader.parse(texts: files, defaultName: "t").scenario
    }

    @Test func aFellowWithoutCostIsPaidTheirLevelPlusOtherCosts() throws {
        let s = try intake()
        #expect(s.fellows.map(\.cost) == [72_000, 70_000])
    }

    @Test func nextIntakeRaisesAContinuingFellowsStipendOneLevel() throws {
        let s = try intake()
        let official = RunRecord(
            recordedAt: "2026-12-01T10:00:00Z", scenarioName: "t", scenarioPath: "t", intake: "2026-27",
            inputHash: "0", version: "0", settings: "", objectiveKind: "total-rank", status: "optimal", objective: 2,
            bound: 2, gap: 0,
            placements: ["f1", "f2"].map {
                RecordedPlacement(
                    fellow: $0, fellowName: $0, status: .new, lab: "labA", mentor: "mA", rank: 1, funding: [])
            }, talks: [])
        let (next, _) = NextIntake.scenario(from: s, official: official)
        let f1 = try #require(next.fellow("f1")), f2 = try #require(next.fellow("f2"))
        #expect(f1.experience == 2 && f1.cost == 73_000)
        // A cost given in fellows.csv is the coordinator's: it stays, a year more experienced.
        #expect(f2.experience == 1 && f2.cost == 70_000)
        // Written and read back, the level still applies.
        let back = try ScenarioReader.parse(texts: ScenarioWriter.files(for: next), defaultName: "t").scenario
        #expect(back.fellow("f1")?.cost == 73_000 && back.fellow("f1")?.experience == 2)
    }

    @Test func aFellowWithNeitherCostNorExperienceIsAnError() {
        var files = [
            "scenario.toml": "name = \"t\"\n[stipends]\nlevels = [61000]\n",
            "fellows.csv": "id,track,citizenship,interests,cost,experience\nf1,clinical,citizen,nlp,,\n",
            "labs.csv": "id,areas,capacity\nlabA,nlp,3\n", "mentors.csv": "id,lab,capacity\nmA,labA,3\n",
            "funding.csv": "id,budget\npool,500000\n", "preferences.csv": "fellow,lab,rank\nf1,labA,1\n"
        ]
        files["fellows.csv"] = "id,track,citizenship,interests,cost,experience\nf1,clinical,citizen,nlp,,\n"
        #expect(throws: ScenarioError.self) { try ScenarioReader.parse(texts: files, defaultName: "t") }
        do {
            _ = try ScenarioReader.parse(texts: files, defaultName: "t")
        } catch {
            #expect(error.errors.map(\.column) == ["cost"] && error.errors.first?.line == 2)
        }
    }
}
