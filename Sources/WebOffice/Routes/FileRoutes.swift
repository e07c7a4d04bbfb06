import Foundation
import Hummingbird
import Reports
import ZIPFoundation

/// Downloads of what runs and comparisons wrote: one file, or a folder as a
/// zip. A path is looked up inside the program's output folder only: a
/// component that is empty, `.` or `..`, or a path that leaves the folder
/// (also through a link), is refused.
struct FileRoutes {
    let site: ProgramOfficeSite

    enum Area: String {
        case run, compare

        func folder(_ p: ShelvedProgram) -> String {
            switch self {
            case .run: return p.output
            case .compare: return p.output + "-compare"
            }
        }
    }

    func add(to router: Router<OfficeContext>) {
        router.get("/p/:program/files/:area/**") { _, context in
            _ = try context.signedIn
            let p = try IntakeRoutes(site: site).program(context)
            let folder = try area(context).folder(p)
            let path = try Self.resolve(context.parameters.getCatchAll().map(String.init), in: folder)
            return try Self.fileResponse(path)
        }
        router.get("/p/:program/zip/:area") { _, context in
            _ = try context.signedIn
            let p = try IntakeRoutes(site: site).program(context)
            let a = try area(context)
            let folder = a.folder(p)
            guard FileManager.default.fileExists(atPath: folder) else {
                throw HTTPError(.notFound, message: "There is nothing to download yet.")
            }
            // Read on a thread of its own while no run replaces the folder: one run's files.
            let data: Data
            do {
                data = try await OwnThread.run {
                    try OutputFolder(URL(fileURLWithPath: folder)).reading { try Self.zip(folder) }
                }
            } catch let refusal as OutputFolder.Refusal {
                throw HTTPError(.conflict, message: "The folder could not be read (\(refusal.reason)); try again.")
            }
            var headers = WebPage.privateHeaders
            headers[.contentType] = "application/zip"
            headers[.contentDisposition] = "attachment; filename=\"\(Self.safeName(p.id))-\(a.rawValue).zip\""
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

    private func area(_ context: OfficeContext) throws -> Area {
        guard let a = context.parameters.get("area").flatMap(Area.init(rawValue:)) else {
            throw HTTPError(.notFound, message: "There is no such folder.")
        }
        return a
    }

    /// The file a download names, inside `folder`.
    ///
    /// - Throws: 400 for a component that is empty, `.`, `..` or holds a
    ///   slash or NUL; 404 for a path outside the folder or not a file.
    static func resolve(_ components: [String], in folder: String) throws -> String {
        let decoded = components.map { $0.removingPercentEncoding ?? "" }
        guard !decoded.isEmpty,
            decoded.allSatisfy({ c in !c.isEmpty && c != "." && c != ".." && !c.contains("/") && !c.contains("\0") })
        else { throw HTTPError(.badRequest, message: "That is not a file of this program.") }
        let root = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
        let path = URL(fileURLWithPath: folder).appendingPathComponent(decoded.joined(separator: "/"))
            .standardizedFileURL.resolvingSymlinksInPath().path
        var isFolder: ObjCBool = false
        guard path.hasPrefix(root + "/"), FileManager.default.fileExists(atPath: path, isDirectory: &isFolder),
            !isFolder.boolValue
        else { throw HTTPError(.notFound, message: "There is no such file (yet): run the program first.") }
        return path
    }

    static func fileResponse(_ path: String) throws -> Response {
        guard let data = FileManager.default.contents(atPath: path) else { throw HTTPError(.notFound) }
        let ext = (path as NSString).pathExtension.lowercased()
        if ext == "html" { return WebPage.respond(String(decoding: data, as: UTF8.self)) }
        var headers = WebPage.privateHeaders
        headers[.contentType] = contentTypes[ext] ?? "application/octet-stream"
        if !["csv", "md", "json", "txt"].contains(ext) {
            headers[.contentDisposition] = "attachment; filename=\"\(safeName((path as NSString).lastPathComponent))\""
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static let contentTypes = [
        "csv": "text/csv; charset=utf-8", "md": "text/markdown; charset=utf-8", "json": "application/json",
        "txt": "text/plain; charset=utf-8", "ics": "text/calendar; charset=utf-8", "eml": "message/rfc822",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    ]

    /// A file name safe inside a quoted header value.
    static func safeName(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber || "._-".contains($0) ? $0 : "_" })
    }

    /// Every regular file under `folder`, as paths relative to it, sorted.
    static func listing(_ folder: String) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let rel = e.nextObject() as? String {
            if (e.fileAttributes?[.type] as? FileAttributeType) == .typeRegular, !rel.hasPrefix(".") {
                files.append(rel)
            }
        }
        return files.sorted()
    }

    /// What a program's page lists of a run's folder, without reading every
    /// file's attributes: its files, and each subfolder with how many entries
    /// it holds (letters and calendars run to thousands).
    static func overview(_ folder: String) -> (files: [String], folders: [(name: String, count: Int)]) {
        let fm = FileManager.default
        var files: [String] = []
        var folders: [(String, Int)] = []
        for name in ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).sorted() where !name.hasPrefix(".") {
            let path = (folder as NSString).appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue {
                folders.append((name, (try? fm.contentsOfDirectory(atPath: path).count) ?? 0))
            } else {
                files.append(name)
            }
        }
        return (files, folders)
    }

    static func hasComparison(_ p: ShelvedProgram) -> Bool {
        FileManager.default.fileExists(atPath: Area.compare.folder(p) + "/comparison.html")
    }

    /// The folder's files as a zip, in memory.
    static func zip(_ folder: String) throws -> Data {
        let files = listing(folder)
        guard !files.isEmpty else { throw HTTPError(.notFound, message: "There is nothing to download yet.") }
        let archive: Archive
        do { archive = try Archive(accessMode: .create) } catch { throw HTTPError(.internalServerError) }
        for rel in files {
            guard let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(rel))
            else {
                throw HTTPError(.conflict, message: "\(rel) could not be read; download the folder again.")
            }
            try archive.addEntry(
                with: rel, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
        guard let data = archive.data else { throw HTTPError(.internalServerError) }
        return data
    }
}
