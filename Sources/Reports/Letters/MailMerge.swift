/// `letters/mail-merge.csv`: one row per letter, for a mail merge or to
/// send the drafts by hand: `id`, `name`, `email` (empty when the scenario
/// has none), `role` (`fellow` or `mentor`), then `letter`, `eml` and
/// `calendar`, each a path inside the run's folder (`calendar` empty when
/// the person has no calendar). Fellows first, then mentors.
public enum MailMerge {
    public static let header = ["id", "name", "email", "role", "letter", "eml", "calendar"]

    /// One person's row.
    public struct Row: Sendable, Hashable {
        public var letter: PlacementLetter
        public var letterFile: String
        public var emlFile: String
        public var calendarFile: String?
    }

    public static func render(_ rows: [Row]) -> String {
        CSVText.render(
            header: header,
            rows: rows.map {
                [
                    $0.letter.id, $0.letter.name, $0.letter.email ?? "", $0.letter.role.rawValue, $0.letterFile,
                    $0.emlFile, $0.calendarFile ?? ""
                ]
            })
    }
}
