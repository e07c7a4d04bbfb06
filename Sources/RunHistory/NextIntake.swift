import Domain

/// Next year's scenario from this year's official match.
///
/// - This year's new fellows placed by the official match become continuing
///   fellows with that lab and mentor (and their track, citizenship, cost,
///   external funding and interests); their cost overrides at that lab stay.
///   Their `experience` goes up one year, and a cost from `[stipends]
///   levels` with it (one level up).
/// - This year's continuing fellows graduate and leave, as do withdrawn and
///   unplaced fellows.
/// - Labs, mentors and funding sources are copied as they are, for the
///   coordinator to edit; `preferences.csv` is left with its header for the
///   new applicants. Rules, mentors' preferences, sessions and availability
///   belonged to this year and are not copied. Thesis-committee data stays:
///   faculty.csv, mentors' committee columns, `[committee]`, and the
///   conflicts of fellows who stay.
/// - The intake label moves on a year (`2026-27` → `2027-28`); track limits,
///   a decision about one intake's new fellows, are not carried over.
public enum NextIntake {
    public static func scenario(from s: Scenario, official: RunRecord) -> (Scenario, [String]) {
        var settings = s.settings
        settings.intake = s.settings.intake.map(nextLabel)
        // Track limits are a decision about one intake's new fellows.
        let hadTrackLimits = !settings.tracks.isEmpty
        settings.tracks = [:]
        let placed = Dictionary(
            official.placements.filter { $0.status == .new && $0.lab != nil && $0.mentor != nil }.map {
                ($0.fellow, $0)
            },
            uniquingKeysWith: { a, _ in a })
        let labIDs = Set(s.labs.map(\.id)), mentorIDs = Set(s.mentors.map(\.id))
        var fellows: [Fellow] = []
        var notes: [String] = []
        for f in s.fellows where f.isNew {
            guard let p = placed[f.id], let lab = p.lab, let mentor = p.mentor else {
                notes.append("\(f.name) (\(f.id)) was not placed by the official match and is not carried over")
                continue
            }
            guard labIDs.contains(lab), mentorIDs.contains(mentor) else {
                notes.append(
                    "\(f.name) (\(f.id)): lab \(lab) or mentor \(mentor) is no longer in the scenario; not carried over"
                )
                continue
            }
            fellows.append(continuing(f, lab: lab, mentor: mentor, stipends: s.settings.stipends))
        }
        let graduating = s.fellows.filter { !$0.isNew }.count
        if graduating > 0 {
            notes.append(
                "\(graduating) second-year fellow\(graduating == 1 ? " graduates" : "s graduate") and leave\(graduating == 1 ? "s" : "")"
            )
        }
        if !s.withdrawn.isEmpty {
            notes.append(
                "\(s.withdrawn.count) withdrawn fellow\(s.withdrawn.count == 1 ? " is" : "s are") not carried over")
        }
        if hadTrackLimits {
            notes.append(
                "this intake's track limits are not carried over: set [tracks.NAME] again in scenario.toml if needed")
        }
        let carried = Set(fellows.map(\.id))
        let costs = s.costs.filter { c in carried.contains(c.fellow) && placed[c.fellow]?.lab == c.lab }
        var next = Scenario(
            settings: settings, fellows: fellows, labs: s.labs, mentors: s.mentors, funding: s.funding, preferences: [],
            costs: costs)
        next.sessions = nil
        // Thesis committees: the faculty and mentors' committee columns stay; conflicts of fellows who stay, too.
        next.faculty = s.faculty
        next.mentorsHaveCommitteeColumns = s.mentorsHaveCommitteeColumns
        next.conflicts = s.conflicts.filter { carried.contains($0.fellow) }
        notes.append(
            "add the new fellows to fellows.csv and their ranked labs to preferences.csv; add this year's sessions.csv and availability.csv"
        )
        return (next, notes)
    }

    /// A placed new fellow as next year's continuing fellow, a year more
    /// experienced: a cost from `[stipends] levels` moves up one level.
    static func continuing(_ f: Fellow, lab: String, mentor: String, stipends: StipendSettings) -> Fellow {
        var next = Fellow(
            id: f.id, name: f.name, track: f.track, citizenship: f.citizenship, status: .continuing, lab: lab,
            mentor: mentor, interests: f.interests, cost: f.cost, externalFunding: f.externalFunding)
        next.experience = f.experience.map { min($0 + 1, InputLimits.experience.upperBound) }
        next.costFromLevels = f.costFromLevels
        if f.costFromLevels, let years = next.experience { next.cost = stipends.cost(experience: years) }
        return next
    }

    /// `2026-27` → `2027-28`, `2026` → `2027`; anything else gets ` (next)`.
    public static func nextLabel(_ label: String) -> String {
        let parts = label.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), parts[0].count == 4 {
            let width = parts[1].count
            let nb = (b + 1) % Int(pow10(width))
            let text = String(nb)
            return "\(a + 1)-" + String(repeating: "0", count: max(0, width - text.count)) + text
        }
        if let year = Int(label), label.count == 4 { return String(year + 1) }
        return label + " (next)"
    }

    static func pow10(_ n: Int) -> Int { (0..<n).reduce(1) { acc, _ in acc * 10 } }
}
