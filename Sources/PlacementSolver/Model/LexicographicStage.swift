import Modeling

/// One stage of a lexicographic objective: optimise `expression`, then keep
/// its optimum while later stages optimise the next criterion.
///
/// All criteria here count fellows or sum whole ranks, so their optima are
/// whole numbers, and the value is held exactly (`≥ v`, or `≤ v` when
/// minimising). A margin such as `≥ v − ½` would admit the same integer
/// placements, but it weakens the LP relaxation of every later stage: the LP
/// may then place half a fellow less at a held rank and buy more at the next
/// one (generated intake of 1,000, `rank-maximal`: with `≥ v − ½` the root LP
/// of "most third choices" promised 82 against an optimum of 73, and GLPK
/// needed 8.8 s of cuts to close it; with `≥ v` every stage's root LP is the
/// integer optimum). GLPK's feasibility tolerance (10⁻⁷) absorbs rounding in
/// a sum of 0/1 values, and the starts handed to a stage are rounded.
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
    /// Decides only among placements as good as the objective's optimum
    /// (``TieBreakStages``): not part of the objective's status or bound.
    var isTieBreak = false

    /// The constraint that keeps the stage's optimum `value`.
    func hold(_ value: Double) -> LinearConstraint {
        let v = value.rounded()
        return sense == .maximize ? expression >= v : expression <= v
    }

    /// The constraint that keeps an optimum `value` that need not be a whole
    /// number (the objective of `total-rank` with a fractional
    /// `mentor_weight`, or of `score`): within ``tolerance(_:)`` of it.
    func hold(within value: Double) -> LinearConstraint {
        let slack = Self.tolerance(value)
        return sense == .maximize ? expression >= value - slack : expression <= value + slack
    }

    /// Objective values this close are equal: 10⁻⁶ plus 10⁻⁹ of the value.
    static func tolerance(_ value: Double) -> Double { 1e-6 + 1e-9 * abs(value) }

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
