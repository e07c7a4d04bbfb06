import Foundation

/// Checks made with Debian's coreutils, independently of FellowMatch's own code.
public enum Coreutils {
    /// The SHA-256 of `file` in lowercase hexadecimal, as `sha256sum` computes it.
    public static func sha256sum(_ file: URL) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        p.arguments = [file.path]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return out.split(separator: " ").first.map(String.init) ?? ""
    }
}
