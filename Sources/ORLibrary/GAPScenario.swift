import Domain

extension GAPInstance {
    /// The instance as a scenario, as `Tests/Data/gap/README.md` says:
    /// one lab per agent (capacity n, one mentor of capacity n, one funding
    /// source of that lab with budget b[i]); one citizen fellow per job (cost
    /// 0, no external funding) with `costs.csv` giving a[i][j]; every fellow
    /// ranks every lab. Minimisation: rank = c[i][j], objective total-rank;
    /// maximisation: score = c[i][j], objective score. One area, `gap`.
    public func scenario() -> Scenario {
        var settings = ScenarioSettings(name: name)
        settings.objective = sense == .max ? .score : .totalRank
        let labs = (0..<agents).map { Lab(id: "lab\($0 + 1)", areas: ["gap"], capacity: jobs) }
        let mentors = (0..<agents).map { Mentor(id: "mentor\($0 + 1)", lab: "lab\($0 + 1)", capacity: jobs) }
        let funding = (0..<agents).map {
            FundingSource(id: "budget\($0 + 1)", lab: "lab\($0 + 1)", budget: capacity[$0])
        }
        let fellows = (0..<jobs).map {
            Fellow(id: "job\($0 + 1)", track: "gap", citizenship: .citizen, interests: ["gap"], cost: 0)
        }
        var preferences: [Preference] = []
        var costs: [CostOverride] = []
        for j in 0..<jobs {
            for i in 0..<agents {
                if sense == .max {
                    preferences.append(
                        Preference(fellow: "job\(j + 1)", lab: "lab\(i + 1)", rank: 1, score: Double(cost[i][j])))
                } else {
                    preferences.append(Preference(fellow: "job\(j + 1)", lab: "lab\(i + 1)", rank: cost[i][j]))
                }
                costs.append(CostOverride(fellow: "job\(j + 1)", lab: "lab\(i + 1)", cost: resource[i][j]))
            }
        }
        return Scenario(
            settings: settings, fellows: fellows, labs: labs, mentors: mentors, funding: funding,
            preferences: preferences, costs: costs)
    }
}
