import Foundation

/// Where a program is: a scenario folder, or a what-if file (the scenario its
/// changes describe). Decided once, here, for every use case.
public enum ProgramLocation: Sendable, Hashable {
    case folder(String)
    case whatIf(String)

    /// A what-if is a `.toml` file that is not itself a scenario folder.
    public init(path: String) {
        let isFolderWithSettings = FileManager.default.fileExists(
            atPath: (path as NSString).appendingPathComponent("scenario.toml"))
        self = path.hasSuffix(".toml") && !isFolderWithSettings ? .whatIf(path) : .folder(path)
    }

    /// The path as given.
    public var path: String {
        switch self {
        case .folder(let p), .whatIf(let p): return p
        }
    }

    public var isWhatIf: Bool {
        if case .whatIf = self { return true }
        return false
    }

    /// The scenario folder: the folder itself, or for a what-if the folder
    /// above the one holding it (its base, by convention `..`).
    public var scenarioFolder: String {
        switch self {
        case .folder(let p): return p
        case .whatIf(let p): return ((p as NSString).deletingLastPathComponent as NSString).appendingPathComponent("..")
        }
    }

    /// Where a run writes by default: `SCENARIO/out`, or `out-LABEL` beside a
    /// what-if file.
    public var defaultOutput: String {
        switch self {
        case .folder(let p): return (p as NSString).appendingPathComponent("out")
        case .whatIf(let p):
            let label = ((p as NSString).lastPathComponent as NSString).deletingPathExtension
            return ((p as NSString).deletingLastPathComponent as NSString).appendingPathComponent("out-\(label)")
        }
    }
}
