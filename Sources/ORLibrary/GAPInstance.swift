import Foundation

/// One instance of the generalized assignment problem from Beasley's
/// OR-Library: `m` agents (labs), `n` jobs (fellows); job `j` at agent `i`
/// earns or costs `c[i][j]` and uses `a[i][j]` of agent `i`'s capacity `b[i]`.
/// Every job goes to exactly one agent.
public struct GAPInstance: Sendable, Hashable {
    public var name: String
    public var agents: Int
    public var jobs: Int
    /// `cost[i][j]`: the objective coefficient (profit for gap1–12, cost for a–e).
    public var cost: [[Int]]
    /// `resource[i][j]`: capacity used at agent `i` by job `j`.
    public var resource: [[Int]]
    public var capacity: [Int]
    public var sense: Sense

    public enum Sense: String, Sendable, Hashable { case min, max }

    public init(name: String, cost: [[Int]], resource: [[Int]], capacity: [Int], sense: Sense) {
        self.name = name
        self.agents = capacity.count
        self.jobs = cost.first?.count ?? 0
        self.cost = cost
        self.resource = resource
        self.capacity = capacity
        self.sense = sense
    }
}

/// A row of `optima.tsv`: where an instance is and its published optimum.
public struct GAPReference: Sendable, Hashable {
    public var instance: String
    public var file: String
    /// 1-based position of the instance in its file.
    public var index: Int
    public var agents: Int
    public var jobs: Int
    public var sense: GAPInstance.Sense
    public var value: Int
    /// `optimal` or `best-known`.
    public var kind: String
}

public struct GAPFormatError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var message: String
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
    public var description: String { "\(path): \(message)" }
}

/// Reads the OR-Library GAP files as the folder's README describes them.
public enum GAPLibrary {
    /// Where the repository keeps the OR-Library files: `Tests/Data/gap`.
    public static let repositoryPath = "Tests/Data/gap"

    /// The folder named by `FELLOWMATCH_GAP_DIR`, else ``repositoryPath`` in
    /// `repositoryRoot`.
    public static func defaultFolder(repositoryRoot: URL) -> URL {
        if let env = ProcessInfo.processInfo.environment["FELLOWMATCH_GAP_DIR"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        return repositoryRoot.appendingPathComponent(repositoryPath)
    }

    /// Parses `optima.tsv`.
    public static func references(in folder: URL) throws -> [GAPReference] {
        let path = folder.appendingPathComponent("optima.tsv").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard !lines.isEmpty else { throw GAPFormatError(path: path, message: "empty file") }
        let header = lines.removeFirst().split(separator: "\t").map(String.init)
        func col(_ name: String) throws -> Int {
            guard let i = header.firstIndex(of: name) else {
                throw GAPFormatError(path: path, message: "no column \(name)")
            }
            return i
        }
        let (ci, cf, cx, cm, cn, cs, cv, ck) = (
            try col("instance"), try col("file"), try col("index"), try col("m"),
            try col("n"), try col("sense"), try col("value"), try col("kind")
        )
        return try lines.enumerated().map { (k, line) in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == header.count, let index = Int(f[cx]), let m = Int(f[cm]), let n = Int(f[cn]),
                let value = Int(f[cv]), let sense = GAPInstance.Sense(rawValue: f[cs])
            else {
                throw GAPFormatError(path: path, message: "line \(k + 2) is malformed")
            }
            return GAPReference(
                instance: f[ci], file: f[cf], index: index, agents: m, jobs: n,
                sense: sense, value: value, kind: f[ck])
        }
    }

    /// Reads every instance of one file. Files named `e…` hold one instance
    /// without the leading count.
    public static func instances(file: URL, sense: GAPInstance.Sense, namePrefix: String? = nil) throws -> [GAPInstance]
    {
        let text = try String(contentsOfFile: file.path, encoding: .utf8)
        var numbers = text.split(whereSeparator: { $0.isWhitespace }).compactMap { Int($0) }[...]
        let base = file.deletingPathExtension().lastPathComponent
        let single = base.hasPrefix("e")
        func next() throws -> Int {
            guard let v = numbers.popFirst() else {
                throw GAPFormatError(path: file.path, message: "ends too early")
            }
            return v
        }
        let count = single ? 1 : try next()
        var result: [GAPInstance] = []
        for k in 1...max(count, 1) {
            let m = try next(), n = try next()
            var c: [[Int]] = [], a: [[Int]] = []
            for _ in 0..<m { c.append(try (0..<n).map { _ in try next() }) }
            for _ in 0..<m { a.append(try (0..<n).map { _ in try next() }) }
            let b = try (0..<m).map { _ in try next() }
            let name = single ? base : "\(namePrefix ?? base)-\(k)"
            result.append(GAPInstance(name: name, cost: c, resource: a, capacity: b, sense: sense))
        }
        return result
    }

    /// The instance a reference points to, named as in `optima.tsv`.
    public static func instance(_ reference: GAPReference, in folder: URL) throws -> GAPInstance {
        let all = try instances(file: folder.appendingPathComponent(reference.file), sense: reference.sense)
        guard reference.index >= 1 && reference.index <= all.count else {
            throw GAPFormatError(path: reference.file, message: "has no instance \(reference.index)")
        }
        var instance = all[reference.index - 1]
        instance.name = reference.instance
        return instance
    }
}
