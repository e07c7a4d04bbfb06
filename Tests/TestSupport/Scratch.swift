import Foundation

/// The temporary files of one test run, all in one folder that is removed
/// when the run ends.
///
/// Tests that write files (scenario copies, output folders, history stores)
/// ask here for a fresh path instead of writing into the system's temporary
/// folder themselves: a failed expectation or a thrown error then leaves
/// nothing behind, because the whole folder goes when the test process exits.
public enum Scratch {
    /// `$TMPDIR/fellowmatch-tests-<uuid>`, created on first use and removed
    /// at the process's exit.
    public static let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "fellowmatch-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: Scratch.folder) }
        return url
    }()

    /// A fresh path in the run's folder, `name-<uuid>` (nothing is created there).
    public static func path(_ name: String) -> URL {
        folder.appendingPathComponent("\(name)-\(UUID().uuidString)")
    }
}

/// The slow suites (the fuzz suite, the Lagrangian searches) run only when
/// `FELLOWMATCH_SLOW_TESTS=1`, so that `swift test` stays quick on a built
/// tree; `.ci/run` runs the whole suite again with it set.
public enum SlowTests {
    public static let enabled = ProcessInfo.processInfo.environment["FELLOWMATCH_SLOW_TESTS"] == "1"
}
