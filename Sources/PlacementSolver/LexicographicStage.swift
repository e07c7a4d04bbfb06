import Modeling

/// One stage of a lexicographic objective: optimise `expression`, then keep
/// its optimum while later stages optimise the next criterion.
///
/// All criteria here count fellows or sum whole ranks, so their optima are
/// whole numbers: the value is held with a margin of ½, which is exact and
/// immune to solver tolerances.
struct LexicographicStage {
    var name: String
    var sense: ObjectiveSense
    var expression: LinearExpression
    /// A value no placement can beat, known without solving (e.g. the
    /// fellows left to count): a start that reaches it is the stage's optimum.
    var bound: Double?
    /// Solved only for a start (``LexicographicProxy``): no hold row, and its
    /// optimum proves nothing.
    var isStartOnly = false
    /// The objective counts fellows (at one rank or several, weighted): see
    /// ``SolveStrategy/tune(_:for:counting:)`` for why that changes the cuts.
    var counts = false

    /// The constraint that keeps the stage's optimum `value`.
    func hold(_ value: Double) -> LinearConstraint {
        let v = value.rounded()
        return sense == .maximize ? expression >= v - 0.5 : expression <= v + 0.5
    }

    /// Whether `value` is better than `other` for this stage.
    func isBetter(_ value: Double, than other: Double) -> Bool {
        sense == .maximize ? value > other + 0.5 : value < other - 0.5
    }

    /// Whether `value` reaches the stage's ``bound``.
    func reachesBound(_ value: Double) -> Bool {
        guard let bound else { return false }
        return !isBetter(bound, than: value)
    }
}
