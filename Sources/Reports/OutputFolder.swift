import Foundation

/// Writes a run's files so that the output folder is never left half-written:
/// everything goes to a temporary folder beside it, which then replaces it by
/// rename. An existing folder is replaced only if it holds nothing but files a
/// run writes, so pointing `--out` at a folder of other work cannot erase it.
public struct OutputFolder {
    public struct RefusedError: Error, CustomStringConvertible {
        public var path: String
        public var strangers: [String]
        public var description: String {
            "\(path): the folder holds files FellowMatch did not write (\(strangers.prefix(5).joined(separator: ", "))); choose a new or empty folder with --out"
        }
    }

    /// Names a run may leave in its folder.
    public static let managedNames: Set<String> = ["placements.csv", "summary.json", "schedule.csv", "calendar", "comparison.md",
                                                   "comparison.csv", "comparison.json", "explain.md", ".DS_Store"]

    public let url: URL

    public init(_ url: URL) { self.url = url.standardizedFileURL }

    /// Checks the folder can be replaced, without writing anything.
    public func checkReplaceable() throws {
        let fm = FileManager.default
        guard let existing = try? fm.contentsOfDirectory(atPath: url.path) else { return }
        let strangers = existing.filter { !Self.managedNames.contains($0) }.sorted()
        if !strangers.isEmpty { throw RefusedError(path: url.path, strangers: strangers) }
    }

    /// Writes `files` (relative path → content) as the folder's whole content.
    public func write(_ files: [String: Data]) throws {
        let fm = FileManager.default
        try checkReplaceable()
        let parent = url.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let temporary = parent.appendingPathComponent(".\(url.lastPathComponent).writing-\(token)")
        let old = parent.appendingPathComponent(".\(url.lastPathComponent).old-\(token)")
        do {
            try fm.createDirectory(at: temporary, withIntermediateDirectories: true)
            for (path, data) in files.sorted(by: { $0.key < $1.key }) {
                let target = temporary.appendingPathComponent(path)
                try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: target)
            }
            if fm.fileExists(atPath: url.path) {
                try fm.moveItem(at: url, to: old)
                do {
                    try fm.moveItem(at: temporary, to: url)
                } catch {
                    try? fm.moveItem(at: old, to: url)
                    throw error
                }
                try? fm.removeItem(at: old)
            } else {
                try fm.moveItem(at: temporary, to: url)
            }
        } catch {
            try? fm.removeItem(at: temporary)
            throw error
        }
    }
}
