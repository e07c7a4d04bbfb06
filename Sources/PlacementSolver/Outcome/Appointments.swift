import Domain

/// What a grants office needs of a placement: per training grant, the
/// trainees it appoints (slot n of N), and per trainee the supplements other
/// sources pay; slots and dollars used and left.
///
/// Slots are numbered continuing trainees first (they hold theirs), then new
/// ones, each in fellows.csv order.
public struct TrainingGrantAppointments: Sendable, Hashable {
    public struct Appointment: Sendable, Hashable {
        public var fellow: String
        public var lab: String?
        public var mentor: String?
        /// The first day of the appointment in the budget year: `start_on`, else the year's start (when known).
        public var start: CalendarDate?
        public var months: Int
        /// What the training grant pays, in cents.
        public var cents: Int
        /// 1-based.
        public var slot: Int
        /// What other sources pay the trainee (supplements).
        public var supplements: [FundingShare]
    }

    public var source: String
    public var slots: Int?
    public var budget: Int
    public var usedCents: Int
    public var appointments: [Appointment]

    public var leftCents: Int { budget * 100 - usedCents }
    public var slotsLeft: Int? { slots.map { max(0, $0 - appointments.count) } }

    /// One entry per `training-grant` source, in funding.csv order.
    public static func of(_ outcome: PlacementOutcome, scenario: Scenario) -> [TrainingGrantAppointments] {
        guard outcome.hasPlacement else { return [] }
        let year = BudgetYear(scenario.settings)
        let ordered =
            outcome.placements.filter { $0.status == .continuing } + outcome.placements.filter { $0.status == .new }
        return scenario.funding.filter { $0.kind == .trainingGrant }.map { grant in
            var entry = TrainingGrantAppointments(
                source: grant.id, slots: grant.slots, budget: grant.budget,
                usedCents: outcome.budgets.first { $0.source == grant.id }?.usedCents ?? 0, appointments: [])
            for p in ordered {
                guard let paid = p.funding.first(where: { $0.source == grant.id }), paid.cents > 0 else { continue }
                entry.appointments.append(
                    Appointment(
                        fellow: p.fellow, lab: p.lab, mentor: p.mentor, start: p.startOn ?? year?.start,
                        months: p.months, cents: paid.cents, slot: entry.appointments.count + 1,
                        supplements: p.funding.filter { $0.source != grant.id }))
            }
            return entry
        }
    }
}
