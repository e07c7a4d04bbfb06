/// A named constraint of a ``Model``.
public struct NamedConstraint: Hashable, Sendable {
    public var name: String
    public var constraint: LinearConstraint
}

/// A handle to a constraint of a ``Model`` (its position).
public struct ConstraintReference: Hashable, Sendable {
    public let index: Int
}

/// A mixed-integer linear program as plain data: variables, range constraints
/// and an objective. It knows nothing of any solver; a ``Solver`` backend
/// turns it into its own representation.
///
/// Names are made LP-safe as they are added (see ``LPName``), so exports are
/// readable and read back with the same names.
public struct Model: Sendable {
    public var name: String
    public private(set) var variables: [VariableDefinition] = []
    public private(set) var constraints: [NamedConstraint] = []
    public var objective = Objective(.minimize, LinearExpression())
    private var names = LPNameRegistry()

    public init(name: String = "model") {
        self.name = LPName.sanitize(name)
    }

    // MARK: Variables

    /// Adds a variable. Bounds of `nil` mean unbounded; a binary variable's
    /// bounds are 0 and 1 unless narrower ones are given.
    @discardableResult
    public mutating func addVariable(
        _ name: String, _ kind: VariableKind = .continuous,
        lower: Double? = 0, upper: Double? = nil
    ) -> Variable {
        let unique = names.register(name)
        let lo = kind == .binary ? max(lower ?? 0, 0) : lower
        let up = kind == .binary ? min(upper ?? 1, 1) : upper
        variables.append(VariableDefinition(name: unique, kind: kind, lower: lo, upper: up))
        return Variable(index: variables.count - 1)
    }

    @discardableResult
    public mutating func addBinary(_ name: String) -> Variable {
        addVariable(name, .binary, lower: 0, upper: 1)
    }

    /// Changes a variable's bounds (e.g. to fix it).
    public mutating func setBounds(_ variable: Variable, lower: Double?, upper: Double?) {
        variables[variable.index].lower = lower
        variables[variable.index].upper = upper
    }

    public func definition(of variable: Variable) -> VariableDefinition { variables[variable.index] }

    // MARK: Constraints

    @discardableResult
    public mutating func add(_ constraint: LinearConstraint, name: String) -> ConstraintReference {
        constraints.append(NamedConstraint(name: names.register(name), constraint: constraint))
        return ConstraintReference(index: constraints.count - 1)
    }

    /// Adds `lower ≤ expression ≤ upper`.
    @discardableResult
    public mutating func add<E: LinearExpressionConvertible>(
        _ name: String, lower: Double?, _ expression: E, upper: Double?
    ) -> ConstraintReference {
        add(LinearConstraint(lower: lower, expression.linearExpression, upper: upper), name: name)
    }

    // MARK: Objective

    public mutating func minimize<E: LinearExpressionConvertible>(_ expression: E) {
        objective = Objective(.minimize, expression.linearExpression)
    }

    public mutating func maximize<E: LinearExpressionConvertible>(_ expression: E) {
        objective = Objective(.maximize, expression.linearExpression)
    }

    /// Whether any variable must take whole values.
    public var isInteger: Bool { variables.contains { $0.isInteger } }

    /// Whether `values` satisfy every bound, integrality and constraint within `tolerance`.
    public func isFeasible(_ values: [Double], tolerance: Double = 1e-6) -> Bool {
        guard values.count == variables.count else { return false }
        for (v, d) in zip(values, variables) {
            if let l = d.lower, v < l - tolerance { return false }
            if let u = d.upper, v > u + tolerance { return false }
            if d.isInteger, abs(v - v.rounded()) > tolerance { return false }
        }
        return constraints.allSatisfy { $0.constraint.isSatisfied(by: values, tolerance: tolerance) }
    }
}
