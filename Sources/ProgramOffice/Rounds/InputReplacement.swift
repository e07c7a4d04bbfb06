import Foundation

extension Office {
    /// Replaces input files of a scenario folder (an upload, a closed
    /// preference round): each file about to be replaced is first kept in
    /// `.replaced/TIME-N/` inside the folder (N counts replacements within
    /// the same second: each replacement claims a folder of its own), then the
    /// new bytes are written atomically (a temporary file renamed over it).
    ///
    /// - Returns: the folder the replaced files were kept in, if any was replaced.
    @discardableResult
    public func replaceInputs(in folder: String, _ files: [(name: String, data: Data)]) throws(OfficeError) -> String? {
        let fm = FileManager.default
        var kept: String?
        do {
            for f in files {
                let target = (folder as NSString).appendingPathComponent(f.name)
                if fm.fileExists(atPath: target) {
                    let into = try kept ?? claimKeptFolder(in: folder)
                    kept = into
                    let keptPath = (into as NSString).appendingPathComponent(f.name)
                    // Named twice: the first copy is the file as it was.
                    if !fm.fileExists(atPath: keptPath) { try fm.copyItem(atPath: target, toPath: keptPath) }
                }
                try f.data.write(to: URL(fileURLWithPath: target), options: .atomic)
            }
        } catch {
            throw OfficeError(.writeFailed, "the files could not be replaced in \(folder): \(error)", path: folder)
        }
        return kept
    }

    /// A new folder `.replaced/TIME-N` of `folder`, claimed by creating it
    /// (never one that exists: another replacement in the same second, by
    /// this process or another, takes the next N).
    private func claimKeptFolder(in folder: String) throws -> String {
        let fm = FileManager.default
        let parent = (folder as NSString).appendingPathComponent(".replaced")
        try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
        let time = now().replacingOccurrences(of: ":", with: "-")
        var n = 1
        var path: String { (parent as NSString).appendingPathComponent("\(time)-\(n)") }
        while mkdir(path, 0o755) != 0 {
            guard errno == EEXIST else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            n += 1
        }
        return path
    }
}
