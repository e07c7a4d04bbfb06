import Modeling

extension PlacementModel {
    /// Rule 8, `[funding] max_sources = N`: at most N sources pay one fellow.
    ///
    ///     Σ_s pays(f,s) ≤ N                 for every fellow f whom more than N sources may pay
    ///
    /// In the elastic model the setting may give: one excess `e` for all
    /// fellows (`Σ_s pays(f,s) − e ≤ N`), so the diagnosis names the setting
    /// and the value it needs, N + e.
    mutating func addMaxSources() {
        guard let limit = scenario.settings.funding.maxSources else { return }
        let s = scenario
        let rows = indicatorsByFellow.sorted(by: { $0.key < $1.key }).filter { $0.value.count > limit }
        guard !rows.isEmpty else { return }
        let most = rows.map(\.value.count).max() ?? limit
        let excess = elastic ? relax(.maxSources, name: "max_sources", maximum: Double(most - limit)) : nil
        for (fi, payments) in rows {
            var row = payments.compactMap(\.indicator).sum()
            if let excess { row -= excess }
            model.add(row <= Double(limit), name: "sources(\(tag(s.fellows[fi].id)))")
        }
    }
}
