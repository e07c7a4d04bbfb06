import Modeling

/// The size of the integer program a step solved last (for the benchmarks,
/// the console and `summary.json`): its rows, its columns and how many of
/// them are 0/1, and how many (fellow, member) seats it held of those the
/// rules allow.
public struct SolvedModelSize: Sendable, Hashable {
    public var rows: Int
    public var columns: Int
    public var binaries: Int
    /// Seat (or slot) variables in the model.
    public var kept: Int
    /// Seat (or slot) variables the full model would hold.
    public var possible: Int

    public init(rows: Int, columns: Int, binaries: Int, kept: Int, possible: Int) {
        self.rows = rows
        self.columns = columns
        self.binaries = binaries
        self.kept = kept
        self.possible = possible
    }

    init(_ model: Model, kept: Int, possible: Int) {
        self.init(
            rows: model.constraints.count, columns: model.variables.count,
            binaries: model.variables.filter { $0.kind != .continuous && $0.lower == 0 && $0.upper == 1 }.count,
            kept: kept, possible: possible)
    }
}
