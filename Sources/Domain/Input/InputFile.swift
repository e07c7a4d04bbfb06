import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One input file read as text, or the reason it cannot be.
///
/// A file that exists in any form (a dangling or looping symbolic link
/// included) but cannot be read is a problem, never silently absent. Text
/// must be UTF-8 (a byte-order mark is accepted) without NUL bytes (UTF-16
/// saved without a byte-order mark reads as UTF-8 full of NULs), and at most
/// ``InputLimits/fileBytes`` long. Text that is not UTF-8 is read as
/// Windows-1252, with a warning (``TextEncoding``).
enum InputFile {
    case absent
    case text(String)
    /// Text read with a warning (a Windows-1252 file).
    case decoded(String, ScenarioIssue)
    case problem(ScenarioIssue)

    /// The text of a file the user named (a what-if, an earlier run's file):
    /// absent is a problem too, with `hint` saying what to give.
    static func required(_ url: URL, as name: String, hint: String) throws(ScenarioError) -> String {
        switch read(url, as: name) {
        case .text(let t), .decoded(let t, _): return t
        case .problem(let issue): throw ScenarioError(issues: [issue])
        case .absent:
            throw ScenarioError(issues: [
                ScenarioIssue(file: name, line: 1, column: "-", message: "does not exist", hint: hint)
            ])
        }
    }

    /// - Parameter folder: when given, a symbolic link that leads outside
    ///   it is refused without being followed (``ProgramFolder``).
    static func read(_ url: URL, as name: String, within folder: ProgramFolder? = nil) -> InputFile {
        var st = stat()
        guard lstat(url.path, &st) == 0 else { return .absent }
        func problem(_ message: String, _ hint: String) -> InputFile {
            .problem(ScenarioIssue(file: name, line: 1, column: "-", message: message, hint: hint))
        }
        if let folder, st.st_mode & S_IFMT == S_IFLNK, !folder.contains(url) {
            return problem(
                "is a symbolic link that leads outside the program's folder; it was not read",
                "copy the file into the folder instead of linking to it")
        }
        var target = stat()
        if st.st_mode & S_IFMT == S_IFLNK && stat(url.path, &target) != 0 {
            return problem(
                "is a symbolic link to something that does not exist or loops (\(String(cString: strerror(errno))))",
                "point the link at the real file, or remove it")
        }
        if stat(url.path, &target) == 0 && target.st_mode & S_IFMT == S_IFDIR {
            return problem("is a folder, not a file", "put the \(name) file here, or remove the folder")
        }
        if target.st_size > InputLimits.fileBytes {
            return problem(
                "is \(target.st_size / (1024 * 1024)) MiB; at most \(InputLimits.fileBytes / (1024 * 1024)) MiB are read",
                "a scenario's files are far smaller: check that this is the right file")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return problem("cannot be read", "check its permissions")
        }
        if let nul = data.firstIndex(of: 0) {
            let line = data[data.startIndex..<nul].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            return .problem(
                ScenarioIssue(
                    file: name, line: line, column: "-",
                    message: "contains a NUL byte (it looks like UTF-16 or binary data)",
                    hint: "save it as UTF-8 text (in a spreadsheet program: CSV UTF-8)"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let (text, issue) = TextEncoding.windows1252(data, file: name)
            return text.map { .decoded($0, issue) } ?? .problem(issue)
        }
        return .text(text)
    }
}
