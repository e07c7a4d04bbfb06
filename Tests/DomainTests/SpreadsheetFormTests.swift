import Foundation
import Testing

@testable import Domain

/// `validFiles()` with the header row of `file` rewritten by `header`.
func withHeader(_ file: String, _ header: @escaping (String) -> String) -> (inout [String: String]) -> Void {
    { files in
        var lines = files[file]!.components(separatedBy: "\n")
        lines[0] = header(lines[0])
        files[file] = lines.joined(separator: "\n")
    }
}

/// The warnings of a scenario that reads without errors.
func warnings(_ change: (inout [String: String]) -> Void) throws -> [ScenarioIssue] {
    var files = validFiles()
    change(&files)
    return try ScenarioReader.parse(texts: files, defaultName: "t").warnings
}

@Suite struct ColumnNameTests {
    @Test func headersInAnyCaseWithSpacesOrHyphensAreTheirColumns() throws {
        var files = validFiles()
        withHeader("fellows.csv") { _ in "ID,Track,Citizenship,Status,Lab,Mentor,Interests,Cost,External Funding" }(
            &files)
        withHeader("labs.csv") { _ in " Id , AREAS ,capacity" }(&files)
        files["fellows.csv"] = files["fellows.csv"]!.replacingOccurrences(of: "nlp,60000,0", with: "nlp,60000,5000")
        let r = try ScenarioReader.parse(texts: files, defaultName: "t")
        #expect(r.warnings.isEmpty, "\(r.warnings)")
        #expect(r.scenario.fellows.map(\.externalFunding) == [5000, 5000])
        #expect(r.scenario.labs.map(\.capacity) == [3, 2])
    }

    @Test func aColumnCloseToAKnownOneIsOneErrorWithDidYouMean() throws {
        let i = try only(
            withHeader("fellows.csv") { $0.replacingOccurrences(of: "external_funding", with: "externl funding") })
        #expect(
            i.description
                == "fellows.csv:1: externl funding: unknown column \"externl funding\" (did you mean external_funding? rename the header to external_funding)"
        )
        let j = try only(withHeader("fellows.csv") { $0.replacingOccurrences(of: "cost", with: "cots") })
        #expect(j.column == "cots" && j.hint?.contains("did you mean cost?") == true)
    }

    @Test func otherColumnsAreListedOnceAsIgnored() throws {
        let w = try warnings {
            $0["labs.csv"] = "id,areas,capacity,notes,phone\nlabA,nlp,3,x,1\nlabB,nlp;imaging,2,y,2\n"
        }
        #expect(
            w.map(\.description) == [
                "labs.csv:1: -: warning: the columns \"notes\" and \"phone\" are not read (ignored) (the columns read here are id, name, institution, areas, capacity; rename a column that was meant as one of them)"
            ])
    }
}

@Suite struct CellFormTests {
    @Test(arguments: [
        ("82000", MoneyCell.Reading.dollars(82000)), ("$82,000", .dollars(82000)), ("$ 82,000", .dollars(82000)),
        ("1,100,000", .dollars(1_100_000)), ("82 000", .dollars(82000)), ("1.100.000", .dollars(1_100_000)),
        ("82000.00", .dollars(82000)), ("$82,000.00", .dollars(82000)), ("82.000", .ambiguous(82000)),
        ("82000.5", .fraction(82001)), ("8,20,000", .notMoney), ("82,00", .notMoney), ("eighty", .notMoney),
        ("-100", .dollars(-100)), ("1e19", .tooLarge), ("9,999,999,999,999", .tooLarge)
    ])
    func moneyAsSpreadsheetsWriteIt(_ text: String, _ expected: MoneyCell.Reading) {
        #expect(MoneyCell.read(text, limit: InputLimits.money) == expected)
    }

    static func d(_ y: Int, _ m: Int, _ day: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: day) }

    @Test func datesAreReadOnlyWhenTheirOrderIsKnown() {
        let sep9 = Self.d(2026, 9, 9), sep10 = Self.d(2026, 9, 10), oct9 = Self.d(2026, 10, 9)
        #expect(DateCell.read("2026-09-09", order: nil) == .date(sep9))
        #expect(DateCell.read("2026/9/9", order: nil) == .date(sep9))
        #expect(DateCell.read("9/9/2026", order: nil) == .date(sep9))
        #expect(DateCell.read("09/09/2026", order: nil) == .date(sep9))
        #expect(DateCell.read("9.10.2026", order: nil) == .date(oct9))
        #expect(DateCell.read("9/13/2026", order: nil) == .date(Self.d(2026, 9, 13)))
        #expect(DateCell.read("13/9/2026", order: nil) == .date(Self.d(2026, 9, 13)))
        #expect(DateCell.read("9/10/2026", order: nil) == .ambiguous(sep10, oct9))
        #expect(DateCell.read("09-10-2026", order: nil) == .ambiguous(sep10, oct9))
        #expect(DateCell.read("9/10/2026", order: .monthFirst) == .date(sep10))
        #expect(DateCell.read("9/10/2026", order: .dayFirst) == .date(oct9))
        #expect(DateCell.read("13/9/2026", order: .monthFirst) == .invalid)
        #expect(DateCell.read("9/9/26", order: nil) == .shortYear)
        #expect(DateCell.read("2/30/2026", order: nil) == .invalid)
        #expect(DateCell.read("next week", order: nil) == .invalid)
    }

    @Test func timesAsSpreadsheetsWriteThem() {
        func t(_ s: String) -> Int? { TimeOfDay(spreadsheet: s)?.minutes }
        #expect(t("12:00") == 720 && t("9:05") == 545 && t("13:00:00") == 780)
        #expect(t("12:00 PM") == 720 && t("12:30 am") == 30 && t("1:00 PM") == 780 && t("1 PM") == 780)
        #expect(t("11:59 p.m.") == 23 * 60 + 59 && t("12:00:00 PM") == 720)
        #expect(t("13:00 PM") == nil && t("12:60") == nil && t("noon") == nil && t("12:00:30") == nil)
    }

    @Test func theSeparatorIsReadFromTheHeader() {
        #expect(FieldSeparator.of("id;name\n1;a,b\n") == ";")
        #expect(FieldSeparator.of("\n\nid;name\n") == ";")
        #expect(FieldSeparator.of("id,areas\nx,\"a;b\"\n") == ",")
        #expect(FieldSeparator.of("\"a;b\",c\n") == ",")
        #expect(FieldSeparator.of("person\nf1\n") == ",")
        #expect(FieldSeparator.of("id\tareas\tcapacity\n") == "\t")
        #expect(FieldSeparator.of("id;name\tx\n") == ";")
    }

    @Test func semicolonAndTabSeparatedFilesReadAsCommaSeparatedOnes() throws {
        let comma = try ScenarioReader.parse(texts: validFiles(), defaultName: "t").scenario
        for separator in [";", "\t"] {
            var files = validFiles()
            files["labs.csv"] =
                "id\(separator)areas\(separator)capacity\nlabA\(separator)nlp\(separator)3\n"
                + "labB\(separator)\"nlp;imaging\"\(separator)2\n"
            let r = try ScenarioReader.parse(texts: files, defaultName: "t")
            #expect(r.scenario.labs == comma.labs && r.warnings.isEmpty, "\(separator)")
        }
        let ragged = try only { $0["labs.csv"] = "id;areas;capacity\nlabA;nlp;3;x\nlabB;nlp;2\n" }
        #expect(ragged.description.hasSuffix("(check for a missing or extra semicolon; quote fields that contain one)"))
    }

    @Test func windows1252IsReadWithAWarningAtTheFirstLineThatIsNotUTF8() throws {
        let data = "id,name\nf1,Ann\nf2,Zoë\n".data(using: .windowsCP1252)!
        #expect(TextEncoding.firstNonUTF8Line(data) == 3)
        let (text, warning) = TextEncoding.windows1252(data, file: "fellows.csv")
        #expect(text == "id,name\nf1,Ann\nf2,Zoë\n")
        #expect(warning.line == 3 && warning.severity == .warning && warning.message.contains("reads \"f2,Zoë\""))
        let (none, problem) = TextEncoding.windows1252(Data([0x61, 0x0A, 0x81]), file: "fellows.csv")
        #expect(none == nil && problem.line == 2 && problem.severity == .error)
    }
}

@Suite struct AbsenceRangeTests {
    @Test func aRangeOfDatesIsEveryDayOfIt() throws {
        var files = validFiles()
        files["availability.csv"] = "person,date,reason\nf1,2026-09-29..2026-10-02,away\nmA,12/30/2026 - 1/1/2027,\n"
        let r = try ScenarioReader.parse(texts: files, defaultName: "t")
        #expect(
            r.scenario.availability.map { "\($0.person) \($0.date!)" } == [
                "f1 2026-09-29", "f1 2026-09-30", "f1 2026-10-01", "f1 2026-10-02", "mA 2026-12-30", "mA 2026-12-31",
                "mA 2027-01-01"
            ])
    }

    @Test func aBackwardOrOverlongRangeIsOneError() throws {
        let backward = try only { $0["availability.csv"] = "person,date\nf1,2026-10-02..2026-09-29\n" }
        #expect(
            backward.line == 2 && backward.column == "date" && backward.message.contains("ends (2026-09-29) before"))
        let long = try only { $0["availability.csv"] = "person,date\nf1,2026-01-01..2027-06-01\n" }
        #expect(long.message == "the range is longer than 366 days")
    }
}

@Suite struct EmptyHeaderTests {
    @Test func emptyTrailingColumnsAreSkippedAndAFilledOneIsNamed() throws {
        #expect(try warnings { $0["labs.csv"] = "id,areas,capacity,,\nlabA,nlp,3,,\nlabB,nlp;imaging,2,,\n" }.isEmpty)
        let w = try warnings { $0["labs.csv"] = "id,areas,capacity,\nlabA,nlp,3,x\nlabB,nlp;imaging,2,\n" }
        #expect(
            w.map(\.description) == [
                "labs.csv:1: -: warning: column 4 has no name in the header row, so its cells are not read (name it in the header row, or delete the column)"
            ])
    }
}

@Suite struct SpellingCheckTests {
    /// validFiles() with three more labs, so "nlp" and "imaging" are used often.
    func labs(_ areas: [String]) -> (inout [String: String]) -> Void {
        { files in
            files["labs.csv"] =
                "id,areas,capacity\nlabA,nlp,3\nlabB,nlp;imaging,2\n"
                + areas.enumerated().map { "lab\($0.offset),\($0.element),1\n" }.joined()
        }
    }

    @Test func anAreaWordOneEditFromACommonOneIsAWarningAtItsCell() throws {
        let w = try warnings(labs(["imaging", "imagign", "pediatrics", "geriatrics;geriatrics"]))
        #expect(
            w.map(\.description) == [
                "labs.csv:5: areas: warning: \"imagign\" appears nowhere else; did you mean imaging (used 2 times)? (areas and interests match only when spelled alike (rule 3); correct it, or ignore this if it is a different area)"
            ])
    }

    @Test func aTrackSpelledLikeAnotherButForCaseIsAWarning() throws {
        var files = validFiles()
        files["fellows.csv"] = files["fellows.csv"]!.replacingOccurrences(of: "f1,clinical,", with: "f1,Clinical,")
        let w = try ScenarioReader.parse(texts: files, defaultName: "t").warnings
        #expect(
            w.map(\.description) == [
                "fellows.csv:2: track: warning: track \"Clinical\" (1 fellow) is close to \"clinical\" (1 fellow) (did you mean clinical? tracks match only when spelled alike)"
            ])
    }
}

@Suite struct TypedValueTests {
    @Test func choicesInAnyCaseAndListsWithCommasAreRead() throws {
        var files = validFiles()
        files["fellows.csv"] = """
            id,track,citizenship,status,lab,mentor,interests,cost
            f1,clinical,Permanent Resident,New,,,"nlp, imaging",60000
            c1,clinical,CITIZEN,Continuing,labA,mA,nlp,60000

            """
        let r = try ScenarioReader.parse(texts: files, defaultName: "t")
        #expect(r.scenario.fellows.map(\.citizenship) == [.permanentResident, .citizen])
        #expect(r.scenario.fellows.map(\.status) == [.new, .continuing])
        #expect(r.scenario.fellows[0].interests == ["nlp", "imaging"])
    }
}
