import Domain
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
    private let posixWrite = Glibc.write

    /// `syncfs(2)`: Glibc declares it only under `_GNU_SOURCE`, which Swift's Glibc module does not set.
    @_silgen_name("syncfs")
    private func syncfs(_ descriptor: Int32) -> Int32
#else
    import Darwin
    private let posixWrite = Darwin.write
#endif

/// Writes a run's files so that the output folder is never left half-written
/// and nothing FellowMatch did not write is ever deleted.
///
/// - Everything is written to a temporary folder beside the target
///   (`.NAME.writing-PID-N`), which then takes the target's place: exchanged
///   with it in one step where the file system can (``FolderExchange``), so
///   the target is never absent; elsewhere the previous version is moved
///   aside (`.NAME.old-PID-N`) and removed only after the new one is in place.
/// - The files reach the disk before the rename, with one sync of the
///   temporary folder's file system (`syncfs(2)`; `sync(2)` where there is
///   none) rather than an `fsync` per file (a run writes a calendar and
///   letters per person); the parent folder is synced after the rename.
/// - Each write leaves ``OutputManifest`` (`manifest.json`, the SHA-256 of
///   every file written). An existing target is replaced only when it is a
///   real folder (not a file, not a symbolic link) and every file in it, at
///   every depth, is listed in its manifest with the hash of its current
///   bytes. A file FellowMatch did not write (even one whose name a run
///   uses), one changed since, or a folder without a manifest (written by an
///   earlier version, or by someone else): ``Refusal`` naming them, and
///   nothing is touched. An empty folder may be written into.
/// - `.DS_Store` files (written by the Finder) are carried over into the new
///   version at the same place, never removed.
/// - Writers of the same target take turns: an exclusive `flock(2)` on the
///   parent folder is held from the check to the rename, so a second run
///   waits for the first instead of failing halfway.
/// - Leftovers of a run that was killed (`.NAME.writing-*`, `.NAME.old-*`)
///   are cleaned up by the next run of the same target, under the lock: a
///   previous version whose replacement never landed is put back, and every
///   cleanup is reported in ``WriteReport/notes``. Leftovers holding anything
///   a run did not write are left alone (and reported).
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

    /// The Finder's file, carried over rather than removed.
    static let finderFile = ".DS_Store"

    public let url: URL

    public init(_ url: URL) { self.url = url.standardizedFileURL }

    var parent: URL { url.deletingLastPathComponent() }
    var name: String { url.lastPathComponent }

    // MARK: Checking

    /// Checks the target can be replaced, without writing anything; the
    /// files are read and hashed on every core, or (`onEveryCore: false`,
    /// beside other work) on the calling thread.
    public func checkReplaceable(onEveryCore: Bool = true) throws(Refusal) {
        if let reason = Self.unmanagedContent(at: url.path, onEveryCore: onEveryCore) {
            throw Refusal(path: url.path, reason: reason + "; choose a new or empty folder for the output")
        }
    }

    /// ``checkReplaceable()`` before any work, while no writer is replacing
    /// the target (a shared lock on its parent, when the parent exists): a
    /// folder caught half-way through another run's rename is not refused.
    /// Never call it while holding the target's ``turn()``.
    public func checkReplaceableBetweenWriters(onEveryCore: Bool = true) throws(Refusal) {
        guard FileKind(parent.path) == .directory else { return try checkReplaceable(onEveryCore: onEveryCore) }
        do {
            try reading { try checkReplaceable(onEveryCore: onEveryCore) }
        } catch let refusal as Refusal {
            throw refusal
        } catch {
            throw Refusal(path: url.path, reason: "cannot be checked (\(Self.plain(error)))")
        }
    }

    /// Why the entry at `path` is not a (possibly absent) folder of run
    /// outputs, or `nil` when it is. With `interrupted` (a `.writing-`
    /// folder of a run that was killed), a listed file may be cut short.
    static func unmanagedContent(at path: String, interrupted: Bool = false, onEveryCore: Bool = true) -> String? {
        switch FileKind(path) {
        case .absent: return nil
        case .symlink: return "is a symbolic link; FellowMatch writes only into a real folder"
        case .file, .other: return "is a file, not a folder; FellowMatch never replaces a file it did not write"
        case .directory: break
        }
        let entries = Self.entries(in: path)
        let manifest = OutputManifest.read(in: path)
        var strangers: [String] = []
        var listed: [(relative: String, hash: String)] = []
        for (relative, kind) in entries {
            if kind == .directory || relative == OutputManifest.fileName && manifest != nil { continue }
            if (relative as NSString).lastPathComponent == finderFile && kind == .file { continue }
            guard kind == .file, let hash = manifest?.files[relative] else {
                strangers.append(relative)
                continue
            }
            listed.append((relative, hash))
        }
        // A run's folder holds a calendar and letters per person: read and hashed on every core.
        let holds: [Bool] =
            interrupted
            ? []
            : onEveryCore
                ? ParallelWork.map(listed) { Self.holds(path, $0.relative, hash: $0.hash) }
                : listed.map { Self.holds(path, $0.relative, hash: $0.hash) }
        let changed = zip(listed, holds).filter { !$1 }.map(\.0.relative)
        return refusal(strangers: strangers, changed: changed, hasManifest: manifest != nil)
    }

    /// Whether the file at `relative` under `folder` has the bytes whose hash the manifest lists.
    private static func holds(_ folder: String, _ relative: String, hash: String) -> Bool {
        FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(relative))
            .map(OutputManifest.hash) == hash
    }

    /// The sentence naming what stops a replacement, or `nil` when nothing does.
    static func refusal(strangers: [String], changed: [String], hasManifest: Bool) -> String? {
        func shown(_ list: [String]) -> String {
            list.prefix(5).joined(separator: ", ") + (list.count > 5 ? " and \(list.count - 5) more" : "")
        }
        if !hasManifest && !strangers.isEmpty {
            return "the folder has no \(OutputManifest.fileName), so FellowMatch cannot tell its files from yours ("
                + shown(strangers) + "); it was written by an earlier version or by someone else"
        }
        var reasons: [String] = []
        if !strangers.isEmpty { reasons.append("files FellowMatch did not write (\(shown(strangers)))") }
        if !changed.isEmpty { reasons.append("files changed since FellowMatch wrote them (\(shown(changed)))") }
        guard !reasons.isEmpty else { return nil }
        return "the folder holds " + reasons.joined(separator: " and ")
    }

    /// Every entry under `path` (relative paths in name order, folders
    /// included), without following symbolic links; a folder that cannot be
    /// listed is an entry of kind `.other`.
    static func entries(in path: String, prefix: String = "") -> [(String, FileKind)] {
        guard let listed = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            return prefix.isEmpty ? [("(a folder that cannot be listed)", .other)] : [(prefix, .other)]
        }
        var out: [(String, FileKind)] = []
        for entry in listed.sorted() {
            let full = (path as NSString).appendingPathComponent(entry)
            let relative = prefix + entry
            let kind = FileKind(full)
            if kind == .directory {
                let inner = entries(in: full, prefix: relative + "/")
                out += inner.isEmpty ? [(relative + "/", FileKind.other)] : [(relative + "/", kind)] + inner
            } else {
                out.append((relative, kind))
            }
        }
        return out
    }

    // MARK: Writing

    /// The target's turn among its writers, taken before what a write must
    /// follow in the same order (a run's record in the history, whose id its
    /// report shows): two runs of one target record and write in one order.
    /// Released by ``Turn/release()``; pass it to ``write(_:clock:turn:)``.
    public func turn() throws -> Turn {
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        return Turn(lock: try ParentLock(parent))
    }

    /// Runs `read` while no writer replaces the target: a shared lock on the
    /// parent, which writers hold exclusively from their check to their
    /// rename, so every file `read` reads comes from one version.
    public func reading<T>(_ read: () throws -> T) throws -> T {
        let lock = try ParentLock(parent, shared: true)
        defer { lock.release() }
        return try read()
    }

    /// A writer's turn on a target (``turn()``), released once (a second
    /// ``release()`` does nothing: its descriptor is never closed twice).
    public final class Turn: Sendable {
        private let lock: Mutex<ParentLock?>
        init(lock: ParentLock) { self.lock = Mutex(lock) }
        public func release() { lock.withLock { $0.take() }?.release() }
        deinit { release() }
    }

    /// Writes `files` (relative path → content) as the target's whole content,
    /// in `turn` when the caller holds the target's turn (else in one taken here).
    /// With a `clock`, writing the files (`write`) and making them durable (`sync`) are timed.
    @discardableResult
    public func write(_ files: [String: Data], clock: PhaseClock? = nil, turn: Turn? = nil) throws -> WriteReport {
        let fm = FileManager.default
        let own = turn == nil ? try self.turn() : nil
        defer { own?.release() }
        var report = WriteReport()
        try clock.time("output folder check") { () throws in
            report.notes = recoverLeftovers()
            try checkReplaceable()
        }
        let token = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let temporary = parent.appendingPathComponent(".\(name).writing-\(token)")
        let old = parent.appendingPathComponent(".\(name).old-\(token)")
        do {
            try clock.time("write") { () throws in
                try fm.createDirectory(at: temporary, withIntermediateDirectories: false)
                let manifest = OutputManifest(of: files)
                try Self.put(manifest.data, at: temporary.appendingPathComponent(OutputManifest.fileName))
                try Self.putAll(files, in: temporary)
            }
            try clock.time("sync") { () throws in try Self.syncFileSystem(of: temporary) }
            try clock.time("replace") { () throws in try replace(with: temporary, old: old) }
        } catch {
            try? fm.removeItem(at: temporary)
            throw Refusal(path: url.path, reason: "could not be written (\(Self.plain(error))); nothing was changed")
        }
        clock.time("sync") { Self.syncFolder(parent) }
        return report
    }

    /// Puts the written `temporary` folder in the target's place. Where the
    /// file system can, the two are exchanged in one step, so the target is
    /// never absent (a page asked for meanwhile finds the old or the new
    /// version) and the previous version, left at `temporary`, is removed.
    /// Elsewhere the previous version is moved aside to `old`, the new one
    /// put in its place, and `old` removed once it is.
    func replace(with temporary: URL, old: URL) throws {
        let fm = FileManager.default
        guard FileKind(url.path) != .absent else {
            try fm.moveItem(at: temporary, to: url)
            return
        }
        try carryFinderFiles(to: temporary)
        if FolderExchange.swap(temporary.path, url.path) {
            Self.removePrevious(temporary)
            return
        }
        try fm.moveItem(at: url, to: old)
        do {
            try fm.moveItem(at: temporary, to: url)
        } catch {
            try? fm.moveItem(at: old, to: url)
            throw error
        }
        Self.removePrevious(old)
    }

    /// Removes the previous version of a target once the new one is in its
    /// place (best effort, as before: a leftover is cleaned up by the next
    /// run). Its subfolders (`letters/`, `calendar/`: a file per person) are
    /// removed side by side, one per core: removals in one folder wait for
    /// each other in the kernel, in two folders they need not.
    static func removePrevious(_ folder: URL) {
        let fm = FileManager.default
        let subfolders = ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            .map { folder.appendingPathComponent($0) }.filter { FileKind($0.path) == .directory }
        _ = try? ParallelWork.queue(
            subfolders.map { sub in { @Sendable in try? FileManager.default.removeItem(at: sub) } })
        try? fm.removeItem(at: folder)
    }

    /// Writes every file under `folder` (new, empty): the subfolders first,
    /// then the files shared among the cores (each file is written once, by
    /// one thread; the first failure is thrown after all have ended).
    static func putAll(_ files: [String: Data], in folder: URL) throws {
        let base = folder.path
        let entries = files.sorted { $0.key < $1.key }
        var folders: Set<String> = []
        for (path, _) in entries {
            let sub = (path as NSString).deletingLastPathComponent
            if !sub.isEmpty && folders.insert(sub).inserted {
                try FileManager.default.createDirectory(
                    atPath: base + "/" + sub, withIntermediateDirectories: true)
            }
        }
        let failures = ParallelWork.map(entries) { entry -> (any Error)? in
            do {
                try put(entry.value, atPath: base + "/" + entry.key)
                return nil
            } catch {
                return error
            }
        }
        if let first = failures.lazy.compactMap({ $0 }).first { throw first }
    }

    /// Writes `data` as a new file at `url` (no `fsync`: ``syncFileSystem(of:)`` follows).
    static func put(_ data: Data, at url: URL) throws { try put(data, atPath: url.path) }

    /// Writes `data` as a new file at `path` (no `fsync`).
    static func put(_ data: Data, atPath path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) throws in
            var offset = 0
            while offset < buffer.count {
                let n = posixWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
                offset += n
            }
        }
    }

    /// Makes every file written under `folder` durable at once: `syncfs(2)`
    /// on the folder's file system (Linux), `sync(2)` elsewhere.
    static func syncFileSystem(of folder: URL) throws {
        let fd = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        #if os(Linux)
            guard syncfs(fd) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        #else
            sync()
        #endif
    }

    /// Makes a rename in `folder` durable (`fsync` of the folder); best effort.
    static func syncFolder(_ folder: URL) {
        let fd = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    /// Copies the Finder's `.DS_Store` files of the current target to the same places in the new version.
    func carryFinderFiles(to temporary: URL) throws {
        let fm = FileManager.default
        for (relative, kind) in Self.entries(in: url.path)
        where kind == .file && (relative as NSString).lastPathComponent == Self.finderFile {
            let target = temporary.appendingPathComponent(relative)
            guard FileKind(target.path) == .absent else { continue }
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.copyItem(at: url.appendingPathComponent(relative), to: target)
        }
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
                if let reason = Self.unmanagedContent(at: path.path, interrupted: prefix.hasSuffix(".writing-")) {
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
struct ParentLock: Sendable {
    let descriptor: Int32

    /// `shared`: a reader's lock, held beside other readers' but never beside a writer's.
    init(_ folder: URL, shared: Bool = false) throws {
        descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw OutputFolder.Refusal(
                path: folder.path, reason: "cannot be opened (\(String(cString: strerror(errno))))")
        }
        while flock(descriptor, shared ? LOCK_SH : LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw OutputFolder.Refusal(
                path: folder.path, reason: "cannot be locked for \(shared ? "reading" : "writing") (\(reason))")
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
