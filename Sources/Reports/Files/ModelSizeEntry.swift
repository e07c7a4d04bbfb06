import SeminarSolver

/// `summary.json`'s `model` of thesis committees and defenses: the size of
/// the integer program that was solved, absent when none was needed (the
/// direct committees, or the direct defense plan, were proved best).
///
/// `choices_kept` are the 0/1 choices the model held (a member's seat on a
/// committee; a fellow's defense in a slot), `choices_possible` all there
/// were: a model over fewer is proved only against bounds from all of them.
struct ModelSizeEntry: Encodable, Equatable {
    var rows: Int
    var columns: Int
    var binaries: Int
    var choices_kept: Int
    var choices_possible: Int

    init?(_ size: SolvedModelSize?) {
        guard let size else { return nil }
        rows = size.rows
        columns = size.columns
        binaries = size.binaries
        choices_kept = size.kept
        choices_possible = size.possible
    }
}
