import Foundation

extension Office {
    /// Replaces input files of a scenario folder (an upload, a closed
    /// preference round): each file about to be replaced is first kept in
    /// `.replaced/TIME-ID/` inside the folder, then the new bytes are written
    /// atomically (a temporary file renamed over it).
    ///
    /// - Returns: the folder the replaced files were kept in, if any was replaced.
    @discardableResult
    public func replaceInputs(in folder: String, _ files: [(name: String, data: Data)]) throws(OfficeError) -> String? {
        let fm = FileManager.default
        let kept = (folder as NSString).appendingPathComponent(
            ".replaced/" + now().replacingOccurrences(of: ":", with: "-"))
        var keptAny = false
        do {
            for f in files {
                let target = (folder as NSString).appendingPathComponent(f.name)
                if fm.fileExists(atPath: target) {
                    try fm.createDirectory(atPath: kept, withIntermediateDirectories: true)
                    let keptPath = (kept as NSString).appendingPathComponent(f.name)
                    if !fm.fileExists(atPath: keptPath) { try fm.copyItem(atPath: target, toPath: keptPath) }
                    keptAny = true
                }
                try f.data.write(to: URL(fileURLWithPath: target), options: .atomic)
            }
        } catch {
            throw OfficeError(.writeFailed, "the files could not be replaced in \(folder): \(error)", path: folder)
        }
        return keptAny ? kept : nil
    }
}
