import Domain
import PlacementSolver
import Testing

@Suite struct DiagnosisTests {
    @Test func capacityShortageNamesTheLabAndTheSeats() throws {
        var p = TestProgram()
        p.lab("labA", capacity: 1)
        p.fellow("f1", ranks: ["labA"])
        p.fellow("f2", ranks: ["labA"])
        p.fellow("f3", ranks: ["labA"])
        let o = try p.solve()
        #expect(o.status == .infeasible && o.placements.isEmpty)
        let change = try #require(o.diagnosis?.changes.first)
        #expect(o.diagnosis?.changes.count == 1)
        #expect(change.kind == .labCapacity && change.subject == "labA" && change.current == 1 && change.needed == 3)
        #expect(change.message == "Lab labA needs 2 more places: capacity 1 → 3.")
    }

    @Test func budgetShortageSaysHowManyDollars() throws {
        var p = TestProgram()
        p.lab("labA")
        p.source("pool", budget: 100_000)
        p.fellow("f1", cost: 60_000, ranks: ["labA"])
        p.fellow("f2", cost: 60_000, ranks: ["labA"])
        let o = try p.solve()
        let change = try #require(o.diagnosis?.changes.first)
        #expect(change.kind == .budget && change.subject == "pool" && change.needed == 120_000)
        #expect(change.message.contains("$20,000 short"))
    }

    @Test func lockThatCannotHoldIsNamed() throws {
        var p = TestProgram()
        p.lab("labA", capacity: 1)
        p.lab("labB", capacity: 1)
        p.fellow("f1", ranks: ["labA"])
        p.fellow("f2", ranks: ["labB", "labA"])
        p.rules = [PlacementRule(fellow: "f2", lab: "labA", kind: .lock, reason: "prior agreement")]
        let o = try p.solve()
        #expect(o.status == .infeasible)
        let changes = try #require(o.diagnosis?.changes)
        // Either the lock gives or labA grows by one: the cheapest set is one limit.
        #expect(changes.count == 1)
        #expect(changes[0].kind == .lock || changes[0].kind == .labCapacity)
    }

    @Test func fellowWithNoEligibleLabIsExplainedLabByLab() throws {
        var p = TestProgram()
        p.lab("labA", areas: ["genomics"])
        p.lab("labB", capacity: 1)
        p.continuing("c1", lab: "labB", mentor: "mlabB")
        p.lab("labC")
        p.fellow("f1", interests: ["a"], ranks: ["labA", "labB", "labC"])
        p.rules = [PlacementRule(fellow: "f1", lab: "labC", kind: .forbid, reason: "conflict of interest")]
        let o = try p.solve()
        #expect(o.status == .infeasible)
        let finding = try #require(o.diagnosis?.findings.first)
        #expect(finding.kind == .noEligibleLab)
        #expect(finding.message.contains("rank 1: labA is funded for genomics"))
        #expect(finding.message.contains("rank 2: labB is full: capacity 1, 1 continuing fellow"))
        #expect(finding.message.contains("rank 3: labC is forbidden for f1 in rules.csv: conflict of interest"))
    }

    @Test func continuingFellowsOverCapacityArePreChecked() throws {
        var p = TestProgram()
        p.lab("labA", capacity: 1, mentors: [("m1", 1, [])])
        p.continuing("c1", lab: "labA", mentor: "m1")
        p.continuing("c2", lab: "labA", mentor: "m1")
        let findings = PreChecks.run(p.scenario, Eligibility(p.scenario))
        #expect(findings.filter { $0.kind == .continuingOverCapacity }.count == 2)
    }

    @Test func sameScenarioGivesTheSamePlacement() throws {
        let a = try fourLabs(.totalRank).solve(), b = try fourLabs(.totalRank).solve()
        #expect(a.placements == b.placements)
    }
}
