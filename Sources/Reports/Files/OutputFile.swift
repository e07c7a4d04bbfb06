import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A single file a command writes (`explain --output`, `export --output`),
/// with the same promises as ``OutputFolder``: written to a temporary file
/// beside it and renamed into place, and an existing file replaced only when
/// it is one this command wrote: a regular file whose text starts with one of
/// ``signatures``. A symbolic link, a folder, or any other file is refused.
public struct OutputFile: Sendable {
    public let url: URL
    /// How files this command writes begin.
    public let signatures: [String]

    public init(_ url: URL, signatures: [String]) {
        self.url = url.standardizedFileURL
        self.signatures = signatures
    }

    public func checkReplaceable() throws(OutputFolder.Refusal) {
        func refuse(_ reason: String) -> OutputFolder.Refusal {
            OutputFolder.Refusal(path: url.path, reason: reason + "; choose another file name")
        }
        switch FileKind(url.path) {
        case .absent: return
        case .symlink: throw refuse("is a symbolic link; FellowMatch writes only regular files")
        case .directory, .other: throw refuse("is not a regular file")
        case .file:
            let head = (try? FileHandle(forReadingFrom: url).read(upToCount: 256)) ?? nil
            let text = head.map { String(decoding: $0, as: UTF8.self) } ?? ""
            if !signatures.contains(where: { text.hasPrefix($0) }) {
                throw refuse("exists and was not written by this command, so it is left as it is")
            }
        }
    }

    /// Writes `data` as the file's whole content.
    public func write(_ data: Data) throws(OutputFolder.Refusal) {
        try write { path in try data.write(to: URL(fileURLWithPath: path)) }
    }

    /// Lets `produce` write a temporary file (given its path), then puts it in place.
    public func write(using produce: (String) throws -> Void) throws(OutputFolder.Refusal) {
        let parent = url.deletingLastPathComponent()
        let temporary = parent.appendingPathComponent(
            ".\(url.lastPathComponent).writing-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            let lock = try ParentLock(parent)
            defer { lock.release() }
            try checkReplaceable()
            try produce(temporary.path)
            guard rename(temporary.path, url.path) == 0 else {
                throw OutputFolder.Refusal(
                    path: url.path, reason: "could not be written (\(String(cString: strerror(errno))))")
            }
        } catch let refusal as OutputFolder.Refusal {
            try? FileManager.default.removeItem(at: temporary)
            throw refusal
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw OutputFolder.Refusal(
                path: url.path, reason: "could not be written (\(OutputFolder.plain(error))); nothing was changed")
        }
    }
}
