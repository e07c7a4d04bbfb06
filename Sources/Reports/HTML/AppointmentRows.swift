import Domain
import PlacementSolver

extension TableRows {
    /// The report's training-grant section (never in the public report): per
    /// grant a heading with slots and dollars used and left, then one row per
    /// trainee: name, lab, mentor, start, months, stipend paid by the grant,
    /// "slot n of N", and the supplements with their sources.
    static func appointments(_ grants: [TrainingGrantAppointments], _ names: Directory) -> [[String: Any]] {
        grants.map { g in
            let slots =
                g.slots.map { "\(g.appointments.count) of \($0) slots filled, \(g.slotsLeft ?? 0) left" }
                ?? "\(g.appointments.count) trainee\(g.appointments.count == 1 ? "" : "s") (no slot limit)"
            let money =
                "\(MoneyText.cents(g.usedCents)) of \(MoneyText.dollars(g.budget)) used, \(MoneyText.cents(g.leftCents)) left"
            var rows = ""
            for a in g.appointments {
                let slot = g.slots.map { "slot \(a.slot) of \($0)" } ?? "slot \(a.slot)"
                let supplements = a.supplements.map { "\(names.sourceName($0.source)) \(MoneyText.cents($0.cents))" }
                rows +=
                    "<tr>" + named(names.fellowName(a.fellow), a.fellow) + cell(a.lab.map(names.labName) ?? "")
                    + cell(a.mentor.map(names.mentorName) ?? "") + cell(a.start.map { DateText.long($0) } ?? "")
                    + cell("\(a.months)", numeric: true) + cell(MoneyText.cents(a.cents), numeric: true) + cell(slot)
                    + cell(supplements.isEmpty ? "none" : supplements.joined(separator: "; ")) + "</tr>\n"
            }
            return ["heading": names.source(g.source), "summary": "\(slots); \(money).", "rows": rows]
        }
    }
}
