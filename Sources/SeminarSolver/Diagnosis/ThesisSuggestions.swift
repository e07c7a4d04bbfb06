/// The smallest changes found for one fellow without a committee or a
/// defense: each one change, each verified by solving again (the fellow then
/// has one and nobody who had one loses it), in the order they were tried.
public struct ThesisSuggestions: Sendable, Hashable {
    public var fellow: String
    public var changes: [ThesisChange]
    /// Not verified: only when no change was.
    public var hint: ThesisHint?
    /// Re-solves made for this fellow.
    public var tried: Int
    /// Whether every candidate change was tried (false when the diagnosis's
    /// cap on re-solves or its time limit stopped it first).
    public var complete: Bool

    public init(fellow: String, changes: [ThesisChange], hint: ThesisHint? = nil, tried: Int, complete: Bool) {
        self.fellow = fellow
        self.changes = changes
        self.hint = hint
        self.tried = tried
        self.complete = complete
    }
}
