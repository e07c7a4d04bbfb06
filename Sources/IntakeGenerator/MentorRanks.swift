import Domain

/// How a generated intake's mentors rank the new fellows
/// (mentor_preferences.csv): every mentor ranks, strictly from 1, every new
/// fellow who ranked the mentor's lab. Drawn from a generator of its own
/// (seeded by the intake's seed), so the rest of the intake is the same with
/// or without the rankings.
public enum MentorRanks: String, Sendable, CaseIterable {
    /// Each mentor's order is drawn on its own: mentors disagree.
    case independent
    /// Each fellow has one strength, drawn once, and each mentor orders by
    /// strength plus a small noise of their own: mentors mostly agree (the
    /// "master list" shape, where stability binds hardest).
    case correlated

    /// The rankings of `s`'s mentors, in mentors.csv order, each mentor's
    /// fellows from rank 1.
    func preferences(_ s: Scenario, seed: UInt64) -> [MentorPreference] {
        var rng = SeededRandom(seed: seed ^ 0x6d65_6e74_6f72_7321)
        let strength = Dictionary(
            uniqueKeysWithValues: s.fellows.filter(\.isNew).map { ($0.id, rng.int(0...999)) })
        let applicants = Dictionary(grouping: s.preferences, by: \.lab).mapValues { $0.map(\.fellow) }
        var ranked: [MentorPreference] = []
        for m in s.mentors {
            let pool = (applicants[m.lab] ?? []).filter { strength[$0] != nil }
            let keyed = pool.map { f -> (String, Int) in
                let noise = rng.int(0...999)
                return (f, self == .independent ? noise : strength[f]! * 10 + noise / 10)
            }
            let order = keyed.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            for (k, entry) in order.enumerated() {
                ranked.append(MentorPreference(mentor: m.id, fellow: entry.0, rank: k + 1))
            }
        }
        return ranked
    }
}
