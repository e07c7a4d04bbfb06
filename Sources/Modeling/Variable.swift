/// A decision variable of a ``Model``: a handle that is only meaningful for the
/// model that created it.
public struct Variable: Hashable, Sendable, Comparable {
    /// Position of the variable in ``Model/variables`` (0-based).
    public let index: Int

    public init(index: Int) { self.index = index }

    public static func < (a: Variable, b: Variable) -> Bool { a.index < b.index }
}

/// What values a variable may take.
public enum VariableKind: String, Sendable, Hashable {
    /// Any real number within the bounds.
    case continuous
    /// Any whole number within the bounds.
    case integer
    /// 0 or 1 (an integer variable with bounds 0 and 1).
    case binary
}

/// A variable as declared: its name, kind and bounds. A `nil` bound means
/// unbounded in that direction.
public struct VariableDefinition: Sendable, Hashable {
    public var name: String
    public var kind: VariableKind
    public var lower: Double?
    public var upper: Double?

    public init(name: String, kind: VariableKind, lower: Double?, upper: Double?) {
        self.name = name
        self.kind = kind
        self.lower = lower
        self.upper = upper
    }

    public var isInteger: Bool { kind != .continuous }
}
