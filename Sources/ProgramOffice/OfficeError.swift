import Domain

/// Why a use case could not give its result, as a value: a code a front end
/// can act on, the sentence for people (without any front end's hint: a
/// command line adds its flag, a page its button), and for bad input every
/// located problem.
public struct OfficeError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in a form a program can test. New codes may be
    /// added; a front end treats an unknown one as a failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let name: String
        public init(_ name: String) { self.name = name }
        public var description: String { name }

        /// The scenario or what-if has errors (``OfficeError/problems``).
        public static let badInput = Code("bad-input")
        /// An earlier run's file to keep (placements or schedule) has errors.
        public static let badEarlierRun = Code("bad-earlier-run")
        /// No what-if of a comparison could be read.
        public static let nothingToCompare = Code("nothing-to-compare")
        /// The output folder holds what no run wrote, or is not a folder.
        public static let outputRefused = Code("output-refused")
        /// The solver failed (not: found no placement, which is a verdict).
        public static let solverFailed = Code("solver-failed")
        /// The run's files could not be prepared.
        public static let filesNotPrepared = Code("files-not-prepared")
        /// A file or folder could not be written.
        public static let writeFailed = Code("write-failed")
        /// A folder to create exists already.
        public static let folderExists = Code("folder-exists")
        /// No fellow has the id asked for.
        public static let unknownFellow = Code("unknown-fellow")
        /// There is no run history at the path yet.
        public static let noHistory = Code("no-history")
        /// The history cannot be read or written.
        public static let historyFailed = Code("history-failed")
        /// The history was changed outside FellowMatch: a run does not match its seal.
        public static let historyTampered = Code("history-tampered")
        /// The history is damaged (SQLite cannot read it, or finds it corrupt).
        public static let historyDamaged = Code("history-damaged")
        /// The history was written by a newer FellowMatch.
        public static let historyNewer = Code("history-newer")
        /// The file named as the history is not a FellowMatch history.
        public static let notAHistory = Code("not-a-history")
        /// The request asks for two things that exclude each other (start fresh and keep an earlier run).
        public static let contradictoryRequest = Code("contradictory-request")
        /// A number asked for is outside its documented range.
        public static let outOfRange = Code("out-of-range")
        /// No run has the id asked for.
        public static let noSuchRun = Code("no-such-run")
        /// The run is published already.
        public static let alreadyPublished = Code("already-published")
        /// Another run is the intake's official match (publishing needs replacing it).
        public static let officialMatchExists = Code("official-match-exists")
        /// The intake has no official match yet.
        public static let noOfficialMatch = Code("no-official-match")
        /// A preference round cannot do what was asked (none open, closed, past its deadline).
        public static let roundClosed = Code("round-closed")
        /// A ranking skips a choice, repeats one or names what cannot be ranked.
        public static let badRanking = Code("bad-ranking")
    }

    public var code: Code
    /// The sentence for people.
    public var message: String
    /// Bad input: every located problem (errors and warnings), in file order.
    public var problems: [ScenarioIssue]
    /// The path the error is about (the scenario, the output folder, the history).
    public var path: String?

    public init(_ code: Code, _ message: String, problems: [ScenarioIssue] = [], path: String? = nil) {
        self.code = code
        self.message = message
        self.problems = problems
        self.path = path
    }

    public var description: String { message }

    /// How many of ``problems`` are errors.
    public var errorCount: Int { problems.filter { $0.severity == .error }.count }
}
