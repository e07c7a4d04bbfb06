import Domain
import GLPKBackend
import Synchronization
import Testing

@testable import PlacementSolver

/// Rule 8 solved through its relaxation (``AppointmentModelling``): cases
/// worked out by hand where the relaxation's placement cannot be paid under
/// rule 8, so the exact model must decide.
@Suite struct AppointmentRelaxationTests {
    /// A T32 with one slot at lab A, which continuing trainee t (paid only by
    /// it) holds; new fellow n ranks A, then B.
    static func slotOfAContinuingTrainee() -> TestProgram {
        var p = TestProgram()
        p.lab("A")
        p.lab("B")
        p.source("t32", lab: "A", budget: 100_000, citizensOnly: true, kind: .trainingGrant, slots: 1)
        p.source("poolA", lab: "A", budget: 30_000, areas: ["b"], kind: .institutional)
        p.source("grantB", lab: "B", budget: 50_000, kind: .institutional)
        p.continuing("t", lab: "A", mentor: "mA", cost: 30_000)
        p.fellow("n", interests: ["a", "b"], cost: 50_000, ranks: ["A", "B"])
        return p
    }

    @Test func aContinuingTraineeHoldsTheOnlySlot() throws {
        // The T32's one slot can pay n $50,000 or t $30,000, so the
        // relaxation caps it at $50,000 in all, $20,000 beyond t's committed
        // $30,000: it pays n at A with T32 $20,000 + poolA $30,000. Under
        // rule 8 the slot is t's (t is continuing at A and only the T32 may
        // pay t), so n cannot be paid at A and goes to B, rank 2.
        let p = Self.slotOfAContinuingTrainee()
        let o = try p.solve()
        #expect(o.status == .optimal && o.lab("n") == "B" && o.paid("t", by: "t32") == 3_000_000)
        let relaxed = try PlacementEngine(solver: GLPKSolver()).place(p.scenario, previous: nil, appointments: .relaxed)
        #expect(relaxed.splitMissing)
    }

    @Test func withoutTheExactModelARunIsLeftUnsettled() throws {
        // The same program: a run that may not solve rule 8's exact model
        // says it is not settled instead of returning the relaxation's placement.
        let p = Self.slotOfAContinuingTrainee()
        let r = try PlacementEngine(solver: GLPKSolver()).run(p.scenario, previous: nil, exactFallback: false)
        #expect(!r.settled)
    }

    /// The engine's outcome for `s`, with every placement `whenDecided` was told, in order.
    static func runTelling(_ s: Scenario) throws -> (PlacementOutcome, [[FellowPlacement]?]) {
        let told = Mutex<[[FellowPlacement]?]>([])
        var engine = PlacementEngine(solver: GLPKSolver())
        engine.whenDecided = { rows in told.withLock { $0.append(rows) } }
        let o = try engine.run(s)
        return (o, told.withLock { $0 })
    }

    @Test func whoGoesWhereIsToldSetAsideAndToldAgainAndTheLastIsTheOutcomes() throws {
        // The same program: the relaxation's placement (n at A) is told, set
        // aside when its split finds nothing, then the exact model's (n at B),
        // which the outcome holds.
        let p = Self.slotOfAContinuingTrainee()
        let (o, all) = try Self.runTelling(p.scenario)
        #expect(all.count == 3)
        #expect(all.first??.first { $0.fellow == "n" }?.lab == "A")
        #expect(all.count > 1 && all[1] == nil)
        let last = try #require(all.last ?? nil)
        #expect(last.map(\.fellow) == o.placements.map(\.fellow))
        for (row, placed) in zip(last, o.placements) {
            #expect(row.status == placed.status && row.lab == placed.lab && row.mentor == placed.mentor)
            #expect(row.rank == placed.rank && row.funding.isEmpty)
        }
        #expect(o.lab("n") == "B")
    }

    @Test func aPlacementWhoseSplitStandsIsToldOnce() throws {
        // Without rule 8's slots the relaxation is exact: n goes to A, told once.
        var p = TestProgram()
        p.lab("A")
        p.lab("B")
        p.source("poolA", lab: "A", budget: 50_000, kind: .institutional)
        p.fellow("n", cost: 50_000, ranks: ["A", "B"])
        let (o, all) = try Self.runTelling(p.scenario)
        #expect(all.count == 1)
        #expect(all.first??.map(\.lab) == o.placements.map(\.lab) && o.lab("n") == "A")
    }
}
