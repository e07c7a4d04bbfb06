import Modeling

extension PlacementModel {
    /// Rule 4, capacity: continuing fellows count against the same limits.
    ///
    ///     Σ_{f,m} assign(f,l,m) ≤ capacity(l) − continuing(l)     for every lab l
    ///     Σ_{f,l} assign(f,l,m) ≤ capacity(m) − continuing(m)     for every mentor m
    ///
    /// Rows are written only for labs and mentors some choice uses; in the
    /// elastic model each may exceed its limit at a cost.
    mutating func addCapacity() {
        let s = scenario
        var byLab: [Int: [Int]] = [:], byMentor: [Int: [Int]] = [:]
        for (ci, c) in eligibility.choices.enumerated() {
            byLab[c.lab, default: []].append(ci)
            byMentor[c.mentor, default: []].append(ci)
        }
        let continuingInLab = eligibility.continuingInLab, continuingWithMentor = eligibility.continuingWithMentor
        for li in s.labs.indices {
            guard let cs = byLab[li] else { continue }
            let lab = s.labs[li]
            addCapacityRow(
                cs, room: lab.capacity - (continuingInLab[lab.id] ?? 0), limit: .labCapacity(lab: li),
                name: "lab(\(tag(lab.id)))", rowName: "capacity(\(tag(lab.id)))")
        }
        for mi in s.mentors.indices {
            guard let cs = byMentor[mi] else { continue }
            let mentor = s.mentors[mi]
            addCapacityRow(
                cs, room: mentor.capacity - (continuingWithMentor[mentor.id] ?? 0), limit: .mentorCapacity(mentor: mi),
                name: "mentor(\(tag(mentor.id)))", rowName: "capacity(\(tag(mentor.id)))")
        }
    }

    /// `Σ assign over choices ≤ room`, written only if it can bind (more
    /// choices than room); in the elastic model the limit may give.
    mutating func addCapacityRow(_ choices: [Int], room: Int, limit: Relaxation.Limit, name: String, rowName: String) {
        guard choices.count > room else { return }
        var row = choices.sum { assign[$0] }
        if elastic { row -= relax(limit, name: name, maximum: Double(newFellows.count)) }
        model.add(row <= Double(room), name: rowName)
    }
}
