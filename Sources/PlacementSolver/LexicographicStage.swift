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

    /// The constraint that keeps the stage's optimum `value`.
    func hold(_ value: Double) -> LinearConstraint {
        let v = value.rounded()
        return sense == .maximize ? expression >= v - 0.5 : expression <= v + 0.5
    }
}
