import Domain
import Foundation

/// The list of files FellowMatch wrote into an output folder, each with the
/// SHA-256 of its bytes: `manifest.json`, written with every run.
///
/// ```json
/// { "files" : { "calendar/program.ics" : "sha256:…", "placements.csv" : "sha256:…" },
///   "format" : 1, "written_by" : "FellowMatch" }
/// ```
///
/// A later run replaces the folder only when every file in it (at every
/// depth) is listed with the hash of its current bytes: a file FellowMatch
/// did not write, or one changed since (hash(bytes) ≠ listed hash), stops the
/// run, named. SHA-256 rather than a short checksum: a changed file is never
/// taken for the one written, whatever the change. The manifest is no
/// protection against someone who rewrites it too: it guards the user's own
/// files and edits against deletion, not against a forger.
public struct OutputManifest: Sendable, Equatable {
    public static let fileName = "manifest.json"
    public static let format = 1

    /// Relative path → `sha256:` and the hash in lowercase hexadecimal.
    public var files: [String: String]

    public init(files: [String: String]) { self.files = files }

    /// The manifest of `files` (relative path → bytes).
    public init(of files: [String: Data]) {
        let entries = Array(files)
        let hashes = ParallelWork.map(entries) { Self.hash($0.value) }
        self.files = Dictionary(uniqueKeysWithValues: zip(entries.map(\.key), hashes))
    }

    public static func hash(_ data: Data) -> String { "sha256:" + HexDigest.sha256(data) }

    struct Document: Codable {
        var written_by: String
        var format: Int
        var files: [String: String]
    }

    /// The manifest as written: JSON with sorted keys, so the same files give the same bytes.
    public var data: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = Document(written_by: "FellowMatch", format: Self.format, files: files)
        return ((try? encoder.encode(document)) ?? Data()) + Data("\n".utf8)
    }

    /// The manifest in `folder`, `nil` when there is none or it is not one FellowMatch wrote.
    static func read(in folder: String) -> OutputManifest? {
        let path = (folder as NSString).appendingPathComponent(fileName)
        guard FileKind(path) == .file, let data = FileManager.default.contents(atPath: path),
            let document = try? JSONDecoder().decode(Document.self, from: data),
            document.written_by == "FellowMatch", document.format == format
        else { return nil }
        return OutputManifest(files: document.files)
    }
}
