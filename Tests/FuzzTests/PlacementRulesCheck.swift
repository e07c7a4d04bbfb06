import Domain
import PlacementSolver

/// The format's placement rules, checked on an outcome independently of the
/// engine (written from the rules' text, not from the engine's code).
enum PlacementRulesCheck {
    /// Every rule a placement breaks, in words (empty: it obeys every rule).
    static func violations(_ o: PlacementOutcome, _ s: Scenario) -> [String] {
        var found: [String] = []
        let placements = Dictionary(o.placements.map { ($0.fellow, $0) }, uniquingKeysWith: { a, _ in a })
        let labs = Dictionary(uniqueKeysWithValues: s.labs.map { ($0.id, $0) })
        let mentors = Dictionary(uniqueKeysWithValues: s.mentors.map { ($0.id, $0) })
        var labCount: [String: Int] = [:], mentorCount: [String: Int] = [:], paid: [String: Int] = [:]
        var trackCount: [String: Int] = [:]
        for f in s.fellows {
            guard let p = placements[f.id] else {
                found.append("\(f.id): no row")
                continue
            }
            if p.status == .unplaced {
                if f.isNew && !s.settings.allowUnplaced {
                    found.append("\(f.id) unplaced without allow_unplaced (rule 1)")
                }
                if s.rules.contains(where: { $0.fellow == f.id && $0.kind == .lock }) {
                    found.append("\(f.id) locked but unplaced")
                }
                if !p.funding.isEmpty { found.append("\(f.id) unplaced but paid") }
                continue
            }
            guard let labID = p.lab, let mentorID = p.mentor, let lab = labs[labID], let mentor = mentors[mentorID]
            else {
                found.append("\(f.id): placed without a known lab and mentor")
                continue
            }
            if mentor.lab != labID { found.append("\(f.id): mentor \(mentorID) is not in \(labID) (rule 1)") }
            if f.isNew {
                trackCount[f.track, default: 0] += 1
                if !s.preferences.contains(where: { $0.fellow == f.id && $0.lab == labID }) {
                    found.append("\(f.id): \(labID) not ranked (rule 2)")
                }
                if Set(lab.areas).isDisjoint(with: f.interests) {
                    found.append("\(f.id): no shared area with \(labID) (rule 3)")
                }
                if !mentor.areas.isEmpty && Set(mentor.areas).isDisjoint(with: f.interests) {
                    found.append("\(f.id): no shared area with \(mentorID) (rule 3)")
                }
            } else if labID != f.lab || mentorID != f.mentor {
                found.append("\(f.id): continuing fellow moved")
            }
            labCount[labID, default: 0] += 1
            mentorCount[mentorID, default: 0] += 1
            let cost = s.costs.first { $0.fellow == f.id && $0.lab == labID }?.cost ?? f.cost
            let need = max(0, cost - f.externalFunding)
            let total = p.funding.reduce(0) { $0 + $1.cents }
            if abs(total - need * 100) > 100 {
                found.append("\(f.id): paid \(total) cents of a need of \(need) dollars (rule 5)")
            }
            for share in p.funding {
                guard let source = s.funding.first(where: { $0.id == share.source }) else {
                    found.append("\(f.id): unknown source")
                    continue
                }
                if share.cents < 0 { found.append("\(f.id): negative amount") }
                if let l = source.lab, l != labID {
                    found.append("\(f.id): paid by \(source.id) of another lab (rule 5)")
                }
                if source.citizensOnly && f.citizenship == .other {
                    found.append("\(f.id): paid by citizens-only \(source.id) (rule 5)")
                }
                if !source.areas.isEmpty && Set(source.areas).isDisjoint(with: f.interests) {
                    found.append("\(f.id): paid by \(source.id) outside its areas")
                }
                paid[source.id, default: 0] += share.cents
            }
            for rule in s.rules where rule.fellow == f.id {
                let here = rule.lab == labID && (rule.mentor == nil || rule.mentor == mentorID)
                if rule.kind == .lock && !here { found.append("\(f.id): lock on line \(rule.line) broken (rule 6)") }
                if rule.kind == .forbid && here { found.append("\(f.id): forbid on line \(rule.line) broken (rule 6)") }
            }
        }
        for l in s.labs where labCount[l.id, default: 0] > l.capacity {
            found.append("lab \(l.id) over capacity (rule 4)")
        }
        for m in s.mentors where mentorCount[m.id, default: 0] > m.capacity {
            found.append("mentor \(m.id) over capacity (rule 4)")
        }
        for source in s.funding where paid[source.id, default: 0] > source.budget * 100 + 100 {
            found.append("\(source.id) over budget (rule 5)")
        }
        for (track, limit) in s.settings.tracks {
            let n = trackCount[track, default: 0]
            if let lo = limit.minNew, n < lo { found.append("track \(track) below min_new (rule 7)") }
            if let hi = limit.maxNew, n > hi { found.append("track \(track) above max_new (rule 7)") }
        }
        return found
    }
}
