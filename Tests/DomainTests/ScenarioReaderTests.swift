import Domain
import Foundation
import Testing

/// A minimal valid scenario as file texts; tests change one file at a time.
func validFiles() -> [String: String] {
    [
        "scenario.toml": "name = \"t\"\n[objective]\nkind = \"total-rank\"\n",
        "fellows.csv": """
        id,track,citizenship,status,lab,mentor,interests,cost,external_funding
        f1,clinical,citizen,new,,,nlp,60000,0
        c1,clinical,citizen,continuing,labA,mA,nlp,60000,0

        """,
        "labs.csv": "id,areas,capacity\nlabA,nlp,3\nlabB,nlp;imaging,2\n",
        "mentors.csv": "id,lab,capacity\nmA,labA,2\nmB,labB,2\n",
        "funding.csv": "id,lab,budget,citizens_only\nnlm,,200000,true\n",
        "preferences.csv": "fellow,lab,rank\nf1,labA,1\nf1,labB,2\n"
    ]
}

func issues(_ change: (inout [String: String]) -> Void) -> [ScenarioIssue] {
    var files = validFiles()
    change(&files)
    do {
        _ = try ScenarioReader.parse(texts: files, defaultName: "t")
        return []
    } catch {
        return error.errors
    }
}

/// The single error a change produces, with its location.
func only(_ change: (inout [String: String]) -> Void) throws -> ScenarioIssue {
    let found = issues(change)
    #expect(found.count == 1, "expected one error, got \(found.map(\.description))")
    return try #require(found.first)
}

@Suite struct ScenarioReaderTests {
    @Test func readsTheValidScenario() throws {
        let r = try ScenarioReader.parse(texts: validFiles(), defaultName: "t")
        #expect(r.scenario.fellows.count == 2)
        #expect(r.scenario.fellows[1].status == .continuing)
        #expect(r.scenario.labs[1].areas == ["nlp", "imaging"])
        #expect(r.scenario.funding[0].citizensOnly)
        #expect(r.warnings.isEmpty)
    }

    @Test func missingFileIsNamed() throws {
        let i = try only { $0["labs.csv"] = nil }
        #expect(i.file == "labs.csv" && i.line == 1 && i.message.contains("missing"))
    }

    @Test func missingColumnIsNamedWithItsFile() throws {
        let i = try only { $0["fellows.csv"] = "id,track,citizenship,interests\nf1,clinical,citizen,nlp\n" }
        #expect(
            i.description
                == "fellows.csv:1: cost: the column is missing (add a \"cost\" column to the header row)"
        )
    }

    @Test func badNumberNamesLineAndColumn() throws {
        let i = try only { $0["labs.csv"] = "id,areas,capacity\nlabA,nlp,3\nlabB,nlp,two\n" }
        #expect(i.file == "labs.csv" && i.line == 3 && i.column == "capacity")
        #expect(i.message.contains("\"two\" is not a whole number"))
    }

    @Test func badMoneyIsReported() throws {
        let i = try only {
            $0["fellows.csv"] = $0["fellows.csv"]!.replacingOccurrences(
                of: "f1,clinical,citizen,new,,,nlp,60000", with: "f1,clinical,citizen,new,,,nlp,60000.5")
        }
        #expect(i.line == 2 && i.column == "cost" && i.message.contains("whole number of dollars"))
    }

    @Test func duplicateIdsAreReported() throws {
        let i = try only { $0["mentors.csv"] = "id,lab,capacity\nmA,labA,2\nmB,labB,2\nmA,labB,1\n" }
        #expect(i.file == "mentors.csv" && i.line == 4 && i.column == "id" && i.message.contains("first on line 2"))
    }

    @Test func unknownReferencesSuggestTheNearestId() throws {
        let i = try only { $0["preferences.csv"] = "fellow,lab,rank\nf1,labA,1\nf1,labC,2\n" }
        #expect(i.file == "preferences.csv" && i.line == 3 && i.column == "lab")
        #expect(i.hint?.contains("did you mean labA?") == true || i.hint?.contains("did you mean labB?") == true)
    }

    @Test func continuingFellowWithoutLabIsAnError() throws {
        let found = issues {
            $0["fellows.csv"] = $0["fellows.csv"]!.replacingOccurrences(
                of: "c1,clinical,citizen,continuing,labA,mA", with: "c1,clinical,citizen,continuing,,mA")
        }
        #expect(found.contains { $0.file == "fellows.csv" && $0.line == 3 && $0.column == "lab" })
    }

    @Test func continuingFellowWithMentorOfAnotherLabIsAnError() throws {
        let i = try only {
            $0["fellows.csv"] = $0["fellows.csv"]!.replacingOccurrences(
                of: "continuing,labA,mA", with: "continuing,labA,mB")
        }
        #expect(i.line == 3 && i.column == "mentor" && i.message.contains("mentor mB is in lab labB"))
    }

    @Test func negativeBudgetsAndCapacitiesAreErrors() throws {
        let budget = try only { $0["funding.csv"] = "id,lab,budget\nnlm,,-5\n" }
        #expect(
            budget.file == "funding.csv" && budget.line == 2 && budget.column == "budget"
                && budget.message.contains("negative"))
        let capacity = try only { $0["mentors.csv"] = "id,lab,capacity\nmA,labA,-1\nmB,labB,2\n" }
        #expect(capacity.line == 2 && capacity.column == "capacity")
    }

    @Test func newFellowWithoutPreferencesIsAnError() throws {
        let i = try only { $0["preferences.csv"] = "fellow,lab,rank\n" }
        #expect(i.file == "fellows.csv" && i.line == 2 && i.column == "id" && i.message.contains("no preferences"))
    }

    @Test func unknownObjectiveKindNamesTheKey() throws {
        let i = try only { $0["scenario.toml"] = "name = \"t\"\n\n[objective]\nkind = \"total-ranks\"\n" }
        #expect(i.file == "scenario.toml" && i.line == 4 && i.column == "objective.kind")
        #expect(i.hint?.contains("did you mean total-rank?") == true)
    }

    @Test func unknownKeyIsAWarningNamingTheNearestKey() throws {
        var files = validFiles()
        files["scenario.toml"] = "name = \"t\"\n[placement]\nallow_unplace = true\n"
        let r = try ScenarioReader.parse(texts: files, defaultName: "t")
        let w = try #require(r.warnings.first)
        #expect(w.severity == .warning && w.line == 3 && w.hint == "did you mean allow_unplaced?")
    }

    @Test func invalidTOMLGivesTheParserLine() throws {
        let i = try only { $0["scenario.toml"] = "name = \"t\"\n[objective\nkind = 1\n" }
        #expect(i.file == "scenario.toml" && i.line == 2)
    }

    @Test func malformedQuotingIsLocated() throws {
        let i = try only { $0["labs.csv"] = "id,areas,capacity\nlabA,nlp,3\nlabB,\"nlp\"x,2\n" }
        #expect(i.file == "labs.csv" && i.line == 3 && i.message.contains("after the closing quote"))
        let open = try only { $0["labs.csv"] = "id,areas,capacity\nlabA,nlp,3\nlabB,\"nlp,2\n" }
        #expect(open.line == 3 && open.message.contains("never closed"))
    }

    @Test func quotedFieldsSpanningLinesKeepLineNumbersRight() throws {
        let i = try only { $0["labs.csv"] = "id,name,areas,capacity\nlabA,\"Lab\nA\",nlp,3\nlabB,B,nlp,x\n" }
        #expect(i.line == 4 && i.column == "capacity")
    }

    @Test func raggedRowsAreReported() throws {
        let i = try only { $0["labs.csv"] = "id,areas,capacity\nlabA,nlp,3,extra\nlabB,nlp,2\n" }
        #expect(i.line == 2 && i.message.contains("has 4 fields but the header has 3"))
    }

    @Test func lockMustNameARankedLab() throws {
        var files = validFiles()
        files["labs.csv"] = "id,areas,capacity\nlabA,nlp,3\nlabB,nlp;imaging,2\nlabC,nlp,2\n"
        files["mentors.csv"] = "id,lab,capacity\nmA,labA,2\nmB,labB,2\nmC,labC,1\n"
        files["rules.csv"] = "fellow,lab,mentor,rule,reason\nf1,labC,,lock,prior agreement\n"
        do {
            _ = try ScenarioReader.parse(texts: files, defaultName: "t")
            Issue.record("accepted a lock on an unranked lab")
        } catch {
            let i = try #require(error.errors.first)
            #expect(i.file == "rules.csv" && i.line == 2 && i.column == "lab" && i.message.contains("did not rank"))
        }
    }

    @Test func ruleContradictingAContinuingFellowIsAnError() throws {
        let i = try only { $0["rules.csv"] = "fellow,lab,mentor,rule,reason\nc1,labB,,lock,\n" }
        #expect(i.file == "rules.csv" && i.line == 2 && i.column == "rule")
    }

    @Test func fellowAndMentorNeverShareAnId() throws {
        let i = try only { $0["mentors.csv"] = "id,lab,capacity\nmA,labA,2\nmB,labB,2\nf1,labB,1\n" }
        #expect(i.file == "fellows.csv" && i.column == "id" && i.message.contains("also a mentor"))
    }

    @Test func everyProblemIsReportedInOnePass() {
        let found = issues {
            $0["labs.csv"] = "id,areas,capacity\nlabA,nlp,x\nlabB,nlp,2\n"
            $0["funding.csv"] = "id,lab,budget\nnlm,,lots\n"
            $0["scenario.toml"] = "[objective]\nkind = \"best\"\n"
        }
        #expect(Set(found.map(\.file)).isSuperset(of: ["labs.csv", "funding.csv", "scenario.toml"]))
    }

    @Test func sessionsAndAvailabilityAreValidated() throws {
        let i = try only {
            $0["sessions.csv"] = "id,date,start,end,room,capacity,kinds\ns1,2026-09-31,12:00,13:00,R,2,wip\n"
        }
        #expect(i.file == "sessions.csv" && i.line == 2 && i.column == "date")
        let a = try only {
            $0["sessions.csv"] = "id,date,start,end\ns1,2026-09-10,12:00,13:00\n"
            $0["availability.csv"] = "person,date,session,reason\nmZ,2026-09-10,,conference\n"
        }
        #expect(a.file == "availability.csv" && a.column == "person")
    }

    @Test func readsTheDemoScenarioFromDisk() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let r = try ScenarioReader().read(folder: root.appendingPathComponent("Scenarios/demo"))
        #expect(r.scenario.newFellows.count >= 15)
        #expect(r.scenario.continuingFellows.count >= 12)
        #expect(r.scenario.labs.count >= 10 && r.scenario.mentors.count >= 25)
        #expect(r.scenario.sessions?.isEmpty == false)
        #expect(r.warnings.isEmpty)
    }

    @Test func writerOutputReadsBackToTheSameScenario() throws {
        let original = try ScenarioReader.parse(texts: validFiles(), defaultName: "t").scenario
        let again = try ScenarioReader.parse(texts: ScenarioWriter.files(for: original), defaultName: "t").scenario
        #expect(again.fellows.map(\.id) == original.fellows.map(\.id))
        #expect(again.fellows.map(\.interests) == original.fellows.map(\.interests))
        #expect(
            again.funding
                == original.funding.map {
                    var f = $0
                    f.name = f.id
                    f.line = 2
                    return f
                })
    }
}
