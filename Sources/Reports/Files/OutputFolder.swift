import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a run's files so that the output folder is never left half-written
/// and nothing FellowMatch did not write is ever deleted.
///
/// - Everything is written to a temporary folder beside the target
///   (`.NAME.writing-PID-N`), which then takes the target's place by rename;
///   the previous version is moved aside (`.NAME.old-PID-N`) and removed only
///   after the new one is in place.
/// - An existing target is replaced only when it is a real folder (not a file,
///   not a symbolic link) and every entry in it, at every depth, is a file a
///   run writes (``managedTopLevel`` as regular files, `calendar/` holding
///   only `.ics` files). Anything else: ``Refusal``, and nothing is touched.
/// - Writers of the same target take turns: an exclusive `flock(2)` on the
///   parent folder is held from the check to the rename, so a second run
///   waits for the first instead of failing halfway.
/// - Leftovers of a run that was killed (`.NAME.writing-*`, `.NAME.old-*`)
///   are cleaned up by the next run of the same target, under the lock: a
///   previous version whose replacement never landed is put back, and every
///   cleanup is reported in ``WriteReport/notes``. Leftovers holding anything
///   a run does not write are left alone (and reported).
public struct OutputFolder: Sendable {
    /// Why a target cannot be written.
    public struct Refusal: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// What a write did besides writing the files.
    public struct WriteReport: Sendable {
        /// Leftovers of earlier, interrupted runs that were cleaned up or recovered.
        public var notes: [String] = []
    }

    /// Top-level files a run (or `compare`, `explain`) may leave in its folder.
    public static let managedTopLevel: Set<String> = [
        "placements.csv", "summary.json", "schedule.csv", "comparison.md", "comparison.csv", "comparison.json",
        "explain.md", "funding.csv", "budgets.csv", "appointments.csv", "report.html", "comparison.html",
        "report-public.html", "placements-public.csv", "results.xlsx", ".DS_Store"
    ]
    /// The calendar folder: only `.ics` files (and `.DS_Store`) at its top.
    public static let calendarFolder = "calendar"

    public let url: URL

    public init(_ url: URL) { self.url = url.standardizedFileURL }

    var parent: URL { url.deletingLastPathComponent() }
    var name: String { url.lastPathComponent }

    // MARK: Checking

    /// Checks the target can be replaced, without writing anything.
    public func checkReplaceable() throws(Refusal) {
        if let reason = Self.unmanagedContent(at: url.path) {
            throw Refusal(path: url.path, reason: reason + "; choose a new or empty folder for the output")
        }
    }

    /// Why the entry at `path` is not a (possibly absent) folder of run
    /// outputs, or `nil` when it is.
    static func unmanagedContent(at path: String) -> String? {
        switch FileKind(path) {
        case .absent: return nil
        case .symlink: return "is a symbolic link; FellowMatch writes only into a real folder"
        case .file, .other: return "is a file, not a folder; FellowMatch never replaces a file it did not write"
        case .directory: break
        }
        let strangers = strangeEntries(in: path)
        guard !strangers.isEmpty else { return nil }
        let shown =
            strangers.prefix(5).joined(separator: ", ")
            + (strangers.count > 5 ? " and \(strangers.count - 5) more" : "")
        return "the folder holds files FellowMatch did not write (\(shown))"
    }

    /// Entries (relative paths) of a folder that a run does not write.
    static func strangeEntries(in path: String) -> [String] {
        guard let listed = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            return ["(a folder that cannot be listed)"]
        }
        let entries = listed.sorted()
        var strangers: [String] = []
        for entry in entries {
            let full = (path as NSString).appendingPathComponent(entry)
            let kind = FileKind(full)
            if managedTopLevel.contains(entry) && kind == .file { continue }
            if entry == calendarFolder && kind == .directory {
                guard let inner = (try? FileManager.default.contentsOfDirectory(atPath: full))?.sorted() else {
                    strangers.append("\(calendarFolder)/ (cannot be listed)")
                    continue
                }
                for file in inner {
                    let ok =
                        (file.hasSuffix(".ics") || file == ".DS_Store")
                        && FileKind((full as NSString).appendingPathComponent(file)) == .file
                    if !ok { strangers.append("\(calendarFolder)/\(file)") }
                }
                continue
            }
            strangers.append(kind == .directory ? entry + "/" : entry)
        }
        return strangers
    }

    // MARK: Writing

    /// Writes `files` (relative path → content) as the target's whole content.
    @discardableResult
    public func write(_ files: [String: Data]) throws -> WriteReport {
        let fm = FileManager.default
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let lock = try ParentLock(parent)
        defer { lock.release() }
        var report = WriteReport()
        report.notes = recoverLeftovers()
        try checkReplaceable()
        let token = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let temporary = parent.appendingPathComponent(".\(name).writing-\(token)")
        let old = parent.appendingPathComponent(".\(name).old-\(token)")
        do {
            try fm.createDirectory(at: temporary, withIntermediateDirectories: false)
            for (path, data) in files.sorted(by: { $0.key < $1.key }) {
                let target = temporary.appendingPathComponent(path)
                try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: target)
            }
            if FileKind(url.path) != .absent {
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
            throw Refusal(path: url.path, reason: "could not be written (\(Self.plain(error))); nothing was changed")
        }
        return report
    }

    /// Cleans up `.NAME.writing-*` and `.NAME.old-*` beside the target. Runs
    /// under the lock, so every such folder belongs to a run that was stopped.
    func recoverLeftovers() -> [String] {
        let fm = FileManager.default
        let entries = ((try? fm.contentsOfDirectory(atPath: parent.path)) ?? []).sorted()
        var notes: [String] = []
        for prefix in [".\(name).old-", ".\(name).writing-"] {
            for entry in entries where entry.hasPrefix(prefix) {
                let path = parent.appendingPathComponent(entry)
                if let reason = Self.unmanagedContent(at: path.path) {
                    notes.append("left \(path.path) alone: it \(reason)")
                    continue
                }
                if prefix.hasSuffix(".old-") && FileKind(url.path) == .absent {
                    if (try? fm.moveItem(at: path, to: url)) != nil {
                        notes.append("put back \(url.path) from \(entry), which an interrupted run had moved aside")
                    }
                    continue
                }
                if (try? fm.removeItem(at: path)) != nil {
                    notes.append("removed \(entry), left by an interrupted run")
                }
            }
        }
        return notes
    }

    /// A file-system error in a sentence, without Foundation's domain and code.
    static func plain(_ error: Error) -> String {
        let e = error as NSError
        if let underlying = e.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if e.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(e.code))) }
        return e.localizedDescription
    }
}

/// What is at a path, without following a symbolic link.
enum FileKind: Equatable {
    case absent, file, directory, symlink, other

    init(_ path: String) {
        var st = stat()
        guard lstat(path, &st) == 0 else {
            self = .absent
            return
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG: self = .file
        case S_IFDIR: self = .directory
        case S_IFLNK: self = .symlink
        default: self = .other
        }
    }
}

/// An exclusive `flock(2)` on a folder, held while one writer replaces an
/// output folder in it. A second writer blocks until the first has renamed
/// its folder into place.
struct ParentLock {
    let descriptor: Int32

    init(_ folder: URL) throws {
        descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw OutputFolder.Refusal(
                path: folder.path, reason: "cannot be opened (\(String(cString: strerror(errno))))")
        }
        while flock(descriptor, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw OutputFolder.Refusal(path: folder.path, reason: "cannot be locked for writing (\(reason))")
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
