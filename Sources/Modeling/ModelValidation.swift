/// A problem with a model found before any solver sees it.
public struct ModelIssue: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case nonFiniteCoefficient
        case nonFiniteBound
        case crossedBounds
        case fractionalIntegerBound
        case unknownVariable
    }

    public var kind: Kind
    /// The variable or constraint (or "objective") concerned.
    public var subject: String
    public var message: String

    public var description: String { "\(subject): \(message)" }
}

/// Why a model was rejected: every issue found, not just the first.
public struct ModelValidationError: Error, Sendable, CustomStringConvertible {
    public var issues: [ModelIssue]

    public var description: String {
        "the model is invalid (\(issues.count) problem\(issues.count == 1 ? "" : "s")):\n"
            + issues.map { "  - \($0)" }.joined(separator: "\n")
    }
}

extension Model {
    /// Checks what GLPK would reject, or silently misread: NaN or infinite
    /// coefficients, NaN bounds, lower > upper, fractional bounds on integer
    /// variables, and terms that name variables of another model.
    public func validate() throws(ModelValidationError) {
        var issues: [ModelIssue] = []
        for v in variables {
            if let l = v.lower, l.isNaN || l == .infinity {
                issues.append(.init(kind: .nonFiniteBound, subject: v.name, message: "lower bound is \(l)"))
            }
            if let u = v.upper, u.isNaN || u == -.infinity {
                issues.append(.init(kind: .nonFiniteBound, subject: v.name, message: "upper bound is \(u)"))
            }
            if let l = v.lower, let u = v.upper, l > u {
                issues.append(
                    .init(kind: .crossedBounds, subject: v.name, message: "lower bound \(l) exceeds upper bound \(u)"))
            }
            if v.isInteger {
                for (label, b) in [("lower", v.lower), ("upper", v.upper)] {
                    if let b, b.isFinite, b != b.rounded() {
                        issues.append(
                            .init(
                                kind: .fractionalIntegerBound, subject: v.name,
                                message: "\(v.kind.rawValue) variable has fractional \(label) bound \(b)"))
                    }
                }
            }
        }
        func check(_ e: LinearExpression, _ subject: String) {
            if !e.constant.isFinite {
                issues.append(
                    .init(kind: .nonFiniteCoefficient, subject: subject, message: "constant is \(e.constant)"))
            }
            for t in e.terms {
                guard t.variable.index >= 0 && t.variable.index < variables.count else {
                    issues.append(
                        .init(
                            kind: .unknownVariable, subject: subject,
                            message: "refers to variable #\(t.variable.index), which this model does not have"))
                    continue
                }
                if !t.coefficient.isFinite {
                    issues.append(
                        .init(
                            kind: .nonFiniteCoefficient, subject: subject,
                            message: "coefficient of \(variables[t.variable.index].name) is \(t.coefficient)"))
                }
            }
        }
        check(objective.expression, "objective")
        for c in constraints {
            check(c.constraint.expression, c.name)
            if let l = c.constraint.lower, l.isNaN || l == .infinity {
                issues.append(.init(kind: .nonFiniteBound, subject: c.name, message: "lower bound is \(l)"))
            }
            if let u = c.constraint.upper, u.isNaN || u == -.infinity {
                issues.append(.init(kind: .nonFiniteBound, subject: c.name, message: "upper bound is \(u)"))
            }
            if let l = c.constraint.lower, let u = c.constraint.upper, l > u {
                issues.append(
                    .init(kind: .crossedBounds, subject: c.name, message: "lower bound \(l) exceeds upper bound \(u)"))
            }
        }
        if !issues.isEmpty { throw ModelValidationError(issues: issues) }
    }
}
