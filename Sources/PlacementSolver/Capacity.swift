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
        var continuingInLab: [String: Int] = [:], continuingWithMentor: [String: Int] = [:]
        for f in s.fellows where !f.isNew {
            if let l = f.lab { continuingInLab[l, default: 0] += 1 }
            if let m = f.mentor { continuingWithMentor[m, default: 0] += 1 }
        }
        let seats = Double(newFellows.count)
        for li in s.labs.indices {
            guard let cs = byLab[li] else { continue }
            let lab = s.labs[li]
            var row = cs.sum { assign[$0] }
            let room = Double(lab.capacity - (continuingInLab[lab.id] ?? 0))
            if elastic, cs.count > Int(room) {
                row -= relax(.labCapacity(lab: li), name: "lab(\(tag(lab.id)))", maximum: seats)
            }
            if cs.count > Int(room) || elastic {
                model.add(row <= room, name: "capacity(\(tag(lab.id)))")
            }
        }
        for mi in s.mentors.indices {
            guard let cs = byMentor[mi] else { continue }
            let mentor = s.mentors[mi]
            var row = cs.sum { assign[$0] }
            let room = Double(mentor.capacity - (continuingWithMentor[mentor.id] ?? 0))
            if elastic, cs.count > Int(room) {
                row -= relax(.mentorCapacity(mentor: mi), name: "mentor(\(tag(mentor.id)))", maximum: seats)
            }
            if cs.count > Int(room) || elastic {
                model.add(row <= room, name: "capacity(\(tag(mentor.id)))")
            }
        }
    }
}
