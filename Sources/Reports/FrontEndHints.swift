/// What a front end tells its user to do next, in its own terms: a command
/// line names a command and its flags, a web page a button. The reports'
/// sentences stop where such a hint would begin, and add it when given.
public struct FrontEndHints: Sendable, Hashable {
    /// Where to find why every fellow not at their first choice did not get
    /// it, when the report explains only the first few ("… says why.").
    public var explainEveryone: String?

    public init(explainEveryone: String? = nil) {
        self.explainEveryone = explainEveryone
    }
}
