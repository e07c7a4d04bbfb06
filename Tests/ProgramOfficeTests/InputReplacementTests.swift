import Foundation
import ProgramOffice
import TestSupport
import Testing

/// Replacing input files keeps each replaced file (an upload, a closed round).
@Suite struct InputReplacementTests {
    /// Two replacements in the same second (an upload, then a round closed):
    /// each keeps the file as it found it, in a folder of its own.
    @Test func twoReplacementsInOneSecondKeepBothOriginals() throws {
        let folder = try SmallProgram().write()
        var office = Office()
        office.now = { "2026-12-04T10:00:00Z" }
        let target = URL(fileURLWithPath: folder).appendingPathComponent("preferences.csv")
        let original = try Data(contentsOf: target)
        let uploaded = Data("fellow,lab,rank\nf1,lab1,1\n".utf8)
        let first = try office.replaceInputs(in: folder, [("preferences.csv", uploaded)])
        let second = try office.replaceInputs(in: folder, [("preferences.csv", Data("fellow,lab,rank\n".utf8))])
        #expect(first != nil && second != nil && first != second)
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: first!).appendingPathComponent("preferences.csv")) == original)
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: second!).appendingPathComponent("preferences.csv")) == uploaded)
        #expect(first!.hasSuffix(".replaced/2026-12-04T10-00-00Z-1"))
        #expect(second!.hasSuffix(".replaced/2026-12-04T10-00-00Z-2"))
    }

    /// A new file replaces nothing and keeps nothing.
    @Test func aNewFileKeepsNothing() throws {
        let folder = try SmallProgram().write()
        let kept = try Office().replaceInputs(in: folder, [("notes.csv", Data("a\n".utf8))])
        #expect(kept == nil)
        #expect(!FileManager.default.fileExists(atPath: folder + "/.replaced"))
    }
}
