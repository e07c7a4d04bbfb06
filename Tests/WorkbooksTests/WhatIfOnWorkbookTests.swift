import Domain
import Foundation
import ProgramOffice
import TestSupport
import Testing

@testable import Workbooks

/// A what-if whose `base` is a workbook (`base = "../demo.xlsx"`) means what
/// the same what-if over the same data as a folder means.
@Suite struct WhatIfOnWorkbookTests {
    let demo = repository.appendingPathComponent("Scenarios/demo")

    /// A program folder holding `demo.xlsx` (written from `files`) and the
    /// demo's what-ifs with their base changed to it.
    func workbookProgram(_ files: [String: String]) throws -> URL {
        let program = Scratch.path("book-program")
        let whatIfs = program.appendingPathComponent("what-if")
        try FileManager.default.createDirectory(at: program, withIntermediateDirectories: true)
        try ScenarioWorkbook.write(files, to: program.appendingPathComponent("demo.xlsx").path)
        try FileManager.default.copyItem(at: demo.appendingPathComponent("what-if"), to: whatIfs)
        for name in try FileManager.default.contentsOfDirectory(atPath: whatIfs.path) where name.hasSuffix(".toml") {
            let file = whatIfs.appendingPathComponent(name)
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.contains("base = \"..\"\n"), "\(name)")
            try Data(text.replacingOccurrences(of: "base = \"..\"\n", with: "base = \"../demo.xlsx\"\n").utf8)
                .write(to: file)
        }
        return program
    }

    func demoFiles() throws -> [String: String] {
        canonical(try Office().open(demo.path).scenario)
    }

    /// Every what-if of the demo over the demo as a workbook reads to the
    /// scenario it reads to over the folder, with the same notes.
    @Test func everyDemoWhatIfReadsTheSameOverTheWorkbook() throws {
        let office = Office()
        let program = try workbookProgram(try demoFiles())
        let names = try FileManager.default.contentsOfDirectory(atPath: demo.appendingPathComponent("what-if").path)
            .filter { $0.hasSuffix(".toml") }.sorted()
        #expect(names.count >= 5)
        for name in names {
            let overFolder = try office.open(demo.appendingPathComponent("what-if/\(name)").path)
            let overBook = try office.open(program.appendingPathComponent("what-if/\(name)").path)
            #expect(canonical(overBook.scenario) == canonical(overFolder.scenario), "\(name)")
            #expect(overBook.notes == overFolder.notes, "\(name)")
            #expect(overBook.label == overFolder.label && overBook.description == overFolder.description)
        }
    }

    /// `run` on a what-if over the workbook writes what it writes over the folder.
    @Test func aRunOfTheWhatIfWritesWhatTheFolderRunWrites() throws {
        let office = Office()
        let program = try workbookProgram(try demoFiles())
        var request = RunRequest()
        request.output = Scratch.path("out-folder").path
        let a = try office.run(try office.open(demo.appendingPathComponent("what-if/grant-cut.toml").path), request)
        request.output = Scratch.path("out-book").path
        let b = try office.run(try office.open(program.appendingPathComponent("what-if/grant-cut.toml").path), request)
        for name in ["placements.csv", "funding.csv", "budgets.csv", "schedule.csv"] {
            #expect(a.files[name] != nil && a.files[name] == b.files[name], "\(name)")
        }
    }

    /// A mistake in the workbook's own rows is shown at its cell, as when the
    /// workbook is opened on its own (fellow f003's cost is the 4th row's
    /// column I).
    @Test func aMistakeInTheWorkbookIsShownAtItsCell() throws {
        var files = try demoFiles()
        var lines = files["fellows.csv"]!.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        #expect(header.firstIndex(of: "cost") == 8 && lines[3].hasPrefix("f003,"))
        var fields = lines[3].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[8] = "lots"
        lines[3] = fields.joined(separator: ",")
        files["fellows.csv"] = lines.joined(separator: "\n")
        let program = try workbookProgram(files)
        do {
            _ = try Office().open(program.appendingPathComponent("what-if/grant-cut.toml").path)
            Issue.record("the mistake was accepted")
        } catch {
            let cost = error.problems.filter { $0.column == "cost" && $0.severity == .error }
            #expect(cost.count == 1)
            #expect(cost.first?.place?.hasSuffix("demo.xlsx: fellows!I4") == true, "\(error.problems)")
        }
    }

    /// Domain alone does not read workbooks: without an opener the base is
    /// an error at the `base` key.
    @Test func withoutAnOpenerAWorkbookBaseIsAnError() throws {
        let program = try workbookProgram(try demoFiles())
        do {
            _ = try WhatIfReader.read(path: program.appendingPathComponent("what-if/grant-cut.toml").path)
            Issue.record("the workbook was read without an opener")
        } catch {
            #expect(error.issues.map(\.column) == ["base"])
        }
    }
}
