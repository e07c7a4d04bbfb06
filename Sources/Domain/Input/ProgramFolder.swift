import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The one folder a scenario or a what-if may read from: every path it names
/// (a what-if's `base`, a change's `from`, a file that is a symbolic link)
/// must lead, once `..` and every symbolic link are resolved, to this folder
/// or to something inside it.
///
/// - A scenario folder read on its own is its own program folder: its files,
///   symbolic links included, must lie inside it.
/// - A what-if's program folder is the folder that holds the what-if's own
///   folder: for `program/what-if/cut.toml` it is `program/`, so `base = ".."`
///   (or `"../base"` beside the what-ifs) is allowed and nothing beyond it.
///
/// A path is judged before anything is read from it, and whether it exists
/// outside the folder is never told: a refused path is only named, its
/// content never read nor shown.
public struct ProgramFolder: Sendable, Equatable {
    /// The folder's real path (no symbolic link, no `..`).
    public let root: String

    /// The program folder rooted at `folder` (resolved); `nil` when the folder does not exist.
    public init?(_ folder: URL) {
        guard let real = Self.realPath(folder.path) else { return nil }
        root = real
    }

    /// The program folder of the what-if file at `whatIf`: the folder holding the what-if's folder.
    public init?(whatIf: URL) {
        guard let real = Self.realPath(whatIf.deletingLastPathComponent().path) else { return nil }
        root = real == "/" ? "/" : (real as NSString).deletingLastPathComponent
    }

    /// Whether `url`, resolved, is the folder itself or inside it. A path
    /// that does not exist is judged by its deepest folder that does.
    public func contains(_ url: URL) -> Bool { inside(url) != nil }

    /// `url` resolved (no `..`, no symbolic link) when it is inside the folder; `nil` otherwise.
    public func inside(_ url: URL) -> URL? {
        guard let resolved = Self.resolve(url.path),
            root == "/" || resolved == root || resolved.hasPrefix(root + "/")
        else { return nil }
        return URL(fileURLWithPath: resolved)
    }

    /// The real path of `path` when it exists; otherwise the real path of
    /// its folder followed by its last component (when that is a plain name).
    static func resolve(_ path: String) -> String? {
        if let real = realPath(path) { return real }
        let last = (path as NSString).lastPathComponent
        guard !last.isEmpty, last != ".", last != "..", last != "/" else { return nil }
        guard let folder = realPath((path as NSString).deletingLastPathComponent) else { return nil }
        return (folder as NSString).appendingPathComponent(last)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
