import Domain

/// A program read and validated: the scenario, what the reader had to say
/// about it, and the hash of the bytes it was read from.
public struct OpenedProgram: Sendable {
    public var location: ProgramLocation
    public var scenario: Scenario
    /// Warnings, located, with files shown as the user named them.
    public var warnings: [ScenarioIssue]
    /// What a what-if's changes did beyond what they say (rows removed with a lab, …).
    public var notes: [String]
    /// ``InputHash`` of the files as read: two runs of the same inputs share it.
    public var inputHash: String
    /// A short label: "base" for a folder, the file name of a what-if.
    public var label: String
    /// What the program is: the scenario's name, or the what-if's description.
    public var description: String

    /// The intake its runs belong to in the history.
    public var intakeKey: String { scenario.settings.intakeKey }
}
