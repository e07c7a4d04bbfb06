import TOMLKit

extension SettingsReader {
    /// `[funding]`: `max_sources` (1 to 100), `min_payment` (dollars, 0 to a
    /// billion) and `order` (funding.csv ids; checked against funding.csv by
    /// ``ScenarioReader``).
    mutating func readFunding(_ t: TOMLTable, into funding: inout FundingSettings) {
        warnUnknownKeys(t, section: "funding", kind: "funding")
        if let v = t["max_sources"] {
            if let n = v.int, InputLimits.maxSources.contains(n) {
                funding.maxSources = n
            } else {
                issue(
                    "max_sources", in: "funding",
                    "must be a whole number from \(InputLimits.maxSources.lowerBound) to \(InputLimits.maxSources.upperBound)",
                    hint: "e.g. max_sources = 2 (a stipend and one supplement)")
            }
        }
        if let v = t["min_payment"] {
            if let n = v.int, (0...InputLimits.money).contains(n) {
                funding.minPayment = n
            } else {
                issue(
                    "min_payment", in: "funding", "must be whole dollars from 0 to \(InputLimits.money)",
                    hint: "e.g. min_payment = 5000")
            }
        }
        if let v = t["order"] {
            let ids = v.array?.compactMap(\.string) ?? []
            if let array = v.array, ids.count == array.count, ids.count <= InputLimits.orderEntries,
                ids.allSatisfy(Identifier.isValid)
            {
                funding.order = ids
                funding.orderLine = line(of: "order", in: "funding")
            } else {
                issue(
                    "order", in: "funding", "must be a list of funding source ids",
                    hint: "e.g. order = [\"t15\", \"bridge\"]")
            }
        }
    }
}
