import Domain
import Foundation
import Reports

extension Office {
    /// The output folder of a use case, checked before any solve (or beside
    /// it, `onEveryCore: false`): a file, a symbolic link, or a folder
    /// holding anything a run did not write is refused rather than replaced.
    func checkedOutput(_ path: String, onEveryCore: Bool = true) throws(OfficeError) -> OutputFolder {
        let folder = OutputFolder(URL(fileURLWithPath: path))
        do { try folder.checkReplaceableBetweenWriters(onEveryCore: onEveryCore) } catch {
            throw OfficeError(.outputRefused, "\(error)", path: path)
        }
        return folder
    }

    /// Writes a use case's files into its output folder (checked again under
    /// the folder's lock), all at once; returns what was cleaned up. With a
    /// `clock`, writing (`write`) and making it durable (`sync`) are timed.
    func write(
        _ files: [String: Data], to folder: OutputFolder, clock: PhaseClock? = nil, turn: OutputFolder.Turn? = nil
    ) throws(OfficeError) -> [String] {
        do { return try folder.write(files, clock: clock, turn: turn).notes } catch {
            throw OfficeError(.writeFailed, "\(error)", path: folder.url.path)
        }
    }

    /// The output folder's turn among its writers, held from a run's record in
    /// the history to its files' rename: two runs of one folder record and
    /// write in the same order, so the folder holds the run recorded last.
    func turn(_ folder: OutputFolder) throws(OfficeError) -> OutputFolder.Turn {
        do { return try folder.turn() } catch {
            throw OfficeError(.writeFailed, "\(error)", path: folder.url.path)
        }
    }
}
