import Foundation
import Testing

@testable import Reports

/// Replacing an output folder: the new version whole, nothing left beside
/// it, and (where the file system exchanges folders in one step) never a
/// moment without the folder.
@Suite struct OutputFolderReplaceTests {
    static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("replace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func twoFoldersAreExchangedOrLeftAsTheyWere() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let a = root.appendingPathComponent("a"), b = root.appendingPathComponent("b")
        for (folder, name) in [(a, "first"), (b, "second")] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
            try Data(name.utf8).write(to: folder.appendingPathComponent("name.txt"))
        }
        let swapped = FolderExchange.swap(a.path, b.path)
        let inA = try String(contentsOf: a.appendingPathComponent("name.txt"), encoding: .utf8)
        let inB = try String(contentsOf: b.appendingPathComponent("name.txt"), encoding: .utf8)
        #expect([inA, inB] == (swapped ? ["second", "first"] : ["first", "second"]))
    }

    @Test func aFolderRewrittenWhileReadIsNeverAbsent() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = OutputFolder(root.appendingPathComponent("out"))
        try target.write(["summary.json": Data("0".utf8)])
        final class Watch: @unchecked Sendable {
            let lock = NSLock()
            var done = false, absent = 0, looks = 0
        }
        let watch = Watch()
        let path = target.url.appendingPathComponent("summary.json").path
        let reader = Thread {
            while !watch.lock.withLock({ watch.done }) {
                let present = FileManager.default.fileExists(atPath: path)
                watch.lock.withLock {
                    watch.looks += 1
                    if !present { watch.absent += 1 }
                }
            }
        }
        reader.start()
        for k in 1...40 { try target.write(["summary.json": Data("\(k)".utf8)]) }
        watch.lock.withLock { watch.done = true }
        while !reader.isFinished { usleep(1_000) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "40")
        let left = try FileManager.default.contentsOfDirectory(atPath: root.path)
        #expect(left == ["out"])
        if FolderExchange.renameat2 != nil { #expect(watch.absent == 0, "of \(watch.looks) looks") }
    }
}
