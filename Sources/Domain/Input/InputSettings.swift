import TOMLKit

extension SettingsReader {
    /// `[input]`: how the CSV files' cells are read (`date_order`, see ``DateOrder``).
    mutating func readInput(_ root: TOMLTable, into settings: inout ScenarioSettings) {
        guard let t = table("input", in: root) else { return }
        warnUnknownKeys(t, section: "input", kind: "input")
        guard let v = t["date_order"] else { return }
        if let s = v.string, let order = DateOrder(rawValue: s) {
            settings.dateOrder = order
        } else {
            issue(
                "date_order", in: "input", "must be \"month-first\" or \"day-first\"",
                hint: "month-first reads 9/10/2026 as 10 September (US), day-first as 9 October")
        }
    }
}
