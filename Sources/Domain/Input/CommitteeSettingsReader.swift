import TOMLKit

extension SettingsReader {
    /// `[committee]`: `readers = [min, max]` (0 to 10, min ≤ max), `externals`
    /// (0 to 5), `mentor_may_chair` and `cover_interests` (booleans).
    mutating func readCommittee(_ t: TOMLTable, into committee: inout CommitteeSettings) {
        warnUnknownKeys(t, section: "committee", kind: "committee")
        committee.line = line(of: nil, in: "committee")
        let range = InputLimits.committeeReaders
        if let v = t["readers"] {
            let bounds = v.array?.compactMap(\.int) ?? []
            if let array = v.array, array.count == 2, bounds.count == 2, range.contains(bounds[0]),
                range.contains(bounds[1]), bounds[0] <= bounds[1]
            {
                committee.minReaders = bounds[0]
                committee.maxReaders = bounds[1]
            } else {
                issue(
                    "readers", in: "committee",
                    "must be [min, max]: two whole numbers from \(range.lowerBound) to \(range.upperBound), min not above max",
                    hint: "e.g. readers = [1, 2]")
            }
        }
        if let v = t["externals"] {
            if let n = v.int, InputLimits.committeeExternals.contains(n) {
                committee.externals = n
            } else {
                issue(
                    "externals", in: "committee",
                    "must be a whole number from \(InputLimits.committeeExternals.lowerBound) to \(InputLimits.committeeExternals.upperBound)",
                    hint: "e.g. externals = 1 (one member from outside the program's labs)")
            }
        }
        for key in ["mentor_may_chair", "cover_interests"] {
            guard let v = t[key] else { continue }
            guard let flag = v.bool else {
                issue(key, in: "committee", "must be true or false", hint: "e.g. \(key) = true")
                continue
            }
            if key == "mentor_may_chair" { committee.mentorMayChair = flag } else { committee.coverInterests = flag }
        }
    }
}
