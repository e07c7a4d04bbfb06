import Domain
import GLPKBackend
import PlacementSolver
import Testing

/// Months in the budget year: late starters and withdrawals, worked out by hand.
@Suite struct BudgetYearTests {
    let year = BudgetYear(start: CalendarDate(year: 2026, month: 7, day: 1))

    @Test func aStartedMonthCountsWhole() {
        // 20 October: July, August, September, October.
        #expect(year.months(from: nil, to: CalendarDate(year: 2026, month: 10, day: 20)) == 4)
        // 15 September to the end of June: September … June.
        #expect(year.months(from: CalendarDate(year: 2026, month: 9, day: 15), to: nil) == 10)
        #expect(year.months(from: CalendarDate(year: 2027, month: 7, day: 1), to: nil) == 0)
        #expect(year.months(from: nil, to: nil) == 12)
    }

    @Test func theBudgetYearStartsJulyFirstOfTheIntakesYear() {
        var settings = ScenarioSettings(name: "t")
        settings.intake = "2026-27"
        #expect(BudgetYear(settings)?.start == CalendarDate(year: 2026, month: 7, day: 1))
        settings.yearStart = CalendarDate(year: 2026, month: 9, day: 1)
        #expect(BudgetYear(settings)?.start == CalendarDate(year: 2026, month: 9, day: 1))
        settings.yearStart = nil
        settings.intake = "spring cohort"
        #expect(BudgetYear(settings) == nil)
    }

    @Test func aLateStarterNeedsFewerMonths() throws {
        // $120,000 a year from 15 September: 10 months, $100,000.
        var p = TestProgram()
        p.settings.intake = "2026-27"
        p.lab("A")
        p.source("pool", budget: 100_000)
        p.fellow("f", cost: 120_000, ranks: ["A"])
        p.fellows[0].startOn = CalendarDate(year: 2026, month: 9, day: 15)
        let o = try p.solve()
        #expect(o.status == .optimal && o.paid("f", by: "pool") == 10_000_000 && o.placement("f")?.months == 10)
    }

    /// A $100,000 pool paid w $84,000 for the year in the official match; w
    /// withdrew on 20 October: July–October ($28,000) stays spent, $72,000 is free.
    func withdrawal(newCost: Int, withdrawnOn: CalendarDate?) throws -> PlacementOutcome {
        var p = TestProgram()
        p.settings.intake = "2026-27"
        p.lab("A")
        p.source("pool", budget: 100_000)
        p.fellow("n", cost: newCost, ranks: ["A"])
        var s = p.scenario
        var w = Fellow(
            id: "w", track: "clinical", citizenship: .citizen, status: .withdrawn, interests: ["a"], cost: 84_000)
        w.withdrawnOn = withdrawnOn
        s.withdrawn = [w]
        let official = [
            PreviousPlacement(
                fellow: "w", status: .new, lab: "A", mentor: "mA",
                funding: [PaidShare(source: "pool", cents: 8_400_000)])
        ]
        return try PlacementEngine(solver: GLPKSolver()).run(s, previous: official)
    }

    @Test func withdrawnOnFreesOnlyTheRemainingMonths() throws {
        let fits = try withdrawal(newCost: 72_000, withdrawnOn: CalendarDate(year: 2026, month: 10, day: 20))
        #expect(fits.status == .optimal)
        #expect(fits.budgets.first?.usedCents == 10_000_000 && fits.budgets.first?.budget == 100_000)
        let over = try withdrawal(newCost: 72_001, withdrawnOn: CalendarDate(year: 2026, month: 10, day: 20))
        #expect(over.status == .infeasible)
        // Without withdrawn_on the whole year is freed, as before.
        #expect(try withdrawal(newCost: 100_000, withdrawnOn: nil).status == .optimal)
    }
}
