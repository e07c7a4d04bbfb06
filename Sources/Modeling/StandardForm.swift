/// A model flattened for a solver backend: column and row arrays and the
/// constraint matrix as triplets with duplicates merged and zeros dropped.
/// `-infinity`/`+infinity` stand for absent bounds.
public struct StandardForm: Sendable {
    public var name: String
    public var maximize: Bool
    public var columnKinds: [VariableKind]
    public var columnLower: [Double]
    public var columnUpper: [Double]
    public var objective: [Double]
    public var objectiveConstant: Double
    public var columnNames: [String]
    public var rowLower: [Double]
    public var rowUpper: [Double]
    public var rowNames: [String]
    /// Row index (0-based) of each matrix entry.
    public var rows: [Int32]
    /// Column index (0-based) of each matrix entry.
    public var columns: [Int32]
    public var values: [Double]

    /// Unchecked flattening: the caller has validated the model (or wants a
    /// solver to see exactly what was built).
    public init(_ model: Model) {
        name = model.name
        maximize = model.objective.sense == .maximize
        columnKinds = model.variables.map(\.kind)
        columnLower = model.variables.map { $0.lower ?? -.infinity }
        columnUpper = model.variables.map { $0.upper ?? .infinity }
        columnNames = model.variables.map(\.name)
        objective = Array(repeating: 0, count: model.variables.count)
        for t in model.objective.expression.terms where t.variable.index < objective.count && t.variable.index >= 0 {
            objective[t.variable.index] += t.coefficient
        }
        objectiveConstant = model.objective.expression.constant
        rowLower = model.constraints.map { $0.constraint.lower ?? -.infinity }
        rowUpper = model.constraints.map { $0.constraint.upper ?? .infinity }
        rowNames = model.constraints.map(\.name)
        rows = []
        columns = []
        values = []
        var seen: [Int: Int] = [:]  // column -> position in the current row's run
        for (i, c) in model.constraints.enumerated() {
            seen.removeAll(keepingCapacity: true)
            let start = values.count
            for t in c.constraint.expression.terms {
                if let at = seen[t.variable.index] {
                    values[at] += t.coefficient
                } else {
                    seen[t.variable.index] = values.count
                    rows.append(Int32(i))
                    columns.append(Int32(t.variable.index))
                    values.append(t.coefficient)
                }
            }
            // Drop entries that cancelled out.
            var k = start
            while k < values.count {
                if values[k] == 0 {
                    rows.remove(at: k)
                    columns.remove(at: k)
                    values.remove(at: k)
                } else {
                    k += 1
                }
            }
        }
    }
}
