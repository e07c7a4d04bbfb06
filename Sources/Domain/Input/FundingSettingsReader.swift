import Foundation
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

extension SettingsReader {
    /// `[stipends]`: `levels` (1 to 50 amounts of money) and `other_costs` (money).
    mutating func readStipends(_ t: TOMLTable, into stipends: inout StipendSettings) {
        warnUnknownKeys(t, section: "stipends", kind: "stipends")
        if let v = t["levels"] {
            let levels = v.array?.compactMap(\.int) ?? []
            if let array = v.array, levels.count == array.count, InputLimits.stipendLevels.contains(levels.count),
                levels.allSatisfy({ (0...InputLimits.money).contains($0) })
            {
                stipends.levels = levels
            } else {
                issue(
                    "levels", in: "stipends",
                    "must be a list of \(InputLimits.stipendLevels.lowerBound) to \(InputLimits.stipendLevels.upperBound) whole-dollar amounts, from 0 to \(InputLimits.money)",
                    hint: "e.g. levels = [61008, 61428, 61884] (years of experience 0, 1, 2)")
            }
        }
        if let v = t["other_costs"] {
            if let n = v.int, (0...InputLimits.money).contains(n) {
                stipends.otherCosts = n
            } else {
                issue(
                    "other_costs", in: "stipends", "must be whole dollars from 0 to \(InputLimits.money)",
                    hint: "e.g. other_costs = 14000 (tuition, fees, health insurance, travel)")
            }
        }
    }
}

extension SettingsReader {
    /// `[program] year_start`: a date, `"YYYY-MM-DD"` or a TOML date; `office_email`: an address
    /// (`EmailAddress`), the `From:` of the letters' e-mail drafts.
    mutating func readProgram(_ t: TOMLTable, into settings: inout ScenarioSettings) {
        warnUnknownKeys(t, section: "program", kind: "program")
        if let v = t["office_email"] {
            if let text = v.string, EmailAddress.problem(with: text) == nil {
                settings.officeEmail = text
            } else {
                issue(
                    "office_email", in: "program",
                    v.string.flatMap(EmailAddress.problem(with:)) ?? "must be an e-mail address in quotes",
                    hint: "the address the letters' drafts are sent from, e.g. office_email = \"fellows@example.org\"")
            }
        }
        guard let v = t["year_start"] else { return }
        let text = v.string ?? v.date.map { String(format: "%04d-%02d-%02d", $0.year, $0.month, $0.day) }
        if let text, let date = CalendarDate(text) {
            settings.yearStart = date
        } else {
            issue(
                "year_start", in: "program",
                text.map(CalendarDate.problem(with:)) ?? "must be a date", hint: "e.g. year_start = \"2026-07-01\"")
        }
    }
}
