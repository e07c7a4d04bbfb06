/// The documented range of every number and the longest text FellowMatch
/// accepts (see docs/scenario-format.md, "Limits"). Outside them the input is
/// an error at its file, line and column, so nothing downstream can overflow,
/// trap or run away.
public enum InputLimits {
    /// Largest amount of money in any cell: a billion dollars a year.
    public static let money = 1_000_000_000
    /// Capacity of a lab or mentor.
    public static let capacity = 0...10_000
    /// Capacity of a seminar session (talks).
    public static let sessionCapacity = 0...100
    /// `sequence` of a talk in an earlier `schedule.csv` (its calendar event's
    /// revision number; one more per re-plan that moves the talk).
    public static let sequence = 0...1_000_000
    /// A fellow's rank of a lab, or a mentor's rank of a fellow.
    public static let rank = 1...10_000
    /// Magnitude of a preference `score`.
    public static let score = 1_000_000.0
    /// `[objective] mentor_weight`.
    public static let mentorWeight = 0.0...1_000
    /// `[placement] unplaced_penalty`.
    public static let unplacedPenalty = 0.0...1_000_000
    /// `[placement] seed`: the tie-break lottery's seed.
    public static let seed = 0...4_294_967_295
    /// `[tracks.NAME] min_new`, `max_new`.
    public static let trackLimit = 0...100_000
    /// funding.csv `slots` (trainee positions of one source).
    public static let slots = 0...10_000
    /// `[funding] max_sources` (sources paying one fellow).
    public static let maxSources = 1...100
    /// Ids in `[funding] order`.
    public static let orderEntries = 10_000
    /// fellows.csv `experience`, whole years.
    public static let experience = 0...50
    /// mentors.csv and faculty.csv `committee_load`: committees a year besides one's own fellows'.
    public static let committeeLoad = 0...20
    /// `[committee] readers = [min, max]`: readers per committee.
    public static let committeeReaders = 0...10
    /// `[committee] externals`: external members per committee.
    public static let committeeExternals = 0...5
    /// Entries of `[stipends] levels`.
    public static let stipendLevels = 1...50
    /// Number of `[tracks.NAME]` tables.
    public static let tracks = 100
    /// `[solver] time_limit`, seconds (more than 0).
    public static let timeLimit = 86_400.0
    /// `count` of one `[seminars] talks` entry.
    public static let talkCount = 1...10
    /// Entries of `[seminars] talks` and of `mentor_required`.
    public static let talkEntries = 20
    /// Talks one fellow gives in all (the counts of the entries that apply).
    public static let talksPerFellow = 10
    /// Years of dates in sessions.csv, availability.csv and `--today`.
    public static let years = 1900...2999
    /// Days in one absence written as a range in availability.csv (`2026-12-21..2027-01-04`).
    public static let absenceDays = 366
    /// Characters in an id.
    public static let idLength = 64
    /// Characters in a name, institution, room, scenario name or intake.
    public static let textLength = 200
    /// Characters in a rule's or an absence's reason.
    public static let reasonLength = 1_000
    /// Bytes in one input file.
    public static let fileBytes = 32 * 1024 * 1024
    /// Data rows in one CSV file.
    public static let rows = 200_000
    /// New fellows in a generated scenario: its files must stay readable
    /// (10,000 new fellows write about 160,000 availability rows, within
    /// ``rows``, and 11 MB, within ``fileBytes``).
    public static let generatedFellows = 1...10_000
    /// Columns in one CSV file.
    public static let columns = 100
    /// Problems reported per file and column; the rest are counted.
    public static let problemsPerColumn = 20
}
