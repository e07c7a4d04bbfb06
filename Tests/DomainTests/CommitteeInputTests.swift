import Domain
import Testing

/// The thesis committees' input (issue 31): mentors.csv's committee columns,
/// faculty.csv, conflicts.csv and `[committee]`, each problem at its file,
/// line and column.
@Suite struct CommitteeInputTests {
    static let faculty = """
        id,name,lab,institution,areas,committee_load,external,chair
        fx,Dr. Ext,,Elsewhere,nlp,4,true,false
        fc,Dr. Core,labB,,,2,no,yes

        """

    @Test func readsTheCommitteeData() throws {
        var files = validFiles()
        files["mentors.csv"] = "id,lab,capacity,committee_load,external,chair\nmA,labA,2,5,false,true\nmB,labB,2,,,\n"
        files["faculty.csv"] = Self.faculty
        files["conflicts.csv"] = "person,fellow,reason\nfx,c1,co-author\n"
        files["scenario.toml"]! +=
            "[committee]\nreaders = [2, 3]\nexternals = 1\nmentor_may_chair = true\ncover_interests = false\n"
        let s = try ScenarioReader.parse(texts: files, defaultName: "t").scenario
        #expect(s.mentors[0].committeeLoad == 5 && s.mentors[0].chair && !s.mentors[0].external)
        #expect(s.mentors[1].committeeLoad == CommitteeSettings.defaultLoad && !s.mentors[1].chair)
        #expect(s.faculty.map(\.id) == ["fx", "fc"])
        #expect(s.faculty[0].external && s.faculty[0].institution == "Elsewhere" && s.faculty[0].lab == nil)
        #expect(s.faculty[1].lab == "labB" && s.faculty[1].chair && s.faculty[1].committeeLoad == 2)
        #expect(s.conflicts == [CommitteeConflict(person: "fx", fellow: "c1", reason: "co-author", line: 2)])
        let c = try #require(s.settings.committee)
        #expect(c.minReaders == 2 && c.maxReaders == 3 && c.externals == 1 && c.mentorMayChair && !c.coverInterests)
        #expect(s.formsCommittees)
    }

    @Test func withoutCommitteeDataNoCommitteesAreFormed() throws {
        let s = try ScenarioReader.parse(texts: validFiles(), defaultName: "t").scenario
        #expect(!s.formsCommittees && s.settings.committee == nil && s.faculty.isEmpty)
    }

    @Test func aLoadOutOfRangeIsLocated() throws {
        let i = try only { $0["mentors.csv"] = "id,lab,capacity,committee_load\nmA,labA,2,21\nmB,labB,2,1\n" }
        #expect(
            i.description
                == "mentors.csv:2: committee_load: 21 is outside the allowed range (use a whole number from 0 to 20)")
    }

    @Test func badFacultyRowsAreLocated() throws {
        let unknownLab = try only { $0["faculty.csv"] = "id,lab,areas\nf9,labZ,nlp\n" }
        #expect(unknownLab.file == "faculty.csv" && unknownLab.line == 2 && unknownLab.column == "lab")
        let mentorsID = try only { $0["faculty.csv"] = "id,areas\nmA,nlp\n" }
        #expect(mentorsID.column == "id" && mentorsID.message.contains("already a mentor's id"))
        let flag = try only { $0["faculty.csv"] = "id,areas,external\nf9,nlp,maybe\n" }
        #expect(
            flag.description
                == "faculty.csv:2: external: \"maybe\" is not a boolean (write true or false (or yes or no))")
        let twice = try only { $0["faculty.csv"] = "id,areas\nf9,nlp\nf9,nlp\n" }
        #expect(twice.line == 3 && twice.message.contains("duplicate"))
    }

    @Test func badConflictsAreLocated() throws {
        let person = try only { $0["conflicts.csv"] = "person,fellow\nmZ,c1\n" }
        #expect(person.file == "conflicts.csv" && person.line == 2 && person.column == "person")
        #expect(person.hint?.contains("mentors.csv or faculty.csv") == true)
        let fellow = try only { $0["conflicts.csv"] = "person,fellow\nmA,c9\n" }
        #expect(fellow.column == "fellow" && fellow.message.contains("unknown fellow"))
        let missing = try only { $0["conflicts.csv"] = "person,reason\nmA,x\n" }
        #expect(missing.line == 1 && missing.column == "fellow" && missing.message.contains("missing"))
    }

    @Test func badCommitteeSettingsAreLocated() throws {
        let readers = try only { $0["scenario.toml"]! += "[committee]\nreaders = [3, 1]\n" }
        #expect(readers.file == "scenario.toml" && readers.line == 5 && readers.column == "committee.readers")
        let externals = try only { $0["scenario.toml"]! += "[committee]\nexternals = 9\n" }
        #expect(externals.column == "committee.externals" && externals.message.contains("0 to 5"))
        let flag = try only { $0["scenario.toml"]! += "[committee]\ncover_interests = \"yes\"\n" }
        #expect(flag.column == "committee.cover_interests")
    }

    @Test func theWriterKeepsTheCommitteeData() throws {
        var files = validFiles()
        files["mentors.csv"] = "id,lab,capacity,committee_load,external,chair\nmA,labA,2,5,false,true\nmB,labB,2,,,\n"
        files["faculty.csv"] = Self.faculty
        files["conflicts.csv"] = "person,fellow,reason\nfx,c1,co-author\n"
        files["scenario.toml"]! += "[committee]\nreaders = [2, 3]\nexternals = 1\n"
        let s = try ScenarioReader.parse(texts: files, defaultName: "t").scenario
        let back = try ScenarioReader.parse(texts: ScenarioWriter.files(for: s), defaultName: "t").scenario
        #expect(back.mentors == s.mentors)
        #expect(back.faculty == s.faculty && back.conflicts == s.conflicts)
        #expect(back.settings.committee?.minReaders == 2 && back.settings.committee?.externals == 1)
    }
}
