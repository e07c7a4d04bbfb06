import Foundation
import Testing

/// Issue 26: nothing read, written or trusted that should not be. Each test
/// is one finding of the security probe, through the real binary.
@Suite struct ProgramFolderTests {
    let fm = FileManager.default

    /// A secret outside the program's folder, whose first line must never be shown.
    func secret() throws -> URL {
        let dir = CLI.temporary("elsewhere")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("shadow")
        try Data("root:SECRET-HASH:19000:0:99999:7:::\n".utf8).write(to: file)
        return file
    }

    func whatIf(in dir: URL, _ text: String) throws -> URL {
        let file = dir.appendingPathComponent("what-if/probe.toml")
        try Data(text.utf8).write(to: file)
        return file
    }

    func add(from: String) -> String {
        "base = \"..\"\n[[change]]\naction = \"add\"\nfile = \"fellows\"\nfrom = \"\(from)\"\n"
    }

    @Test func aFromOutsideTheProgramIsRefusedAndNeverEchoed() throws {
        let dir = try CLI.demoCopy()
        let shadow = try secret()
        for from in [shadow.path, "../../" + shadow.deletingLastPathComponent().lastPathComponent + "/shadow"] {
            let r = try CLI.run(["check", try whatIf(in: dir, add(from: from)).path])
            #expect(r.status == 2, "\(r.stderr)")
            #expect(r.stderr.contains("is outside the program's folder"), "\(r.stderr)")
            #expect(!r.stderr.contains("SECRET") && !r.stdout.contains("SECRET"))
        }
    }

    @Test func aFromThatIsASymlinkLeadingOutIsRefused() throws {
        let dir = try CLI.demoCopy()
        let link = dir.appendingPathComponent("what-if/more.csv")
        try fm.createSymbolicLink(at: link, withDestinationURL: try secret())
        let r = try CLI.run(["check", try whatIf(in: dir, add(from: "more.csv")).path])
        #expect(r.status == 2 && r.stderr.contains("outside the program's folder"), "\(r.stderr)")
        #expect(!r.stderr.contains("SECRET"))
    }

    @Test func aBaseOutsideTheProgramIsRefused() throws {
        let dir = try CLI.demoCopy()
        let other = try CLI.demoCopy()
        for base in ["../..", other.path, "/etc"] {
            let r = try CLI.run(["check", try whatIf(in: dir, "base = \"\(base)\"\n").path])
            #expect(r.status == 2, "\(base): \(r.stderr)")
            #expect(r.stderr.contains("base: ") && r.stderr.contains("outside the program's folder"), "\(r.stderr)")
        }
        // The program's own folder, named by `..`, is allowed.
        #expect(try CLI.run(["check", try whatIf(in: dir, "base = \"..\"\n").path]).status == 0)
    }

    @Test func aScenarioFileLinkedFromOutsideIsNotRead() throws {
        let dir = try CLI.demoCopy()
        let costs = dir.appendingPathComponent("costs.csv")
        try fm.removeItem(at: costs)
        try fm.createSymbolicLink(at: costs, withDestinationURL: try secret())
        let r = try CLI.run(["check", dir.path])
        #expect(r.status == 2 && r.stderr.contains("costs.csv:1: -: is a symbolic link that leads outside"))
        #expect(!r.stderr.contains("SECRET"))
    }
}
