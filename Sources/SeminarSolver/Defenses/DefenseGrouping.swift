import Domain

/// The second aim of the defenses: among plans in which as many fellows
/// defend as the first plan, keep each committee member's defenses together,
/// on as few days as possible and then back to back.
///
/// Only members who sit on two or more committees count (a member of one
/// committee is together in any plan). For a plan, with `D_p` the days on
/// which member p has a defense and, for each such day d, `span_pd` the
/// minutes from the start of p's first defense that day to the end of their
/// last, the plan's cost is, in this order:
///
/// 1. `Σ_p |D_p|`, the (member, day) pairs with a defense;
/// 2. `Σ_p Σ_{d ∈ D_p} span_pd`, least when a member's defenses of a day
///    follow one another without a gap.
///
/// The first plan is improved by moves and swaps until neither helps: in
/// fellows.csv order, each defending fellow with a shared member moves to the
/// open slot (of the kept ones, ``DefenseScheduler/keptSlots(free:holding:)``,
/// in file order) that lowers the cost most, then trades slots with a fellow
/// defending on a day when one of their shared members has another defense
/// (``Grouping/partners(of:)``; a trade with anyone else brings no member's
/// defenses onto one day) when that lowers it; a move or trade keeps every rule (nobody and
/// no room in two defenses at once). The same fellows defend. It is
/// deterministic and needs no solver, but it is a local search: the cost it
/// reaches is not proved least (an exact integer program over these slots
/// took minutes on the demo's twelve defenses in twelve slots).
extension DefenseScheduler {
    /// Passes of moves and trades at most (each pass that improves nothing ends the search).
    static let groupingPasses = 20

    /// `plan` with each shared member's defenses on the fewest days, then back to back.
    func group(_ plan: [Int?], free: [[Int]], people: [[String]], slots: [DefenseSlot]) -> [Int?] {
        var numbering = Numbering<String>()
        let ids = people.map { $0.map { numbering.number($0) } }
        var committees: [Int: [Int]] = [:]
        for i in free.indices where plan[i] != nil {
            for member in ids[i].dropFirst() { committees[member, default: []].append(i) }
        }
        let shared = committees.filter { $0.value.count > 1 }
        guard !shared.isEmpty else { return plan }
        let (kept, _) = keptSlots(free: free, holding: plan)
        var grouping = Grouping(plan: plan, people: ids, slots: slots, committees: shared)
        let defending = plan.indices.filter { i in plan[i] != nil && ids[i].contains { shared[$0] != nil } }
        for _ in 0..<Self.groupingPasses {
            var improved = false
            for i in defending { improved = grouping.move(i, within: kept[i]) || improved }
            for i in defending {
                for k in grouping.partners(of: i) { improved = grouping.trade(i, k) || improved }
            }
            guard improved else { break }
        }
        return grouping.plan
    }
}

/// A plan being regrouped: its cost over the shared members, and the moves
/// and trades that keep every rule. People and rooms are numbered.
struct Grouping {
    var plan: [Int?]
    /// Each fellow's people (the fellow, then their committee), numbered.
    let people: [[Int]]
    let slots: [DefenseSlot]
    /// Each shared member's fellows (indices, every one of them defending),
    /// by member number; none for a member of one committee.
    private let shared: [[Int]]
    /// Each slot's room, numbered.
    private let rooms: [Int]
    /// The defending fellows by the day of their slot.
    private var onDay: [CalendarDate: [Int]] = [:]

    init(plan: [Int?], people: [[Int]], slots: [DefenseSlot], committees: [Int: [Int]]) {
        self.plan = plan
        self.people = people
        self.slots = slots
        var shared = [[Int]](repeating: [], count: (committees.keys.max() ?? -1) + 1)
        for (member, fellows) in committees { shared[member] = fellows }
        self.shared = shared
        rooms = Numbering.of(slots.map(DefenseScheduler.room))
        for (i, j) in plan.enumerated() { if let j { onDay[slots[j].date, default: []].append(i) } }
    }

    /// The fellows of shared member `member` (none for a member of one committee).
    private func fellows(of member: Int) -> [Int] { member < shared.count ? shared[member] : [] }

    /// Puts fellow `i` in slot `j`, keeping ``onDay``.
    private mutating func place(_ i: Int, _ j: Int) {
        if let old = plan[i] { onDay[slots[old].date]?.removeAll { $0 == i } }
        plan[i] = j
        onDay[slots[j].date, default: []].append(i)
    }

    /// Whether fellow `i` may defend in `j` while every fellow but those of `moving` keeps their slot.
    func fits(_ i: Int, _ j: Int, moving: (Int, Int)) -> Bool {
        let slot = slots[j]
        for k in onDay[slot.date] ?? [] where k != moving.0 && k != moving.1 {
            guard let other = plan[k], slots[other].overlaps(slot) else { continue }
            if rooms[other] == rooms[j] { return false }
            if people[i].contains(where: people[k].contains) { return false }
        }
        return true
    }

    /// Moves fellow `i` to the slot of `open` that lowers the cost most; whether it moved.
    /// Only `i`'s shared members' costs change, and of those only the day
    /// `i` defends on: each slot is weighed by what it adds to their other
    /// defenses.
    mutating func move(_ i: Int, within open: [Int]) -> Bool {
        guard let now = plan[i] else { return false }
        let members = people[i].map { fellows(of: $0) }.filter { !$0.isEmpty }
        var best = added(by: now, to: members, except: i), choice = now
        for j in open where j != now {
            let c = added(by: j, to: members, except: i)
            if (c.days, c.minutes) < (best.days, best.minutes) && fits(i, j, moving: (i, i)) { (best, choice) = (c, j) }
        }
        place(i, choice)
        return choice != now
    }

    /// The fellows defending, in fellows.csv order, on the days on which a
    /// shared member of fellow `i`'s committee has another defense.
    func partners(of i: Int) -> [Int] {
        var days: Set<CalendarDate> = []
        for member in people[i] {
            for f in fellows(of: member) where f != i { if let j = plan[f] { days.insert(slots[j].date) } }
        }
        return Set(days.flatMap { onDay[$0] ?? [] }).filter { $0 != i }.sorted()
    }

    /// Trades the slots of fellows `i` and `k` when that keeps every rule and lowers the cost.
    mutating func trade(_ i: Int, _ k: Int) -> Bool {
        guard let a = plan[i], let b = plan[k], a != b else { return false }
        let change = traded(i, from: a, k, from: b)
        guard (change.days, change.minutes) < (0, 0) else { return false }
        guard fits(i, b, moving: (i, k)) && fits(k, a, moving: (i, k)) else { return false }
        place(i, b)
        place(k, a)
        return true
    }

    /// What trading the slots `a` of fellow `i` and `b` of fellow `k`
    /// changes in the (member, day) pairs and minutes of span of the shared
    /// members among their people. A member of both committees keeps the
    /// same defenses and one of neither keeps theirs, so only a member of
    /// one of them counts, by what that fellow's move adds to their other
    /// defenses.
    private func traded(_ i: Int, from a: Int, _ k: Int, from b: Int) -> (days: Int, minutes: Int) {
        var days = 0, minutes = 0
        func weigh(_ member: Int) {
            let fellows = fellows(of: member)
            guard !fellows.isEmpty else { return }
            let (hasI, hasK) = (fellows.contains(i), fellows.contains(k))
            guard hasI != hasK else { return }
            let (f, from, to) = hasI ? (i, a, b) : (k, b, a)
            let (after, before) = (added(by: to, to: fellows, except: f), added(by: from, to: fellows, except: f))
            days += after.days - before.days
            minutes += after.minutes - before.minutes
        }
        for member in people[i] { weigh(member) }
        for member in people[k] where !people[i].contains(member) { weigh(member) }
        return (days, minutes)
    }

    /// What a defense of fellow `i` in slot `j` adds to the members whose
    /// defenses are those of each of `members` (a list of fellows per member) but `i`.
    private func added(by j: Int, to members: [[Int]], except i: Int) -> (days: Int, minutes: Int) {
        var days = 0, minutes = 0
        for fellows in members {
            let a = added(by: j, to: fellows, except: i)
            (days, minutes) = (days + a.days, minutes + a.minutes)
        }
        return (days, minutes)
    }

    /// The (member, day) pair and minutes of span that a defense in slot
    /// `j` adds to a member whose defenses are those of `fellows` but `i`.
    private func added(by j: Int, to fellows: [Int], except i: Int) -> (days: Int, minutes: Int) {
        let slot = slots[j]
        let (start, end) = (slot.start.minutes, slot.end.minutes)
        var first = Int.max, last = Int.min
        for f in fellows where f != i {
            guard let k = plan[f], slots[k].date == slot.date else { continue }
            (first, last) = (min(first, slots[k].start.minutes), max(last, slots[k].end.minutes))
        }
        guard first <= last else { return (1, end - start) }
        return (0, max(last, end) - min(first, start) - (last - first))
    }
}
