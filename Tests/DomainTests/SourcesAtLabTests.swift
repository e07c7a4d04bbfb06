import Testing

@testable import Domain

/// The sources that may pay a fellow at a lab, found among the lab's few
/// (`SourcesAtLab`), against the rule applied to every source of the program.
@Suite struct SourcesAtLabTests {
    /// SplitMix64: the same draws on every platform.
    struct Draws {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(n))
        }
    }

    static let areas = ["genomics", "imaging", "nlp", "epidemiology"]

    /// A program of `labs` labs whose sources are drawn at random: program-wide or a
    /// lab's (or a lab's not in labs.csv), citizens-only or not, with or without areas.
    static func program(seed: UInt64, labs: Int, sources: Int, fellows: Int) -> Scenario {
        var d = Draws(state: seed)
        let labList = (0..<labs).map { Lab(id: "L\($0)", name: "Lab \($0)", areas: [areas[$0 % 4]], capacity: 2) }
        let funding = (0..<sources).map { i -> FundingSource in
            let owner = d.next(labs + 2)
            return FundingSource(
                id: "S\(i)", lab: owner < labs ? "L\(owner)" : owner == labs ? "elsewhere" : nil, budget: 1_000,
                citizensOnly: d.next(3) == 0, areas: d.next(2) == 0 ? [] : [areas[d.next(4)]])
        }
        let fellowList = (0..<fellows).map { i in
            Fellow(
                id: "F\(i)", track: "clinical", citizenship: Citizenship.allCases[d.next(3)],
                interests: [areas[d.next(4)], areas[d.next(4)]], cost: 100)
        }
        return Scenario(
            settings: ScenarioSettings(name: "t"), fellows: fellowList, labs: labList, mentors: [],
            funding: funding, preferences: [])
    }

    @Test func theLabsFewSourcesGiveWhatEverySourceGives() {
        for seed in UInt64(1)...40 {
            let s = Self.program(seed: seed, labs: 1 + Int(seed % 5), sources: Int(seed % 13), fellows: 6)
            let sources = SourcesAtLab(s)
            for f in s.fellows {
                for lab in s.labs.map(\.id) + ["elsewhere", "no such lab"] {
                    let everySource = s.funding.indices.filter { s.funding[$0].mayPay(for: f, at: lab) }
                    #expect(sources.payers(for: f, at: lab) == everySource, "seed \(seed), \(f.id) at \(lab)")
                    let candidates = sources.candidates(at: lab)
                    #expect(candidates == candidates.sorted() && Set(candidates).count == candidates.count)
                }
            }
        }
    }

    @Test func aLabsCandidatesAreTheProgramWideAndItsOwnInInputOrder() {
        let s = Scenario(
            settings: ScenarioSettings(name: "t"), fellows: [], labs: [], mentors: [],
            funding: [
                FundingSource(id: "a", lab: "L1", budget: 1), FundingSource(id: "pool", budget: 1),
                FundingSource(id: "b", lab: "L2", budget: 1), FundingSource(id: "c", lab: "L1", budget: 1),
                FundingSource(id: "t15", budget: 1)
            ], preferences: [])
        let sources = SourcesAtLab(s)
        #expect(sources.candidates(at: "L1") == [0, 1, 3, 4])
        #expect(sources.candidates(at: "L2") == [1, 2, 4])
        #expect(sources.candidates(at: "L3") == [1, 4])
    }
}
