import Foundation

/// Where a program is: a scenario folder, or a what-if file (the scenario its
/// changes describe). Decided once, here, for every use case.
public enum ProgramLocation: Sendable, Hashable {
    case folder(String)
    case whatIf(String)
    /// One Excel workbook holding the scenario's files as sheets.
    case workbook(String)

    /// A what-if is a `.toml` file and a workbook an `.xlsx` file, when not
    /// themselves a scenario folder.
    public init(path: String) {
        let isFolderWithSettings = FileManager.default.fileExists(
            atPath: (path as NSString).appendingPathComponent("scenario.toml"))
        let ext = (path as NSString).pathExtension.lowercased()
        switch ext {
        case "toml" where !isFolderWithSettings: self = .whatIf(path)
        case "xlsx" where !isFolderWithSettings: self = .workbook(path)
        default: self = .folder(path)
        }
    }

    /// The path as given.
    public var path: String {
        switch self {
        case .folder(let p), .whatIf(let p), .workbook(let p): return p
        }
    }

    public var isWhatIf: Bool {
        if case .whatIf = self { return true }
        return false
    }

    /// The scenario folder: the folder itself, or for a what-if the folder
    /// above the one holding it (its base, by convention `..`); a workbook
    /// stands for a folder of its own.
    public var scenarioFolder: String {
        switch self {
        case .folder(let p), .workbook(let p): return p
        case .whatIf(let p): return ((p as NSString).deletingLastPathComponent as NSString).appendingPathComponent("..")
        }
    }

    /// Where a run writes by default: `SCENARIO/out`, or `out-LABEL` beside a
    /// what-if file.
    public var defaultOutput: String {
        switch self {
        case .folder(let p): return (p as NSString).appendingPathComponent("out")
        case .whatIf(let p), .workbook(let p):
            let label = ((p as NSString).lastPathComponent as NSString).deletingPathExtension
            return ((p as NSString).deletingLastPathComponent as NSString).appendingPathComponent("out-\(label)")
        }
    }
}
