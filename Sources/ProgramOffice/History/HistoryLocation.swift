import Foundation
import RunHistory

/// Where the run history is when no program names it (`publish`, `history
/// show`, `history diff`), found from where the user stands: the folder they
/// are in, the folder above it (they stand in a scenario folder), and the
/// folders just below it (they stand at the repository's root, the history
/// beside the scenario folders in `Scenarios/`). The same file is found from
/// each of these; with none, the folder they are in; with two or more, no
/// guess.
public enum HistoryLocation: Sendable, Equatable {
    /// One history was found (or, with none, where a new one would be).
    case found(String)
    /// No history in any of the folders looked in.
    case none(searched: [String])
    /// Several histories: the user must name one.
    case ambiguous([String])

    /// Looks from `folder` (the current folder).
    public static func find(from folder: String) -> HistoryLocation {
        let fm = FileManager.default
        let here = URL(fileURLWithPath: folder).standardizedFileURL
        let below = ((try? fm.contentsOfDirectory(at: here, includingPropertiesForKeys: [.isDirectoryKey])) ?? [])
            .filter { (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true }
            .sorted { $0.path < $1.path }
        let candidates = [here, here.deletingLastPathComponent()] + below
        let searched = candidates.map { $0.appendingPathComponent(HistoryStore.defaultFileName).path }
        var seen = Set<String>()
        let found = searched.filter { fm.fileExists(atPath: $0) && seen.insert($0).inserted }
        switch found.count {
        case 0: return .none(searched: Array(Set(searched)).sorted())
        case 1: return .found(found[0])
        default: return .ambiguous(found)
        }
    }
}
