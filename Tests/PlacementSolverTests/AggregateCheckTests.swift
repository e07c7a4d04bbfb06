import Domain
import GLPKBackend
import PlacementSolver
import Reports
import Testing

/// Pre-checks that add up (issue 17), on hand-built shortfalls with known amounts.
@Suite struct AggregateCheckTests {
    func messages(_ p: TestProgram) -> [String] {
        let s = p.scenario
        return PreChecks.run(s, Eligibility(s)).filter { $0.kind == .aggregateShortfall }.map(\.message)
    }

    @Test func totalNeedAgainstAllMoney() throws {
        var p = TestProgram()
        p.lab("labA")
        p.fellow("f1", cost: 100_000, ranks: ["labA"])
        p.fellow("f2", cost: 80_000, ranks: ["labA"])
        p.source("pool", budget: 150_000)
        let m = messages(p)
        #expect(m.count == 1)
        #expect(
            m[0].contains("need at least $180,000") && m[0].contains("holds $150,000") && m[0].contains("$30,000 short")
        )
        // The solver agrees: no placement.
        #expect(try p.solve().status == .infeasible)
    }

    @Test func nonCitizensAgainstTheMoneyThatMayPayThem() throws {
        var p = TestProgram()
        p.lab("labA")
        // Each non-citizen fits the pool alone; together they do not, though the money in all would do.
        p.fellow("c1", citizenship: .citizen, cost: 100_000, ranks: ["labA"])
        p.fellow("n1", citizenship: .other, cost: 60_000, external: 20_000, ranks: ["labA"])
        p.fellow("n2", citizenship: .other, cost: 40_000, ranks: ["labA"])
        p.source("t15", budget: 300_000, citizensOnly: true)
        p.source("pool", budget: 50_000)
        let m = messages(p)
        #expect(m.count == 1)
        #expect(
            m[0].contains("2 fellows can be paid only by pool") && m[0].contains("need at least $80,000")
                && m[0].contains("$30,000 short"))
        #expect(try p.solve().status == .infeasible)
    }

    @Test func anAreasMoneyAgainstTheNeedsOnlyItCovers() throws {
        var p = TestProgram()
        p.lab("labG", areas: ["genomics"])
        p.fellow("g1", citizenship: .other, interests: ["genomics"], cost: 90_000, ranks: ["labG"])
        p.fellow("g2", citizenship: .other, interests: ["genomics"], cost: 70_000, ranks: ["labG"])
        p.source("t15", budget: 1_000_000, citizensOnly: true)
        p.source("genome-grant", lab: "labG", budget: 100_000, areas: ["genomics"])
        let m = messages(p)
        #expect(
            m.contains {
                $0.contains("2 fellows can be paid only by genome-grant") && $0.contains("$160,000")
                    && $0.contains("$60,000 short")
            })
    }

    @Test func seatsAgainstTheFellowsWhoCanUseNothingElse() throws {
        var p = TestProgram()
        p.lab("labA", capacity: 2)
        p.lab("labB", capacity: 5)
        p.fellow("f1", ranks: ["labA"])
        p.fellow("f2", ranks: ["labA"])
        p.fellow("f3", ranks: ["labA"])
        p.fellow("f4", ranks: ["labA", "labB"])
        let m = messages(p)
        #expect(
            m == [
                "3 new fellows can go only to labA, which have 2 free places in all: 1 short (rule 4 in docs/scenario-format.md). Raise a capacity or widen their choices."
            ])
    }

    @Test func aScenarioThatAddsUpHasNoShortfall() throws {
        var p = TestProgram()
        p.lab("labA", capacity: 2)
        p.fellow("f1", cost: 50_000, ranks: ["labA"])
        p.fellow("f2", cost: 50_000, ranks: ["labA"])
        p.source("pool", budget: 100_000)
        #expect(messages(p).isEmpty)
        #expect(try p.solve().status == .optimal)
    }
}

/// Ties made visible (issue 17): two fellows who can swap.
@Suite struct TieTests {
    @Test func twoFellowsWhoCanSwapAreReported() throws {
        var p = TestProgram()
        p.lab("labA", capacity: 1)
        p.lab("labB", capacity: 1)
        p.fellow("f1", ranks: ["labA", "labB"])
        p.fellow("f2", ranks: ["labA", "labB"])
        let engine = PlacementEngine(solver: GLPKSolver())
        let base = try engine.run(p.scenario)
        let ties = engine.ties(p.scenario, base: base) { jobs in jobs.map { $0() } } ?? []
        // Either fellow may have labA: total rank 3 both ways.
        #expect(Set(ties.map(\.fellow)) == ["f1", "f2"])
        #expect(ties.allSatisfy { $0.lab != $0.alternative })
    }

    @Test func aUniqueBestPlacementHasNoTie() throws {
        var p = TestProgram()
        p.lab("labA", capacity: 1)
        p.lab("labB", capacity: 1)
        p.fellow("f1", ranks: ["labA", "labB"])
        p.fellow("f2", ranks: ["labB", "labA"])
        let engine = PlacementEngine(solver: GLPKSolver())
        let base = try engine.run(p.scenario)
        #expect(engine.ties(p.scenario, base: base) { jobs in jobs.map { $0() } } == [])
    }
}

/// The diagnosis lists several distinct fixes, each verified (issue 17).
@Suite struct DiagnosisAlternativeTests {
    @Test func twoWaysToMakeRoomAreBothListedAndEachWorks() throws {
        var p = TestProgram()
        p.lab("labA", capacity: 1)
        p.lab("labB", capacity: 1)
        p.fellow("f1", ranks: ["labA", "labB"])
        p.fellow("f2", ranks: ["labA", "labB"])
        p.fellow("f3", ranks: ["labA", "labB"])
        let o = try p.solve()
        #expect(o.status == .infeasible)
        let d = try #require(o.diagnosis)
        let sets = [d.changes] + d.alternatives
        let subjects = sets.map { $0.map(\.subject) }
        #expect(subjects.contains(["labA"]) && subjects.contains(["labB"]), "\(subjects)")
        // Each set on its own gives a placement.
        for set in sets {
            var q = p
            for c in set {
                if let i = q.labs.firstIndex(where: { $0.id == c.subject }), let n = c.needed { q.labs[i].capacity = n }
            }
            #expect(try q.solve().status == .optimal, "\(set.map(\.message))")
        }
    }

    @Test func aSeatComesBeforeMoneyAndAFlexiblePoolBeforeARestrictedGrant() throws {
        var p = TestProgram()
        p.lab("labA", capacity: 2)
        p.fellow("f1", citizenship: .citizen, cost: 50_000, ranks: ["labA"])
        p.fellow("f2", citizenship: .citizen, cost: 50_000, ranks: ["labA"])
        p.source("t15", budget: 60_000, citizensOnly: true)
        p.source("pool", budget: 10_000)
        let d = try #require(try p.solve().diagnosis)
        // $30,000 short: the pool (flexible) is proposed first, the citizens-only grant after.
        #expect(d.changes.map(\.subject) == ["pool"])
        #expect(d.alternatives.first?.map(\.subject) == ["t15"])
    }
}

/// explain names the smallest change that would give a fellow the lab they wanted (issue 17).
@Suite struct ExplainChangeTests {
    @Test func aFullLabThatALockHoldsNeedsOneMorePlace() throws {
        var p = TestProgram()
        p.lab("labA", capacity: 1)
        p.lab("labB", capacity: 2)
        p.fellow("f1", ranks: ["labA", "labB"])
        p.fellow("f2", ranks: ["labA", "labB"])
        p.rules = [PlacementRule(fellow: "f2", lab: "labA", kind: .lock, reason: "continues a project")]
        let engine = PlacementEngine(solver: GLPKSolver())
        let base = try engine.run(p.scenario)
        #expect(base.placement("f1")?.lab == "labB")
        let e = try engine.explain(p.scenario, base: base, fellow: "f1")
        guard case .needsChange(let changes, let objective, _) = e.better.first?.verdict else {
            Issue.record("expected the change that gives f1 labA: \(String(describing: e.better.first?.verdict))")
            return
        }
        #expect(changes.map(\.subject) == ["labA"] && changes.first?.needed == 2)
        #expect(objective == 2)  // both at their first choice once labA has two places
        let text = ExplainReport.statements(e, scenario: p.scenario).joined(separator: "\n")
        #expect(
            text.contains(
                "the smallest change that would make it possible: Lab labA needs 1 more place: capacity 1 → 2."))
    }
}
