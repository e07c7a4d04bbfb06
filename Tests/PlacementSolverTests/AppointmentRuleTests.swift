import Domain
import PlacementSolver
import Testing

/// Rule 8 and the funding split's order, on programs small enough to solve by
/// hand; each expected answer is worked out in the test's comment.
@Suite struct AppointmentRuleTests {
    /// The paying sources of a fellow, by id.
    func sources(_ o: PlacementOutcome, _ fellow: String) -> [String] {
        (o.placement(fellow)?.funding ?? []).map(\.source)
    }

    @Test func aCitizenIsAppointedToTheTrainingGrantRatherThanTheLabsR01() throws {
        // Both may pay c's $80,000 at lab A; training grants come first, so the
        // T32 pays all of it. The non-citizen n may be paid only by the R01.
        var p = TestProgram()
        p.lab("A")
        p.source("r01", lab: "A", budget: 200_000, kind: .federal)
        p.source("t32", budget: 200_000, citizensOnly: true, kind: .trainingGrant, slots: 2)
        p.fellow("c", cost: 80_000, ranks: ["A"])
        p.fellow("n", citizenship: .other, cost: 70_000, ranks: ["A"])
        let o = try p.solve()
        #expect(o.status == .optimal)
        #expect(o.paid("c", by: "t32") == 8_000_000 && sources(o, "c") == ["t32"])
        #expect(o.paid("n", by: "r01") == 7_000_000)
    }

    @Test func noFellowIsPaidByTwoFederalSources() throws {
        // $80,000 from a T32 with $50,000 and an R01 with $50,000 would need
        // both (federal + federal): infeasible. With a $30,000 bridge fund the
        // only splits are T32 50k + bridge 30k or R01 50k + bridge 30k;
        // training grants first: the T32's.
        var p = TestProgram()
        p.lab("A")
        p.source("t32", budget: 50_000, kind: .trainingGrant)
        p.source("r01", lab: "A", budget: 50_000, kind: .federal)
        p.fellow("c", cost: 80_000, ranks: ["A"])
        #expect(try p.solve().status == .infeasible)
        var withoutKinds = p
        withoutKinds.funding = withoutKinds.funding.map {
            var f = $0
            f.kind = nil
            return f
        }
        #expect(try withoutKinds.solve().status == .optimal)
        p.source("bridge", budget: 30_000, kind: .institutional)
        let o = try p.solve()
        #expect(o.status == .optimal)
        #expect(o.paid("c", by: "t32") == 5_000_000 && o.paid("c", by: "bridge") == 3_000_000)
        #expect(o.paid("c", by: "r01") == 0)
    }

    @Test func aPlacementOnlyTheRelaxationAllowsIsNotKept() throws {
        // c ranks A first, B second. At A, a T32 with $50,000 and A's R01 with
        // $30,000 add up to c's $80,000 — but together they are two federal
        // sources, so rule 8 cannot pay c at A. At B the institutional pool
        // ($80,000) pays all. The relaxation (aggregated money, no rule 8)
        // puts c at A; its split fails, and the exact model must give B, rank 2.
        var p = TestProgram()
        p.lab("A")
        p.lab("B")
        p.source("t32", lab: "A", budget: 50_000, kind: .trainingGrant)
        p.source("r01", lab: "A", budget: 30_000, kind: .federal)
        p.source("pool", lab: "B", budget: 80_000, kind: .institutional)
        p.fellow("c", cost: 80_000, ranks: ["A", "B"])
        let o = try p.solve()
        #expect(o.status == .optimal)
        #expect(o.placement("c")?.lab == "B" && o.placement("c")?.rank == 2)
        #expect(o.paid("c", by: "pool") == 8_000_000)
    }

    @Test func slotsBind() throws {
        // Three citizens and a training grant with money for all but 2 slots:
        // exactly two are appointed, the third is paid from the bridge fund.
        var p = TestProgram()
        p.lab("A")
        p.source("t32", budget: 1_000_000, kind: .trainingGrant, slots: 2)
        p.source("bridge", budget: 1_000_000, kind: .institutional)
        for id in ["f1", "f2", "f3"] { p.fellow(id, cost: 60_000, ranks: ["A"]) }
        let o = try p.solve()
        let appointed = ["f1", "f2", "f3"].filter { o.paid($0, by: "t32") > 0 }
        #expect(appointed.count == 2)
        #expect(o.used("t32") == 12_000_000 && o.used("bridge") == 6_000_000)
        // Without the bridge fund only two can be placed at all.
        p.funding.removeLast()
        p.settings.allowUnplaced = true
        let only = try p.solve()
        #expect(only.unplaced.count == 1)
    }

    @Test func aSlotIsSomethingTheDiagnosisAsksFor() throws {
        var p = TestProgram()
        p.lab("A")
        p.source("t32", budget: 1_000_000, kind: .trainingGrant, slots: 2)
        for id in ["f1", "f2", "f3"] { p.fellow(id, cost: 60_000, ranks: ["A"]) }
        let o = try p.solve()
        #expect(o.status == .infeasible)
        let change = try #require(o.diagnosis?.changes.first)
        #expect(change.kind == .slots && change.subject == "t32" && change.needed == 3)
    }

    @Test func maxSourcesOfOneMakesInfeasibleWhatTwoAllows() throws {
        // $80,000 from two $50,000 funds needs both.
        var p = TestProgram()
        p.lab("A")
        p.source("a", budget: 50_000, kind: .institutional)
        p.source("b", budget: 50_000, kind: .institutional)
        p.fellow("c", cost: 80_000, ranks: ["A"])
        p.settings.funding.maxSources = 2
        #expect(try p.solve().status == .optimal)
        p.settings.funding.maxSources = 1
        let o = try p.solve()
        #expect(o.status == .infeasible)
        let changes = try #require(o.diagnosis?.changes)
        #expect(
            changes.contains { $0.kind == .maxSources && $0.needed == 2 } || changes.contains { $0.kind == .budget })
    }

    @Test func minPaymentRemovesFragments() throws {
        // $80,000 with a $70,000 training grant first: T32 70k + bridge 10k.
        // With min_payment = 20,000 the bridge must pay at least 20k: T32 60k + bridge 20k.
        var p = TestProgram()
        p.lab("A")
        p.source("t32", budget: 70_000, kind: .trainingGrant)
        p.source("bridge", budget: 100_000, kind: .institutional)
        p.fellow("c", cost: 80_000, ranks: ["A"])
        let fragment = try p.solve()
        #expect(fragment.paid("c", by: "t32") == 7_000_000 && fragment.paid("c", by: "bridge") == 1_000_000)
        p.settings.funding.minPayment = 20_000
        let o = try p.solve()
        #expect(o.paid("c", by: "t32") == 6_000_000 && o.paid("c", by: "bridge") == 2_000_000)
    }

    @Test func aSmallNeedIsPaidByOneSourceUnderMinPayment() throws {
        var p = TestProgram()
        p.lab("A")
        p.source("bridge", budget: 100_000, kind: .institutional)
        p.fellow("c", cost: 3_000, ranks: ["A"])
        p.settings.funding.minPayment = 20_000
        let o = try p.solve()
        #expect(o.status == .optimal && o.paid("c", by: "bridge") == 300_000)
    }

    @Test func aReMatchKeepsEveryOtherFellowsSourcesWhenTheMoneyAllows() throws {
        // The official match paid c1 from the lab's R01 while w held the T32's
        // one slot. w has withdrawn: the T32 has room and would come first, but
        // c1's appointment stays as it was; without the earlier sources it moves.
        var p = TestProgram()
        p.lab("A")
        p.source("r01", lab: "A", budget: 100_000, kind: .federal)
        p.source("t32", budget: 100_000, kind: .trainingGrant, slots: 1)
        p.source("bridge", budget: 100_000, kind: .institutional)
        p.continuing("c1", lab: "A", mentor: "mA", cost: 60_000)
        p.continuing("c2", lab: "A", mentor: "mA", cost: 30_000)
        let before = [
            PreviousPlacement(fellow: "c1", status: .continuing, lab: "A", mentor: "mA", sources: ["r01"]),
            PreviousPlacement(fellow: "c2", status: .continuing, lab: "A", mentor: "mA", sources: ["bridge"]),
            PreviousPlacement(fellow: "w", status: .continuing, lab: "A", mentor: "mA", sources: ["t32"])
        ]
        let kept = try p.solve(previous: before)
        #expect(sources(kept, "c1") == ["r01"] && sources(kept, "c2") == ["bridge"])
        let fresh = try p.solve()
        #expect(sources(fresh, "c1") == ["t32"])
    }
}
