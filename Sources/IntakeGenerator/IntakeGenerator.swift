import Domain

/// Writes realistic intakes of any size, from a seed: a consortium of
/// institutions with labs in four tracks, mentors, continuing fellows, a
/// citizens-only federal training grant, institutional pools and
/// area-restricted lab grants, 3–8 ranked labs per new fellow, costs that
/// differ by institution, and non-citizens with full, partial or no
/// external support. Used by the benchmarks and their tests.
public struct IntakeGenerator: Sendable {
    public var newFellows: Int
    public var seed: UInt64
    /// With a seminar series (sessions and availability; see ``SeminarSeries``).
    public var seminars: Bool
    /// With rule 8's appointment rules: the training grant a `training-grant`
    /// with as many slots as its budget pays median costs, the pool
    /// `institutional`, lab grants `federal` (see ``appointing(_:)``).
    public var appointmentRules: Bool
    /// The seminar series' shape: ``SeminarSeries`` (`weekly`) or ``TightSeminarSeries`` (`tight`).
    public var series: Series
    /// Mentors' rankings of the new fellows (mentor_preferences.csv), or none (see ``MentorRanks``).
    public var mentorRanks: MentorRanks?

    /// The two generators of seminar series.
    public enum Series: String, Sendable, CaseIterable {
        /// Weekly sessions of two talks, about 70 % of the seats used (``SeminarSeries``).
        case weekly
        /// One talk per session, barely more sessions than talks, absences in blocks (``TightSeminarSeries``).
        case tight
    }

    public init(
        newFellows: Int, seed: UInt64 = 2026, seminars: Bool = true, appointmentRules: Bool = false,
        series: Series = .weekly, mentorRanks: MentorRanks? = nil
    ) {
        self.newFellows = newFellows
        self.seed = seed
        self.seminars = seminars
        self.appointmentRules = appointmentRules
        self.series = series
        self.mentorRanks = mentorRanks
    }

    /// The scenario with kinds and slots (drawn from nothing: the rest of the
    /// intake is the same with or without them).
    public static func appointing(_ scenario: Scenario) -> Scenario {
        var s = scenario
        let costs = s.fellows.map(\.cost).sorted()
        let median = max(costs.isEmpty ? 1 : costs[costs.count / 2], 1)
        for i in s.funding.indices {
            if s.funding[i].citizensOnly {
                s.funding[i].kind = .trainingGrant
                s.funding[i].slots = s.funding[i].budget / median
            } else {
                s.funding[i].kind = s.funding[i].lab == nil ? .institutional : .federal
            }
        }
        return s
    }

    static let tracks: [(String, [String])] = [
        ("clinical", ["clinical-nlp", "decision-support", "sepsis", "patient-safety", "ehr-phenotyping", "pediatrics"]),
        (
            "population-health",
            ["epidemiology", "surveillance", "health-equity", "maternal-health", "causal-inference", "global-health"]
        ),
        (
            "imaging",
            ["radiomics", "imaging-ai", "digital-pathology", "ophthalmology-ai", "cardiac-imaging", "neuroimaging"]
        ),
        (
            "bioinformatics",
            ["genomics", "single-cell", "variant-interpretation", "proteomics", "microbiome", "pharmacogenomics"]
        )
    ]

    static let institutionKinds = [
        "Medical School", "Children's Hospital", "General Hospital", "Women's Hospital", "Medical Center",
        "School of Public Health", "City Medical Center", "University Medical Center", "Technical University"
    ]

    public func scenario() -> Scenario {
        var rng = SeededRandom(seed: seed &+ UInt64(newFellows))
        let n = newFellows
        let continuingCount = n * 3 / 4
        let labCount = max(8, n / 2)
        let institutions = max(3, min(60, labCount / 6))
        // Institutions differ in fees and insurance: a surcharge per institution.
        let surcharge = (0..<institutions).map { _ in rng.int(0...6) * 1_000 }

        var labs: [Lab] = []
        var mentors: [Mentor] = []
        var labTrack: [Int] = []
        var labInstitution: [Int] = []
        for l in 0..<labCount {
            let t = l % 4
            let institution = rng.int(0...(institutions - 1))
            let areas = rng.sample(Self.tracks[t].1, rng.int(2...3))
            let id = "lab\(l + 1)"
            // Capacity leaves room for about 1.4 times the fellows there are.
            let capacity = rng.int(3...6)
            labs.append(
                Lab(
                    id: id, name: "Lab \(l + 1)",
                    institution:
                        "\(Self.institutionKinds[institution % Self.institutionKinds.count]) \(institution + 1)",
                    areas: areas, capacity: capacity))
            labTrack.append(t)
            labInstitution.append(institution)
            for m in 0..<rng.int(2...4) {
                let mAreas = rng.chance(0.5) ? [] : [rng.pick(areas)]
                mentors.append(
                    Mentor(
                        id: "m\(l + 1)-\(m + 1)", name: "Mentor \(l + 1).\(m + 1)", lab: id, areas: mAreas,
                        capacity: rng.int(1...3)))
            }
        }
        let mentorsOfLab = Dictionary(grouping: mentors.indices, by: { mentors[$0].lab })
        var labLoad = [Int](repeating: 0, count: labCount)
        var mentorLoad = [String: Int]()

        func citizenship() -> (Citizenship, Int) {
            let r = rng.int(0...99)
            if r < 78 { return (.citizen, 0) }
            if r < 90 { return (.permanentResident, 0) }
            let k = rng.int(0...9)
            return (.other, k < 5 ? 80_000 : k < 8 ? rng.int(20...50) * 1_000 : 0)
        }

        var fellows: [Fellow] = []
        // Continuing fellows sit in labs already, within capacity.
        var k = 0
        while fellows.count < continuingCount && k < continuingCount * 4 {
            k += 1
            let l = rng.int(0...(labCount - 1))
            guard labLoad[l] < labs[l].capacity - 1 else { continue }
            guard
                let mi = (mentorsOfLab[labs[l].id] ?? []).first(where: {
                    mentorLoad[mentors[$0].id, default: 0] < mentors[$0].capacity - 1
                })
            else { continue }
            labLoad[l] += 1
            mentorLoad[mentors[mi].id, default: 0] += 1
            let (c, ext) = citizenship()
            let interest = rng.pick(labs[l].areas)
            fellows.append(
                Fellow(
                    id: "c\(fellows.count + 1)", name: "Fellow C\(fellows.count + 1)",
                    track: Self.tracks[labTrack[l]].0,
                    citizenship: c, status: .continuing, lab: labs[l].id, mentor: mentors[mi].id,
                    interests: [interest], cost: 68_000 + surcharge[labInstitution[l]], externalFunding: ext))
        }
        // New fellows, each ranking 3–8 labs, mostly of their own track.
        var preferences: [Preference] = []
        var costs: [CostOverride] = []
        let labsOfTrack = (0..<4).map { t in (0..<labCount).filter { labTrack[$0] == t } }
        for f in 0..<n {
            let t = rng.int(0...3)
            let interests = rng.sample(Self.tracks[t].1, rng.int(2...3))
            let (c, ext) = citizenship()
            let id = "f\(f + 1)"
            let base = 66_000 + rng.int(0...8) * 1_000
            fellows.append(
                Fellow(
                    id: id, name: "Fellow \(f + 1)", track: Self.tracks[t].0, citizenship: c, interests: interests,
                    cost: base, externalFunding: ext))
            let own = labsOfTrack[t].filter { labs[$0].areas.sharesItem(with: interests) }
            let other = (0..<labCount).filter { labTrack[$0] != t }
            let wanted = rng.int(3...7)
            var ranked = rng.sample(own, wanted)
            if ranked.count < 3 {
                ranked += rng.sample(labsOfTrack[t].filter { !ranked.contains($0) }, 3 - ranked.count)
            }
            if ranked.count < 3 || rng.chance(0.3) { ranked += rng.sample(other, max(1, 3 - ranked.count)) }
            for (r, l) in ranked.prefix(8).enumerated() {
                preferences.append(Preference(fellow: id, lab: labs[l].id, rank: r + 1, score: Double(10 - r)))
                if surcharge[labInstitution[l]] > 0 {
                    costs.append(CostOverride(fellow: id, lab: labs[l].id, cost: base + surcharge[labInstitution[l]]))
                }
            }
        }
        // Money: a citizens-only training grant for about half of the need,
        // institutional pools, and area-restricted grants at most labs.
        let need = fellows.reduce(0) { $0 + max(0, $1.cost + 3_000 - $1.externalFunding) }
        var funding = [
            FundingSource(id: "nlm-t15", name: "Federal training grant", budget: need / 2, citizensOnly: true)
        ]
        funding.append(FundingSource(id: "pool", name: "Institutional fellowship pool", budget: need / 5))
        for (l, lab) in labs.enumerated() where rng.chance(0.7) {
            funding.append(
                FundingSource(
                    id: "grant-\(lab.id)", name: "Research grant of Lab \(l + 1)", lab: lab.id,
                    budget: rng.int(1...3) * 75_000, areas: rng.sample(lab.areas, rng.int(1...2))))
        }
        var settings = ScenarioSettings(name: "Generated intake of \(n)")
        settings.intake = "seed \(seed)"
        settings.allowUnplaced = true
        var scenario = Scenario(
            settings: settings, fellows: fellows, labs: labs, mentors: mentors, funding: funding,
            preferences: preferences, costs: costs)
        if let mentorRanks { scenario.mentorPreferences = mentorRanks.preferences(scenario, seed: seed) }
        // Drawn after everything else, so the placement part is the same with or without it.
        if seminars {
            switch series {
            case .weekly: SeminarSeries.add(to: &scenario, rng: &rng)
            case .tight: TightSeminarSeries(seed: seed).add(to: &scenario)
            }
        }
        return appointmentRules ? Self.appointing(scenario) : scenario
    }
}
