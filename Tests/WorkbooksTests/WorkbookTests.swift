import Domain
import Foundation
import ProgramOffice
import TestSupport
import Testing
import Workbooks
import ZIPFoundation

@testable import Workbooks

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let fixtures = repository.appendingPathComponent("Tests/WorkbooksTests/Fixtures")

/// The files a scenario folder holds, as FellowMatch writes them: equal
/// files mean equal scenarios.
func canonical(_ s: Scenario) -> [String: String] { ScenarioWriter.files(for: s) }

func readWorkbook(_ url: URL) throws -> Scenario {
    let input = try WorkbookReader.read(url, shownAs: url.lastPathComponent)
    return try ScenarioReader.parse(texts: input.texts, defaultName: "x", initialIssues: input.issues).scenario
}

@Suite struct ExcelDateTests {
    /// Serial numbers whose dates Excel shows (and Lotus's 29 February 1900).
    @Test func serialsAreTheDatesExcelShows() {
        #expect(ExcelDate.date(1, date1904: false) == "1900-01-01")
        #expect(ExcelDate.date(59, date1904: false) == "1900-02-28")
        #expect(ExcelDate.date(60, date1904: false) == nil)
        #expect(ExcelDate.date(61, date1904: false) == "1900-03-01")
        #expect(ExcelDate.date(45_000, date1904: false) == "2023-03-15")
        #expect(ExcelDate.date(46_274.75, date1904: false) == "2026-09-09")
        #expect(ExcelDate.date(0, date1904: true) == "1904-01-01")
        #expect(ExcelDate.date(45_000 - 1_462, date1904: true) == "2023-03-15")
        #expect(ExcelDate.time(0.5) == "12:00")
        #expect(ExcelDate.time(46_274.75) == "18:00")
    }

    @Test func columnLettersGoPastZ() {
        #expect(CellReference.letters(1) == "A" && CellReference.letters(26) == "Z")
        #expect(CellReference.letters(27) == "AA" && CellReference.letters(703) == "AAA")
        #expect(CellReference.column(of: "AB12") == 28)
    }
}

@Suite struct WorkbookRoundTripTests {
    /// Every scenario in the repository (the demo and each of its what-ifs)
    /// → a workbook written by libxlsxwriter → read back: the same files.
    @Test func everyScenarioReadsBackTheSame() throws {
        let office = Office()
        let whatIfs = try FileManager.default.contentsOfDirectory(
            atPath: repository.appendingPathComponent("Scenarios/demo/what-if").path
        ).filter { $0.hasSuffix(".toml") }.sorted().map { "Scenarios/demo/what-if/" + $0 }
        for path in ["Scenarios/demo"] + whatIfs {
            let program = try office.open(repository.appendingPathComponent(path).path)
            let book = Scratch.path("book").appendingPathExtension("xlsx")
            _ = try office.convert(program, to: book.path)
            #expect(canonical(try readWorkbook(book)) == canonical(program.scenario), "\(path)")
        }
    }

    /// Workbooks written by two other programs (openpyxl: inline strings, no
    /// shared strings, real dates and times, one in the 1904 date system;
    /// LibreOffice: shared strings, its own styles, formulas with their saved
    /// values) read as the demo folder.
    @Test(arguments: [
        "demo-openpyxl.xlsx", "demo-openpyxl-1904.xlsx", "demo-libreoffice.xlsx", "formulas-libreoffice.xlsx"
    ])
    func anotherWritersWorkbookReadsAsTheFolder(_ name: String) throws {
        let folder = try Office().open(repository.appendingPathComponent("Scenarios/demo").path)
        var expected = canonical(folder.scenario)
        var got = canonical(try readWorkbook(fixtures.appendingPathComponent(name)))
        // The scenario's name comes from its settings, not from the file.
        expected["scenario.toml"] = nil
        got["scenario.toml"] = nil
        // These workbooks were written from the demo before its thesis-committee and defense files
        // (issue 31); the committee sheets' round trip is checked above, on FellowMatch's own workbook.
        expected["faculty.csv"] = nil
        expected["conflicts.csv"] = nil
        expected["defense_slots.csv"] = nil
        #expect(got == expected)
    }

    @Test func aRunOnTheWorkbookWritesWhatTheFolderRunWrites() throws {
        let office = Office()
        let folder = try office.open(repository.appendingPathComponent("Scenarios/demo").path)
        let book = Scratch.path("book").appendingPathExtension("xlsx")
        _ = try office.convert(folder, to: book.path)
        var request = RunRequest()
        request.output = Scratch.path("out-folder").path
        let a = try office.run(folder, request)
        request.output = Scratch.path("out-book").path
        let b = try office.run(try office.open(book.path), request)
        for name in ["placements.csv", "funding.csv", "budgets.csv", "schedule.csv"] {
            #expect(a.files[name] == b.files[name], "\(name)")
        }
    }
}

@Suite struct WorkbookMistakeTests {
    /// One message per mistake, each at its cell: a merged range, a formula
    /// saved without its value, data below a blank row, a misnamed sheet
    /// (read as the sheet it is close to, so nothing refers to a missing one).
    @Test func eachMistakeIsNamedAtItsCellOnce() throws {
        let path = fixtures.appendingPathComponent("mistakes-openpyxl.xlsx").path
        do {
            _ = try Office().open(path)
            Issue.record("the mistakes were accepted")
        } catch {
            let places = error.problems.map { "\($0.place ?? "") \($0.column)" }
            #expect(
                places == [
                    "\(path): fellows!B2:C2 -", "\(path): fellows!C2 track", "\(path): labs!E3 capacity",
                    "\(path): labs!15 -", "\(path) -"
                ], "\(error.problems.map(\.description).joined(separator: "\n"))")
            #expect(error.problems.contains { $0.message.contains("formula (=2+3)") })
            #expect(error.problems.contains { $0.hint == "did you mean mentors? rename the sheet" })
        }
    }

    /// Formulas saved without their values (as openpyxl writes them): one
    /// message per cell, naming the formula, and nothing else.
    @Test func formulasWithoutValuesAreNamedOncePerCell() throws {
        let path = fixtures.appendingPathComponent("formulas-openpyxl.xlsx").path
        do {
            _ = try Office().open(path)
            Issue.record("formulas without values were accepted")
        } catch {
            // Every lab's capacity, the list capped per column as every list is.
            let errors = error.problems.filter { $0.severity == .error }
            #expect(errors.count >= 10 && errors.allSatisfy { $0.column == "capacity" })
            #expect(errors.allSatisfy { $0.message.contains("a formula (=") || $0.message.hasPrefix("and 2 more") })
        }
    }

    @Test func aFileThatIsNoWorkbookIsSaidSoInOneLine() throws {
        let path = Scratch.path("not").appendingPathExtension("xlsx")
        try Data("id,name\n".utf8).write(to: path)
        do {
            _ = try Office().open(path.path)
            Issue.record("a text file was read as a workbook")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.problems.first?.message.contains("is not an Excel workbook") == true)
        }
    }

    /// A part that inflates past the limit (a zip bomb) ends with a clear
    /// error instead of filling memory.
    @Test func aZipBombIsRefused() throws {
        let url = Scratch.path("bomb").appendingPathExtension("xlsx")
        let archive = try Archive(url: url, accessMode: .create)
        let workbook = Data(
            """
            <workbook><sheets><sheet name="fellows" r:id="rId1"/></sheets></workbook>
            """.utf8)
        let rels = Data(
            #"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#.utf8)
        for (name, data) in [("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", rels)] {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count)) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let size = Int64(WorkbookLimits.partBytes + 1024)
        try archive.addEntry(
            with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: size, compressionMethod: .deflate
        ) { _, chunk in Data(count: chunk) }
        do {
            _ = try Office().open(url.path)
            Issue.record("the bomb was read")
        } catch {
            #expect(error.problems.first?.message.contains("larger than") == true)
        }
    }
}

extension Tag {
    /// Runs only with `FELLOWMATCH_SLOW_TESTS=1` (see `SlowTests`).
    @Tag static var slow: Self
}

@Suite struct WorkbookLargeTests {
    /// A consortium's workbook (5,000 new fellows; its availability sheet is
    /// a part of over 12 MB, where Foundation's XML parser on Linux reports a
    /// failure after reading every element) reads as its folder.
    @Test(.tags(.slow), .enabled(if: SlowTests.enabled))
    func aConsortiumWorkbookReadsAsItsFolder() throws {
        let office = Office()
        let folder = Scratch.path("g5000")
        _ = try office.generate(fellows: 5_000, seed: 2026, sessions: true, to: folder.path)
        let program = try office.open(folder.path)
        let book = Scratch.path("g5000").appendingPathExtension("xlsx")
        _ = try office.convert(program, to: book.path)
        #expect(canonical(try office.open(book.path).scenario) == canonical(program.scenario))
    }
}

@Suite struct XMLScannerTests {
    func walk(_ xml: String) -> (ok: Bool, events: [String]) {
        var events: [String] = []
        let ok = XMLElements.walk(
            Data(xml.utf8),
            start: { name, a in
                events.append("<\(name)" + a.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined() + ">")
            },
            end: { name, text in events.append("</\(name)>\(text)") })
        return (ok, events)
    }

    @Test func elementsAttributesAndTextAsAWorkbookWritesThem() {
        let r = walk(
            """
            <?xml version="1.0"?><!-- a comment --><x:c r='A1' t="s"><x:v>1 &amp; 2 &lt;3&gt; &#233;&#x41;</x:v>\
            <t><![CDATA[a<b]]></t><e/></x:c>
            """)
        #expect(r.ok)
        #expect(r.events == ["<c r=A1 t=s>", "<v>", "</v>1 & 2 <3> éA", "<t>", "</t>a<b", "<e>", "</e>", "</c>"])
    }

    /// A DOCTYPE's entities are never expanded (no "billion laughs"): an
    /// entity it declares is unknown, and the part is not read.
    @Test func declaredEntitiesAreNotExpanded() {
        #expect(!walk(#"<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>"#).ok)
    }

    @Test func brokenPartsAreNotRead() {
        #expect(!walk("<a><b></a></b>").ok)
        #expect(!walk("<a x=1></a>").ok)
        #expect(!walk("<a>").ok)
        #expect(!walk("<a>&bogus;</a>").ok)
    }
}
