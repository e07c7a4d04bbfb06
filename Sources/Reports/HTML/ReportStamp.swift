/// What a report says of itself on every page, so that two printouts can be
/// told apart: the run it shows, when it was recorded, and that it is a draft
/// until published (and which official match it re-matched).
public struct ReportStamp: Sendable, Hashable {
    /// The run's id in the history; `nil`: not recorded.
    public var run: Int64?
    /// When it was recorded (ISO 8601, UTC).
    public var recordedAt: String?
    /// The official match it re-matched, if any.
    public var rematchOf: Int64?

    public init(run: Int64?, recordedAt: String?, rematchOf: Int64?) {
        self.run = run
        self.recordedAt = recordedAt
        self.rematchOf = rematchOf
    }

    /// "Draft: run 3, recorded 2026-12-02 10:31 UTC, a re-match of the
    /// official match (run 1); the official match once published."
    public var sentence: String {
        var text = "Draft"
        if let run {
            text += ": run \(run)"
            if let recordedAt { text += ", recorded " + Self.shown(recordedAt) }
        } else {
            text += ", not recorded in the run history"
        }
        if let rematchOf { text += ", a re-match of the official match (run \(rematchOf))" }
        return text + (run == nil ? "." : "; the official match once published.")
    }

    /// "run 3, draft" for the page's title.
    public var title: String { run.map { "run \($0), draft" } ?? "draft" }

    /// `2026-12-02T10:31:04Z` as `2026-12-02 10:31 UTC`.
    static func shown(_ stamp: String) -> String {
        guard stamp.count >= 16 else { return stamp }
        return String(stamp.prefix(10)) + " " + String(stamp.dropFirst(11).prefix(5)) + " UTC"
    }
}
