import Domain

/// Thesis committees and defenses for a generated intake (issue 31), in two
/// shapes of different structure, drawn after everything else so the
/// placement and the seminar series are the same with or without them.
///
/// - `ample`: every mentor may read (`committee_load` 3) and a third may
///   chair; external members from partner universities, four of them per ten
///   continuing fellows, load 3; one conflict per ten fellows;
///   `readers = [1, 2]`, one external. Defenses: eight weeks of weekdays from
///   3 May 2027, four two-hour slots a day, rooms enough for about twice the
///   committees; a fifth of the fellows must defend by 11 June; every external
///   member is away on 3 of those days.
/// - `tight`: few chairs (one mentor in twenty and one external in ten), three
///   conflicts per fellow (two of them with chairs), loads of 1 or 2,
///   `readers = [2, 2]`, one external, externals' seats barely above the
///   committees; defenses in three weeks with slots about 1.1 times the
///   committees, members away in blocks of three days.
public enum CommitteeShape: String, Sendable, CaseIterable {
    case ample
    case tight

    static let firstDefenseDay = CalendarDate(year: 2027, month: 5, day: 3)

    /// Adds faculty.csv, conflicts, committee columns, `[committee]`,
    /// defense_slots.csv, `defend_by` and absences on defense days to `s`.
    public func add(to s: inout Scenario, seed: UInt64) {
        var rng = SeededRandom(seed: seed &+ 31)
        let tight = self == .tight
        let continuing = s.continuingFellows
        let areas = Array(Set(s.labs.flatMap(\.areas) + s.mentors.flatMap(\.areas))).sorted()
        s.mentorsHaveCommitteeColumns = true
        for i in s.mentors.indices {
            s.mentors[i].committeeLoad = tight ? rng.int(1...2) : 3
            s.mentors[i].chair = rng.chance(tight ? 0.05 : 0.33)
        }
        let externalCount = max(2, tight ? (continuing.count * 11 + 19) / 20 : (continuing.count * 4 + 9) / 10)
        s.faculty = (0..<externalCount).map { k in
            FacultyMember(
                id: "x\(k + 1)", name: "External \(k + 1)", institution: "Partner University \(k % 12 + 1)",
                areas: rng.sample(areas, rng.int(1...3)), committeeLoad: tight ? 2 : 3, external: true,
                chair: rng.chance(tight ? 0.1 : 0.2))
        }
        let people = s.mentors.map(\.id) + s.faculty.map(\.id)
        let chairs = s.mentors.filter(\.chair).map(\.id) + s.faculty.filter(\.chair).map(\.id)
        s.conflicts = []
        for f in continuing {
            if tight {
                var seen: Set<String> = [f.mentor ?? ""]
                for p in rng.sample(chairs, 2) + [rng.pick(people)] where seen.insert(p).inserted {
                    s.conflicts.append(CommitteeConflict(person: p, fellow: f.id, reason: "co-author"))
                }
            } else if rng.chance(0.1) {
                let p = rng.pick(people)
                if p != f.mentor { s.conflicts.append(CommitteeConflict(person: p, fellow: f.id, reason: "co-author")) }
            }
        }
        var c = CommitteeSettings()
        c.minReaders = tight ? 2 : 1
        c.maxReaders = 2
        c.externals = 1
        s.settings.committee = c
        addDefenses(to: &s, rng: &rng)
    }

    private func addDefenses(to s: inout Scenario, rng: inout SeededRandom) {
        let tight = self == .tight
        // 3 May 2027 is a Monday: days 5 and 6 of every week are the weekend.
        let days = (0..<(tight ? 21 : 56)).filter { $0 % 7 < 5 }.map { Self.firstDefenseDay.adding(days: $0) }
        let starts = [9, 11, 14, 16]
        let committees = s.continuingFellows.count
        let wanted = tight ? (committees * 11 + 9) / 10 : committees * 2
        let rooms = max(1, (wanted + days.count * starts.count - 1) / (days.count * starts.count))
        var slots: [DefenseSlot] = []
        for d in days {
            for h in starts {
                for r in 0..<rooms where slots.count < wanted {
                    slots.append(
                        DefenseSlot(
                            date: d, start: TimeOfDay(hour: h, minute: 0), end: TimeOfDay(hour: h + 2, minute: 0),
                            room: "Defense room \(r + 1)", line: slots.count + 2))
                }
            }
        }
        s.defenseSlots = slots
        let by = days[days.count * 3 / 5]
        for i in s.fellows.indices where s.fellows[i].status == .continuing && rng.chance(0.2) {
            s.fellows[i].defendBy = by
        }
        let away = tight ? s.mentors.map(\.id) + s.faculty.map(\.id) : s.faculty.map(\.id)
        for person in away {
            if tight {
                guard rng.chance(0.3) else { continue }
                let first = rng.int(0...(days.count - 3))
                for d in days[first..<(first + 3)] {
                    s.availability.append(Unavailability(person: person, date: d, reason: "away"))
                }
            } else {
                for d in rng.sample(days, 3).sorted() {
                    s.availability.append(Unavailability(person: person, date: d, reason: "away"))
                }
            }
        }
    }
}
