import Foundation
import ProgramOffice

/// A program the server offers: a scenario folder or a workbook directly
/// under the served folder (or the served folder itself, when it is a
/// scenario folder), with its what-ifs and its run folder.
public struct ShelvedProgram: Sendable, Hashable {
    /// The name in the page's address: the folder's or the workbook's file name.
    public var id: String
    /// The absolute path.
    public var path: String
    public var location: ProgramLocation { ProgramLocation(path: path) }
    /// The what-ifs (`what-if/*.toml` of a folder), sorted by file name.
    public var whatIfs: [String]
    /// Where its runs are written (`run`'s default output).
    public var output: String { URL(fileURLWithPath: location.defaultOutput).standardizedFileURL.path }
    /// The run history its runs are recorded in (`run`'s default).
    public var history: String { Office.defaultHistory(for: location) }
    public var isWorkbook: Bool {
        if case .workbook = location { return true }
        return false
    }
}

/// The programs under the served folder. A page names a program by its
/// ``ShelvedProgram/id``, which is looked up here: never joined to a path.
public struct ProgramShelf: Sendable {
    public let folder: String

    public init(folder: String) throws(WebError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw WebError(.noFolder, "\(folder) is not a folder; name the folder that holds your scenario folders")
        }
        self.folder = URL(fileURLWithPath: folder).standardizedFileURL.path
    }

    /// Every program, sorted by id.
    public func programs() -> [ShelvedProgram] {
        let fm = FileManager.default
        if fm.fileExists(atPath: (folder as NSString).appendingPathComponent("scenario.toml")) {
            return [shelved(folder)]
        }
        let names = (try? fm.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().compactMap { name in
            guard !name.hasPrefix(".") else { return nil }
            let path = (folder as NSString).appendingPathComponent(name)
            if name.lowercased().hasSuffix(".xlsx") { return shelved(path) }
            let settings = (path as NSString).appendingPathComponent("scenario.toml")
            return fm.fileExists(atPath: settings) ? shelved(path) : nil
        }
    }

    public func program(_ id: String) -> ShelvedProgram? { programs().first { $0.id == id } }

    private func shelved(_ path: String) -> ShelvedProgram {
        let whatIfFolder = (path as NSString).appendingPathComponent("what-if")
        let whatIfs = ((try? FileManager.default.contentsOfDirectory(atPath: whatIfFolder)) ?? [])
            .filter { $0.hasSuffix(".toml") }.sorted().map { (whatIfFolder as NSString).appendingPathComponent($0) }
        return ShelvedProgram(id: (path as NSString).lastPathComponent, path: path, whatIfs: whatIfs)
    }
}
