import Domain
import PlacementSolver

extension SummaryFile {
    /// `summary.json`'s `appointments`: per training grant, its trainees (slot
    /// order) with their supplements, and slots and dollars used and left.
    struct GrantEntry: Encodable {
        var source: String
        var slots: Int?
        var slots_used: Int
        var slots_left: Int?
        var budget: Int
        var used: Double
        var left: Double
        var trainees: [TraineeEntry]

        init(_ g: TrainingGrantAppointments) {
            source = g.source
            slots = g.slots
            slots_used = g.appointments.count
            slots_left = g.slotsLeft
            budget = g.budget
            used = Double(g.usedCents) / 100
            left = Double(g.leftCents) / 100
            trainees = g.appointments.map(TraineeEntry.init)
        }
    }

    struct TraineeEntry: Encodable {
        var fellow: String
        var lab: String?
        var mentor: String?
        var start: String?
        var months: Int
        var amount: Double
        var slot: Int
        var supplements: [SupplementEntry]

        init(_ a: TrainingGrantAppointments.Appointment) {
            fellow = a.fellow
            lab = a.lab
            mentor = a.mentor
            start = a.start.map { "\($0)" }
            months = a.months
            amount = Double(a.cents) / 100
            slot = a.slot
            supplements = a.supplements.map { SupplementEntry(source: $0.source, amount: Double($0.cents) / 100) }
        }
    }

    struct SupplementEntry: Encodable {
        var source: String
        var amount: Double
    }
}
