/// The column names of FellowMatch's CSV outputs, defined once: the writers
/// (Reports) and the reader of earlier runs (``PreviousRun``) both use
/// them, so a renamed column cannot silently break `--keep`.
public enum OutputColumns {
    /// `placements.csv`: the format's six columns, then names for people.
    public enum Placements {
        public static let fellow = "fellow", status = "status", lab = "lab", mentor = "mentor", rank = "rank",
            funding = "funding"
        public static let fellowName = "fellow_name", labName = "lab_name", mentorName = "mentor_name"
        public static let all = [fellow, status, lab, mentor, rank, funding, fellowName, labName, mentorName]
        /// The variant written with `--public`: no funding split.
        public static let publicColumns = [fellow, status, lab, mentor, rank, fellowName, labName, mentorName]
    }

    /// `schedule.csv`: the format's eight columns, then names.
    public enum Schedule {
        public static let session = "session", date = "date", start = "start", end = "end", room = "room",
            fellow = "fellow",
            kind = "kind", mentor = "mentor"
        public static let fellowName = "fellow_name", mentorName = "mentor_name", lab = "lab", labName = "lab_name"
        /// The talk's calendar revision (`SEQUENCE` of its event).
        public static let sequence = "sequence"
        public static let all = [
            session, date, start, end, room, fellow, kind, mentor, fellowName, mentorName, lab, labName, sequence
        ]
    }

    /// `funding.csv` (an output): one row per fellow and source, amounts as numbers.
    public enum Funding {
        public static let fellow = "fellow", fellowName = "fellow_name", lab = "lab", source = "source",
            sourceName = "source_name",
            amount = "amount", months = "months"
        public static let all = [fellow, fellowName, lab, source, sourceName, amount, months]
    }

    /// `appointments.csv`: one row per trainee and training grant.
    public enum Appointments {
        public static let source = "source", fellow = "fellow", lab = "lab", mentor = "mentor", start = "start",
            months = "months", amount = "amount", slot = "slot"
        public static let all = [source, fellow, lab, mentor, start, months, amount, slot]
    }

    /// `budgets.csv`: per source, budget, used and left, as numbers.
    public enum Budgets {
        public static let source = "source", sourceName = "source_name", budget = "budget", used = "used", left = "left"
        public static let all = [source, sourceName, budget, used, left]
    }
}
