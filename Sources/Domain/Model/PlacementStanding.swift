/// Where a fellow stands after a placement run: a new fellow placed this
/// intake, a continuing fellow kept in their lab, or a new fellow left
/// unplaced. The one definition that placements, earlier runs' files and the
/// run history share (the value written in `placements.csv`'s `status`).
public enum PlacementStanding: String, Sendable, Hashable, CaseIterable {
    case new, continuing, unplaced
}
