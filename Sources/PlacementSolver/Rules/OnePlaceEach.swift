import Modeling

extension PlacementModel {
    /// Rule 1, one place each: for every new fellow f,
    ///
    ///     Σ_{(l,m) eligible} assign(f,l,m) + unplaced(f) = 1
    ///
    /// where `unplaced(f)` exists only with `allow_unplaced` (and never for a
    /// locked fellow). Continuing fellows have no variables: they stay put.
    mutating func addOnePlaceEach() {
        for fi in newFellows {
            var row = assigned(fellow: fi)
            if let u = unplaced[fi] { row.add(1, u) }
            model.add(row == 1, name: "place(\(tag(scenario.fellows[fi].id)))")
        }
    }
}
