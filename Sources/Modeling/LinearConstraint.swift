/// A range constraint `lower ≤ Σ aᵢ·xᵢ ≤ upper`, the form GLPK rows take
/// (`GLP_UP`, `GLP_LO`, `GLP_DB`, `GLP_FX`). Any constant in the expression is
/// folded into the bounds when the constraint is built. A `nil` bound is absent.
public struct LinearConstraint: Hashable, Sendable {
    public var expression: LinearExpression
    public var lower: Double?
    public var upper: Double?

    /// `lower ≤ expression ≤ upper`; the expression's constant moves to the bounds.
    public init(lower: Double?, _ expression: LinearExpression, upper: Double?) {
        let c = expression.constant
        var e = expression
        e.constant = 0
        self.expression = e
        self.lower = lower.map { $0 - c }
        self.upper = upper.map { $0 - c }
    }

    /// The constraint holds at `values` within `tolerance`.
    public func isSatisfied(by values: [Double], tolerance: Double = 1e-6) -> Bool {
        let v = expression.value(at: values)
        if let lower, v < lower - tolerance { return false }
        if let upper, v > upper + tolerance { return false }
        return true
    }
}

// `lhs ≤ rhs`, `lhs ≥ rhs` and `lhs = rhs` become `lhs − rhs` in a range.

public func <= <L: LinearExpressionConvertible, R: LinearExpressionConvertible>(lhs: L, rhs: R) -> LinearConstraint {
    LinearConstraint(lower: nil, lhs - rhs, upper: 0)
}

public func <= <L: LinearExpressionConvertible>(lhs: L, rhs: Double) -> LinearConstraint {
    LinearConstraint(lower: nil, lhs.linearExpression, upper: rhs)
}

public func <= <R: LinearExpressionConvertible>(lhs: Double, rhs: R) -> LinearConstraint {
    LinearConstraint(lower: lhs, rhs.linearExpression, upper: nil)
}

public func >= <L: LinearExpressionConvertible, R: LinearExpressionConvertible>(lhs: L, rhs: R) -> LinearConstraint {
    LinearConstraint(lower: 0, lhs - rhs, upper: nil)
}

public func >= <L: LinearExpressionConvertible>(lhs: L, rhs: Double) -> LinearConstraint {
    LinearConstraint(lower: rhs, lhs.linearExpression, upper: nil)
}

public func >= <R: LinearExpressionConvertible>(lhs: Double, rhs: R) -> LinearConstraint {
    LinearConstraint(lower: nil, rhs.linearExpression, upper: lhs)
}

public func == <L: LinearExpressionConvertible, R: LinearExpressionConvertible>(lhs: L, rhs: R) -> LinearConstraint {
    LinearConstraint(lower: 0, lhs - rhs, upper: 0)
}

public func == <L: LinearExpressionConvertible>(lhs: L, rhs: Double) -> LinearConstraint {
    LinearConstraint(lower: rhs, lhs.linearExpression, upper: rhs)
}

extension ClosedRange where Bound == Double {
    /// `range.contains(expression)`: the range constraint `lower ≤ expression ≤ upper`.
    public func contains<E: LinearExpressionConvertible>(_ expression: E) -> LinearConstraint {
        LinearConstraint(lower: lowerBound, expression.linearExpression, upper: upperBound)
    }
}
