/// Whether the objective is minimised or maximised.
public enum ObjectiveSense: String, Sendable, Hashable {
    case minimize
    case maximize
}

/// What the model optimises: a sense and an affine function.
public struct Objective: Hashable, Sendable {
    public var sense: ObjectiveSense
    public var expression: LinearExpression

    public init(_ sense: ObjectiveSense, _ expression: LinearExpression) {
        self.sense = sense
        self.expression = expression
    }

    public static func minimize<E: LinearExpressionConvertible>(_ e: E) -> Objective {
        Objective(.minimize, e.linearExpression)
    }
    public static func maximize<E: LinearExpressionConvertible>(_ e: E) -> Objective {
        Objective(.maximize, e.linearExpression)
    }
}
