/// How the placement model states rule 8 (the appointment rules).
///
/// `exact` is rule 8 itself: one payment and one 0/1 "pays" indicator per
/// fellow and source a rule speaks of (`FellowPayments.swift`,
/// `OneFederalSource.swift`, `Slots.swift`, `MaxSources.swift`,
/// `MinPayment.swift`). Its LP relaxation is weak, so GLPK's search branches
/// on the indicators, and a 1,000-fellow intake takes minutes.
///
/// `relaxed` is a relaxation of it: the aggregated funding of rules 1–7
/// (`Funding.swift`), with each source that has slots capped at the money
/// its slots can pay (`SlotMoney.swift`). Every placement rule 8 allows
/// satisfies it, so its optimum is at least as good as rule 8's; when the
/// funding split (``FundingSplit``, which states rule 8 exactly over the
/// fixed placement) finds a split for the relaxed optimum, that placement is
/// rule 8's optimum too, and proved so when the relaxation's was.
/// ``PlacementEngine`` solves the relaxation first and falls back to `exact`
/// only when the split finds nothing.
public enum AppointmentModelling: Sendable, Hashable {
    case exact
    case relaxed
}
