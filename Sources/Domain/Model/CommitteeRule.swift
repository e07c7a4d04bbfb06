/// A lock or forbid of one member on one continuing fellow's thesis
/// committee (a row of the optional committee_rules.csv), like rules.csv's
/// placement rules: a fellow asks for a reader, a member may not read for a
/// fellow. A lock seats the member on the fellow's committee whenever the
/// fellow has one; a forbid keeps them off it. The reason is personal and
/// never written to a shared file.
public struct CommitteeRule: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable { case lock, forbid }

    public var fellow: String
    /// A mentor or faculty id.
    public var member: String
    public var kind: Kind
    public var reason: String
    public var line: Int

    public init(fellow: String, member: String, kind: Kind, reason: String = "", line: Int = 0) {
        self.fellow = fellow
        self.member = member
        self.kind = kind
        self.reason = reason
        self.line = line
    }
}
