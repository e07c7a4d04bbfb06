import Domain
import PlacementSolver
import Testing

@Suite struct PlacementRuleTests {
    @Test func fellowIsNeverPaidFromCitizensOnlyGrantWhenNotEligible() throws {
        var p = TestProgram()
        p.lab("labA")
        p.lab("labB")
        p.source("nlm", budget: 1_000_000, citizensOnly: true)
        p.source("grantB", lab: "labB", budget: 50_000)
        p.fellow("f1", citizenship: .other, cost: 50_000, ranks: ["labA", "labB"])
        p.fellow("f2", citizenship: .permanentResident, cost: 50_000, ranks: ["labA", "labB"])
        let o = try p.solve()
        #expect(o.status == .optimal)
        // labA has no source that may pay a non-citizen: f1 goes to labB, paid by its grant.
        #expect(o.lab("f1") == "labB")
        #expect(o.paid("f1", by: "nlm") == 0)
        #expect(o.paid("f1", by: "grantB") == 5_000_000)
        // A permanent resident may be paid by the training grant.
        #expect(o.lab("f2") == "labA" && o.paid("f2", by: "nlm") == 5_000_000)
    }

    @Test func externalFundingLowersTheNeed() throws {
        var p = TestProgram()
        p.lab("labA")
        p.source("pool", budget: 15_000)
        p.fellow("f1", citizenship: .other, cost: 60_000, external: 45_000, ranks: ["labA"])
        let o = try p.solve()
        #expect(o.status == .optimal)
        #expect(o.placement("f1")?.need == 15_000)
        #expect(o.paid("f1", by: "pool") == 1_500_000)

        // $5,000 less external support: the need ($20,000) exceeds every source that may pay.
        p.fellows[0].externalFunding = 40_000
        let short = try p.solve()
        #expect(short.status == .infeasible)
        let finding = try #require(short.diagnosis?.findings.first)
        #expect(finding.kind == .noFundingForNonCitizen)
        #expect(finding.message.contains("only $40,000 of external funding"))
        #expect(finding.message.contains("hold $15,000 in all, less than the need of $20,000"))
    }

    @Test func fullyExternallyFundedFellowNeedsNoSource() throws {
        var p = TestProgram()
        p.lab("labA")
        p.fellow("f1", citizenship: .other, cost: 70_000, external: 75_000, ranks: ["labA"])
        let o = try p.solve()
        #expect(o.status == .optimal && o.lab("f1") == "labA" && o.placement("f1")?.funding == [])
    }

    @Test func continuingFellowsUseCapacityAndMoney() throws {
        var p = TestProgram()
        p.lab("labA", capacity: 2)
        p.lab("labB", capacity: 2)
        p.continuing("c1", lab: "labA", mentor: "mlabA", cost: 60_000)
        p.source("pool", budget: 120_000)
        p.source("grantB", lab: "labB", budget: 60_000)
        p.fellow("f1", cost: 60_000, ranks: ["labA", "labB"])
        p.fellow("f2", cost: 60_000, ranks: ["labA", "labB"])
        let o = try p.solve()
        #expect(o.status == .optimal)
        // One place left in labA; the pool pays c1 and one new fellow, labB's grant the other.
        #expect(Set([o.lab("f1"), o.lab("f2")]) == ["labA", "labB"])
        #expect(o.paid("c1", by: "pool") == 6_000_000)
        #expect(o.used("pool") == 12_000_000 && o.used("grantB") == 6_000_000)
        #expect(o.objective == 3)
    }

    @Test func mentorCapacityCountsContinuingFellows() throws {
        var p = TestProgram()
        p.lab("labA", capacity: 5, mentors: [("m1", 1, []), ("m2", 2, [])])
        p.continuing("c1", lab: "labA", mentor: "m1")
        p.fellow("f1", ranks: ["labA"])
        let o = try p.solve()
        #expect(o.placement("f1")?.mentor == "m2")
    }

    @Test func locksAndForbidsHold() throws {
        var p = TestProgram()
        p.lab("labA", mentors: [("m1", 3, []), ("m2", 3, [])])
        p.lab("labB")
        p.fellow("locked", ranks: ["labA", "labB"])
        p.fellow("forbidden", ranks: ["labA", "labB"])
        p.fellow("mentorForbidden", ranks: ["labA", "labB"])
        p.rules = [
            PlacementRule(fellow: "locked", lab: "labB", kind: .lock, reason: "project continues"),
            PlacementRule(fellow: "forbidden", lab: "labA", kind: .forbid),
            PlacementRule(fellow: "mentorForbidden", lab: "labA", mentor: "m1", kind: .forbid)
        ]
        let o = try p.solve()
        #expect(o.lab("locked") == "labB")
        #expect(o.lab("forbidden") == "labB")
        #expect(o.lab("mentorForbidden") == "labA" && o.placement("mentorForbidden")?.mentor == "m2")
    }

    @Test func lockWithMentorPlacesWithThatMentor() throws {
        var p = TestProgram()
        p.lab("labA", mentors: [("m1", 3, []), ("m2", 3, [])])
        p.fellow("f1", ranks: ["labA"])
        p.rules = [PlacementRule(fellow: "f1", lab: "labA", mentor: "m2", kind: .lock)]
        #expect(try p.solve().placement("f1")?.mentor == "m2")
    }

    @Test func trackLimitsHold() throws {
        var p = TestProgram()
        p.settings.allowUnplaced = true
        p.settings.tracks["imaging"] = TrackLimit(maxNew: 1)
        p.lab("labA")
        p.fellow("i1", track: "imaging", ranks: ["labA"])
        p.fellow("i2", track: "imaging", ranks: ["labA"])
        p.fellow("c1", track: "clinical", ranks: ["labA"])
        let o = try p.solve()
        #expect(o.status == .optimal)
        #expect(o.unplaced.count == 1 && ["i1", "i2"].contains(o.unplaced[0]))
        #expect(o.placement(o.unplaced[0])?.status == .unplaced)
        #expect(o.objective == 1002)  // two placed at rank 1, one unplaced at 1000
    }

    @Test func trackMinimumThatCannotBeMetIsAPreCheck() throws {
        var p = TestProgram()
        p.settings.allowUnplaced = true
        p.settings.tracks["bioinformatics"] = TrackLimit(minNew: 2)
        p.lab("labA")
        p.fellow("b1", track: "bioinformatics", ranks: ["labA"])
        let o = try p.solve()
        #expect(o.status == .infeasible)
        #expect(o.diagnosis?.findings.first?.kind == .trackLimit)
        #expect(o.diagnosis?.findings.first?.message.contains("at least 2") == true)
    }

    @Test func interestsMustMatchFundedAreas() throws {
        var p = TestProgram()
        p.lab("labA", areas: ["genomics"])
        p.lab("labB", areas: ["nlp", "sepsis"], mentors: [("m1", 3, ["sepsis"]), ("m2", 3, ["nlp"])])
        p.fellow("f1", interests: ["nlp"], ranks: ["labA", "labB"])
        let o = try p.solve()
        #expect(o.lab("f1") == "labB" && o.placement("f1")?.mentor == "m2")
        let e = Eligibility(p.scenario)
        #expect(e.exclusions[0]?.first.map { if case .noSharedArea = $0.reason { true } else { false } } == true)
    }

    @Test func areaRestrictedGrantPaysOnlyMatchingFellows() throws {
        var p = TestProgram()
        p.lab("labA", areas: ["nlp", "imaging"])
        p.source("nlpGrant", lab: "labA", budget: 100_000, areas: ["nlp"])
        p.source("pool", budget: 100_000)
        p.fellow("f1", interests: ["imaging"], cost: 40_000, ranks: ["labA"])
        let o = try p.solve()
        #expect(o.paid("f1", by: "nlpGrant") == 0 && o.paid("f1", by: "pool") == 4_000_000)
    }

    @Test func costOverridesApplyPerLab() throws {
        var p = TestProgram()
        p.lab("labA")
        p.lab("labB")
        p.source("pool", budget: 70_000)
        p.fellow("f1", cost: 60_000, ranks: ["labA", "labB"])
        p.costs = [CostOverride(fellow: "f1", lab: "labA", cost: 80_000)]
        let o = try p.solve()
        // $80,000 at labA is more than the pool holds: second choice.
        #expect(o.lab("f1") == "labB" && o.placement("f1")?.need == 60_000)
    }

    @Test func mentorRanksEnterTotalRankWithTheirWeight() throws {
        var p = TestProgram()
        p.settings.mentorWeight = 0.5
        p.lab("labA", mentors: [("m1", 1, []), ("m2", 1, [])])
        p.fellow("f1", ranks: ["labA"])
        p.fellow("f2", ranks: ["labA"])
        // m1 ranks f2 first (cost 0) and f1 second (cost 1); m2 ranks nobody (cost 0).
        // f2→m1, f1→m2: 1 + 1 + 0.5·(0 + 0) = 2; f1→m1, f2→m2: 2 + 0.5·1 = 2.5.
        p.mentorPreferences = [
            MentorPreference(mentor: "m1", fellow: "f2", rank: 1), MentorPreference(mentor: "m1", fellow: "f1", rank: 2)
        ]
        let o = try p.solve()
        #expect(o.placement("f2")?.mentor == "m1" && o.placement("f1")?.mentor == "m2")
        #expect(o.objective == 2)
    }

    /// The amended rule (2026-12-01): a mentor's first choice costs 0, so a
    /// mentor who wants a fellow never pushes them to a worse-ranked lab
    /// whose mentor expressed no preference. Hand-solved: labA (f1's first
    /// choice, mentor mA who ranked f1 first) costs 1 + 1.5·0 = 1; labB
    /// (second choice, mB who ranked nobody) costs 2 + 1.5·0 = 2. The first
    /// version counted mA's first choice as 1: labA 2.5, labB 2, so f1 went
    /// away from the mentor who wanted them.
    @Test func aMentorsFirstChoiceWinsOverAMentorWithoutPreferences() throws {
        var p = TestProgram()
        p.settings.mentorWeight = 1.5
        p.lab("labA", mentors: [("mA", 1, [])])
        p.lab("labB", mentors: [("mB", 1, [])])
        p.fellow("f1", ranks: ["labA", "labB"])
        p.mentorPreferences = [MentorPreference(mentor: "mA", fellow: "f1", rank: 1)]
        let o = try p.solve()
        #expect(o.lab("f1") == "labA" && o.placement("f1")?.mentor == "mA")
        #expect(o.objective == 1)
    }

    /// A pair the mentor did not rank costs the largest rank they gave (as if
    /// ranked just below their last choice): m1 ranked f2 at 3, so placing f1
    /// with m1 costs 1 (f1's rank of labA) + 1·3.
    @Test func anUnrankedPairCostsTheMentorsLargestRank() throws {
        var p = TestProgram()
        p.settings.mentorWeight = 1
        p.lab("labA", mentors: [("m1", 1, [])])
        p.lab("labB", mentors: [("m2", 1, [])])
        p.fellow("f1", ranks: ["labA"])
        p.fellow("f2", ranks: ["labB"])
        p.mentorPreferences = [MentorPreference(mentor: "m1", fellow: "f2", rank: 3)]
        let o = try p.solve()
        #expect(o.lab("f1") == "labA" && o.objective == 1 + 3 + 1)
    }

    @Test func scoreObjectiveMaximisesScores() throws {
        var p = TestProgram()
        p.settings.objective = .score
        p.lab("labA", capacity: 1)
        p.lab("labB", capacity: 1)
        p.fellow("f1", ranks: ["labA", "labB"], scores: [10, 6])
        p.fellow("f2", ranks: ["labA", "labB"], scores: [9, 1])
        let o = try p.solve()
        // f1→B, f2→A scores 15; f1→A, f2→B scores 11.
        #expect(o.objective == 15 && o.lab("f2") == "labA")
    }

    @Test func unplacedFellowsArePenalisedAndReported() throws {
        var p = TestProgram()
        p.settings.allowUnplaced = true
        p.settings.unplacedPenalty = 50
        p.lab("labA", capacity: 1)
        p.fellow("f1", ranks: ["labA"])
        p.fellow("f2", ranks: ["labA"])
        let o = try p.solve()
        #expect(o.status == .optimal && o.objective == 51 && o.unplaced.count == 1)
        #expect(o.placement(o.unplaced[0])?.funding == [])
    }

    @Test func restrictedMoneyIsSpentFirst() throws {
        var p = TestProgram()
        p.lab("labA")
        p.source("pool", budget: 200_000)
        p.source("nlm", budget: 200_000, citizensOnly: true)
        p.source("grantA", lab: "labA", budget: 50_000)
        p.fellow("f1", cost: 60_000, ranks: ["labA"])
        let o = try p.solve()
        // The lab's grant first, then the citizens-only grant; the unrestricted pool stays untouched.
        #expect(o.paid("f1", by: "grantA") == 5_000_000)
        #expect(o.paid("f1", by: "nlm") == 1_000_000)
        #expect(o.paid("f1", by: "pool") == 0)
    }

    @Test func fundingSplitsSumToTheNeed() throws {
        var p = TestProgram()
        p.lab("labA", capacity: 3)
        p.source("s1", budget: 50_000)
        p.source("s2", budget: 50_000)
        p.fellow("f1", cost: 33_333, ranks: ["labA"])
        p.fellow("f2", cost: 33_333, ranks: ["labA"])
        p.fellow("f3", cost: 33_334, ranks: ["labA"])
        let o = try p.solve()
        for f in ["f1", "f2", "f3"] {
            let row = try #require(o.placement(f))
            #expect(row.funding.reduce(0) { $0 + $1.cents } == row.need * 100)
        }
        #expect(o.used("s1") <= 5_000_000 && o.used("s2") <= 5_000_000)
    }
}
