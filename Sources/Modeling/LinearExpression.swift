/// One term `coefficient × variable` of a ``LinearExpression``.
public struct Term: Hashable, Sendable {
    public var variable: Variable
    public var coefficient: Double

    public init(_ coefficient: Double, _ variable: Variable) {
        self.variable = variable
        self.coefficient = coefficient
    }
}

/// An affine function `Σ aᵢ·xᵢ + c`.
///
/// Terms are kept in the order they were written and may repeat a variable;
/// ``normalized()`` merges repeats and drops zero coefficients. Building is
/// cheap (appending), so sums over large sequences stay linear in their size.
public struct LinearExpression: Hashable, Sendable {
    public var terms: [Term]
    public var constant: Double

    public init(terms: [Term] = [], constant: Double = 0) {
        self.terms = terms
        self.constant = constant
    }

    public init(_ variable: Variable) {
        self.init(terms: [Term(1, variable)])
    }

    public init(_ constant: Double) {
        self.init(terms: [], constant: constant)
    }

    /// Σ coefficient × variable over a sequence of pairs.
    public init<S: Sequence>(sum pairs: S) where S.Element == (Double, Variable) {
        self.init(terms: pairs.map { Term($0.0, $0.1) })
    }

    /// The same function with one term per variable, in variable order, and no
    /// zero coefficients.
    ///
    /// - Complexity: O(n log n), n the number of terms.
    public func normalized() -> LinearExpression {
        var merged: [Variable: Double] = [:]
        merged.reserveCapacity(terms.count)
        for term in terms { merged[term.variable, default: 0] += term.coefficient }
        let sorted = merged.filter { $0.value != 0 }.sorted { $0.key < $1.key }
        return LinearExpression(terms: sorted.map { Term($0.value, $0.key) }, constant: constant)
    }

    /// The value of the function at `values` (indexed by variable).
    ///
    /// - Complexity: O(n), n the number of terms.
    public func value(at values: [Double]) -> Double {
        terms.reduce(constant) { $0 + $1.coefficient * values[$1.variable.index] }
    }

    /// Adds the term `coefficient` × `variable` (not merged with an equal one;
    /// ``normalized()`` merges).
    ///
    /// - Complexity: amortised O(1).
    public mutating func add(_ coefficient: Double, _ variable: Variable) {
        terms.append(Term(coefficient, variable))
    }

    /// Adds `factor` × `other`. The terms grow geometrically, so a sum built
    /// one small expression at a time stays linear in its length (an exact
    /// `reserveCapacity` here made every call copy the whole array: summing
    /// the 60,000 assignments of a 5,000-fellow intake took about a second).
    ///
    /// - Complexity: amortised O(m), m the number of `other`'s terms.
    public mutating func add(_ other: LinearExpression, times factor: Double = 1) {
        if factor == 1 {
            terms.append(contentsOf: other.terms)
        } else {
            terms.append(contentsOf: other.terms.lazy.map { Term($0.coefficient * factor, $0.variable) })
        }
        if other.constant != 0 { constant += other.constant * factor }
    }
}

/// A variable or an expression: what the arithmetic and comparison operators
/// of this module combine. Numbers enter through overloads taking `Double`, so
/// plain numeric code elsewhere type-checks as fast as before.
public protocol LinearExpressionConvertible {
    var linearExpression: LinearExpression { get }
}

extension Variable: LinearExpressionConvertible {
    public var linearExpression: LinearExpression { LinearExpression(self) }
}

extension LinearExpression: LinearExpressionConvertible {
    public var linearExpression: LinearExpression { self }
}

// MARK: - Arithmetic

public func + <L: LinearExpressionConvertible, R: LinearExpressionConvertible>(lhs: L, rhs: R) -> LinearExpression {
    var result = lhs.linearExpression
    result.add(rhs.linearExpression)
    return result
}

public func + <L: LinearExpressionConvertible>(lhs: L, rhs: Double) -> LinearExpression {
    var result = lhs.linearExpression
    result.constant += rhs
    return result
}

public func + <R: LinearExpressionConvertible>(lhs: Double, rhs: R) -> LinearExpression {
    rhs + lhs
}

public func - <L: LinearExpressionConvertible, R: LinearExpressionConvertible>(lhs: L, rhs: R) -> LinearExpression {
    var result = lhs.linearExpression
    result.add(rhs.linearExpression, times: -1)
    return result
}

public func - <L: LinearExpressionConvertible>(lhs: L, rhs: Double) -> LinearExpression {
    lhs + (-rhs)
}

public func - <R: LinearExpressionConvertible>(lhs: Double, rhs: R) -> LinearExpression {
    var result = LinearExpression(lhs)
    result.add(rhs.linearExpression, times: -1)
    return result
}

public prefix func - <E: LinearExpressionConvertible>(operand: E) -> LinearExpression {
    var result = LinearExpression()
    result.add(operand.linearExpression, times: -1)
    return result
}

public func * <E: LinearExpressionConvertible>(factor: Double, operand: E) -> LinearExpression {
    var result = LinearExpression()
    result.add(operand.linearExpression, times: factor)
    return result
}

public func * <E: LinearExpressionConvertible>(operand: E, factor: Double) -> LinearExpression {
    factor * operand
}

public func += <R: LinearExpressionConvertible>(lhs: inout LinearExpression, rhs: R) {
    lhs.add(rhs.linearExpression)
}

public func += (lhs: inout LinearExpression, rhs: Double) {
    lhs.constant += rhs
}

public func -= <R: LinearExpressionConvertible>(lhs: inout LinearExpression, rhs: R) {
    lhs.add(rhs.linearExpression, times: -1)
}

extension Sequence where Element: LinearExpressionConvertible {
    /// The sum of a sequence of variables or expressions.
    public func sum() -> LinearExpression {
        var result = LinearExpression()
        for element in self { result.add(element.linearExpression) }
        return result
    }
}

extension Sequence {
    /// Σ over the sequence of `transform(element)`.
    public func sum<E: LinearExpressionConvertible>(_ transform: (Element) throws -> E) rethrows -> LinearExpression {
        var result = LinearExpression()
        for element in self { result.add(try transform(element).linearExpression) }
        return result
    }
}
