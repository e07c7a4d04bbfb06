import Domain
import Modeling

/// Schedules one thesis defense per committee in defense_slots.csv (see
/// "Thesis defenses" in docs/scenario-format.md) with GLPK.
///
/// A slot s is open to fellow f when it comes after f's last work-in-progress
/// talk (date and start), on or before f's `defend_by`, and on a day on which
/// neither f nor any member of f's committee is away (availability.csv by
/// date). With `y_fs` = f defends in s:
///
/// - `Σ_s y_fs ≤ 1` for every fellow;
/// - every person (the fellow and each member) and every room is in at most
///   one defense at a time: for each of them and each slot s,
///   `Σ_{s' open and overlapping s's start} y_{f s'} ≤ 1` over the fellows
///   whose defense needs them (on intervals, the slots holding one start time
///   are every largest set of slots that overlap one another);
/// - maximise `Σ y_fs`, the fellows who defend.
///
/// A direct plan comes first (``greedy(free:people:slots:)``): when it places
/// every fellow who has an open slot, nothing can beat it and no model is
/// built. Otherwise the integer program decides, over at most ``slotLimit``
/// open slots per fellow (and the direct plan's); with fewer than all of a
/// fellow's slots it is called proved only when every fellow with an open
/// slot defends, and the better of it and the direct plan is kept.
///
/// Then, with the same fellows defending, each member's defenses are kept
/// together: on the fewest days, then back to back (see
/// ``group(_:free:people:slots:)``: moves and trades of the plan's slots,
/// only when a member sits on two committees).
///
/// **Kept defenses.** A fellow given a `kept` slot (a re-plan keeping the
/// published defense, its committee unchanged) has that slot as their only
/// open slot while it is still open to them (the same date, times and room
/// in defense_slots.csv, everyone free): the direct plan places them first,
/// so they stay. A kept slot that is no longer open is ignored, and the
/// fellow is scheduled like any other. A `preferred` slot (the published
/// defense of a committee that changed) is only tried first by the direct plan.
public struct DefenseScheduler: Sendable {
    public var solver: any Solver
    public var options: SolverOptions
    /// Open slots kept per fellow in the integer program (see ``solveModel``).
    public var slotLimit: Int

    public init(solver: any Solver, options: SolverOptions = .deterministic, slotLimit: Int = 60) {
        self.solver = solver
        self.options = options
        self.slotLimit = slotLimit
    }

    /// Defenses for every committee of `committees`.
    /// - Parameters:
    ///   - lastTalks: each fellow's last work-in-progress talk (date, start), if any.
    ///   - kept: slots to keep, by fellow (see the type's "Kept defenses").
    ///   - preferred: slots to try first, by fellow.
    /// - Throws: `SolverError` when the solver itself fails.
    public func schedule(
        _ s: Scenario, committees: CommitteeOutcome, lastTalks: [String: (CalendarDate, TimeOfDay)] = [:],
        kept: [String: DefenseSlot] = [:], preferred: [String: DefenseSlot] = [:]
    ) throws(SolverError) -> DefenseOutcome {
        let slots = s.defenseSlots ?? []
        let days = SlotDays(slots, availability: s.availability)
        let defendBy = Dictionary(s.fellows.map { ($0.id, $0.defendBy) }, uniquingKeysWith: { first, _ in first })
        var unscheduled: [DefenseOutcome.Unscheduled] = []
        var people: [[String]] = []
        var free: [[Int]] = []
        for c in committees.committees {
            var seen: Set<String> = []
            let who = ([c.fellow] + c.seats.map(\.member)).filter { seen.insert($0).inserted }
            people.append(who)
            let window = Self.window(slots, by: defendBy[c.fellow] ?? nil, after: lastTalks[c.fellow])
            let away = days.away(who)
            var open = window.filter { !away[days.day[$0]] }
            if let k = kept[c.fellow], let j = open.first(where: { Self.same(slots[$0], k) }) { open = [j] }
            if let p = preferred[c.fellow], let j = open.first(where: { Self.same(slots[$0], p) }) {
                open = [j] + open.filter { $0 != j }
            }
            free.append(open)
            if free.last!.isEmpty {
                unscheduled.append(
                    DefenseOutcome.Unscheduled(fellow: c.fellow, reason: Self.why(window, who, slots, days.awayDates)))
            }
        }
        let possible = free.filter { !$0.isEmpty }.count
        let greedy = Self.greedy(free: free, people: people, slots: slots)
        var chosen = greedy
        var proved = true
        var size: SolvedModelSize?
        if greedy.compactMap({ $0 }).count < possible {
            let solved = try solveModel(free: free, greedy: greedy, people: people, slots: slots, bound: possible)
            size = solved.size
            proved = solved.proved
            if solved.plan.compactMap({ $0 }).count >= greedy.compactMap({ $0 }).count { chosen = solved.plan }
        }
        chosen = group(chosen, free: free, people: people, slots: slots)
        var defenses: [DefenseOutcome.Defense] = []
        for (i, c) in committees.committees.enumerated() where !free[i].isEmpty {
            if let j = chosen[i] {
                defenses.append(DefenseOutcome.Defense(fellow: c.fellow, slot: slots[j]))
            } else {
                unscheduled.append(
                    DefenseOutcome.Unscheduled(fellow: c.fellow, reason: proved ? .slotsTaken : .notFound))
            }
        }
        defenses.sort { ($0.slot.date, $0.slot.start, $0.slot.line) < ($1.slot.date, $1.slot.start, $1.slot.line) }
        let order = Dictionary(
            committees.committees.enumerated().map { ($1.fellow, $0) }, uniquingKeysWith: { first, _ in first })
        unscheduled.sort { order[$0.fellow, default: 0] < order[$1.fellow, default: 0] }
        return DefenseOutcome(defenses: defenses, unscheduled: unscheduled, proved: proved, size: size)
    }

    /// The slots (indices, in file order) on or before `by` and after the
    /// last work-in-progress talk (date, start).
    static func window(_ slots: [DefenseSlot], by: CalendarDate?, after last: (CalendarDate, TimeOfDay)?) -> [Int] {
        slots.indices.filter { j in
            let slot = slots[j]
            if let by, slot.date > by { return false }
            if let (date, start) = last, (slot.date, slot.start) <= (date, start) { return false }
            return true
        }
    }

    /// A plan built directly: fellows with the fewest open slots first (then
    /// in fellows.csv order), each in the earliest open slot (file order) that
    /// shares no person and no room with a defense already placed and overlapping it.
    /// When it places every fellow who has an open slot it is the most possible.
    static func greedy(free: [[Int]], people: [[String]], slots: [DefenseSlot]) -> [Int?] {
        var plan = [Int?](repeating: nil, count: free.count)
        var numbering = Numbering<String>()
        let who = people.map { $0.map { numbering.number("p\u{1}" + $0) } }
        let rooms = slots.map { numbering.number(room($0)) }
        let day = Numbering.of(slots.map(\.date))
        let dayCount = (day.max() ?? -1) + 1
        // The slots booked per resource (a person or a room) and day.
        var booked = [[Int]](repeating: [], count: numbering.count * dayCount)
        let order = free.indices.filter { !free[$0].isEmpty }.sorted { (free[$0].count, $0) < (free[$1].count, $1) }
        for i in order {
            for j in free[i] {
                let uses = (who[i] + [rooms[j]]).map { $0 * dayCount + day[j] }
                let clash = uses.contains { k in booked[k].contains { slots[$0].overlaps(slots[j]) } }
                guard !clash else { continue }
                plan[i] = j
                for k in uses { booked[k].append(j) }
                break
            }
        }
        return plan
    }

    /// Whether two slots are at the same date, times and room (file lines aside).
    static func same(_ a: DefenseSlot, _ b: DefenseSlot) -> Bool {
        a.date == b.date && a.start == b.start && a.end == b.end && a.room == b.room
    }

    /// A slot's room as a resource; a slot without a room is a room of its own.
    static func room(_ slot: DefenseSlot) -> String { "r\u{1}" + (slot.room.isEmpty ? "line \(slot.line)" : slot.room) }

    /// The integer program over every fellow's open slots, or, when a fellow
    /// has more than ``slotLimit``, over that many of them spread through
    /// the window plus the direct plan's: proved by the solver on the full
    /// lists, otherwise only when every fellow with an open slot defends.
    private func solveModel(
        free: [[Int]], greedy: [Int?], people: [[String]], slots: [DefenseSlot], bound: Int
    ) throws(SolverError) -> (plan: [Int?], proved: Bool, size: SolvedModelSize) {
        let (kept, full) = keptSlots(free: free, holding: greedy)
        var (model, open) = slotModel(kept: kept, people: people, slots: slots)
        let objective = open.map { LinearExpression($0.y) }.sum()
        model.maximize(objective)
        let result = try solver.solve(model, options: options)
        var plan = [Int?](repeating: nil, count: free.count)
        for o in open where result.solution?.isOne(o.y) == true { plan[o.fellow] = o.slot }
        let count = plan.compactMap { $0 }.count
        let size = SolvedModelSize(
            model, kept: open.count, possible: free.map(\.count).reduce(0, +))
        return (plan, full ? result.isOptimal : count == bound, size)
    }

    /// Every fellow's open slots, or, for a fellow with more than
    /// ``slotLimit``, that many spread through the window plus `holding`'s;
    /// and whether every list is whole.
    func keptSlots(free: [[Int]], holding plan: [Int?]) -> (kept: [[Int]], full: Bool) {
        var full = true
        let kept = free.enumerated().map { i, list -> [Int] in
            guard list.count > slotLimit else { return list }
            full = false
            let step = Double(list.count) / Double(slotLimit)
            var pick = Set((0..<slotLimit).map { list[Int(Double($0) * step)] })
            if let j = plan[i] { pick.insert(j) }
            return list.filter { pick.contains($0) }
        }
        return (kept, full)
    }

    /// `y_fs` for every kept slot, at most one per fellow, and nobody (and
    /// no room) in two defenses at once.
    func slotModel(kept: [[Int]], people: [[String]], slots: [DefenseSlot]) -> (
        Model, [(fellow: Int, slot: Int, y: Variable)]
    ) {
        var model = Model(name: "defenses")
        var open: [(fellow: Int, slot: Int, y: Variable)] = []
        for (i, list) in kept.enumerated() where !list.isEmpty {
            var row = LinearExpression()
            for j in list {
                let y = model.addBinary("y_\(i)_\(j)")
                open.append((i, j, y))
                row += y
            }
            model.add("one_\(i)", lower: nil, row, upper: 1)
        }
        addTimeClashes(&model, open: open, slots: slots, people: people)
        return (model, open)
    }

    /// At most one defense at a time per person and per room.
    private func addTimeClashes(
        _ model: inout Model, open: [(fellow: Int, slot: Int, y: Variable)], slots: [DefenseSlot], people: [[String]]
    ) {
        var resources: [String: [(slot: Int, y: Variable)]] = [:]
        for o in open {
            for person in people[o.fellow] { resources["p\u{1}" + person, default: []].append((o.slot, o.y)) }
            resources[Self.room(slots[o.slot]), default: []].append((o.slot, o.y))
        }
        for key in resources.keys.sorted() {
            let uses = resources[key]!
            for j in Set(uses.map(\.slot)).sorted() {
                let at = slots[j]
                let clique = uses.filter {
                    let other = slots[$0.slot]
                    return other.date == at.date && other.start <= at.start && at.start < other.end
                }
                guard clique.count > 1 else { continue }
                model.add(
                    "clash_\(model.constraints.count)", lower: nil, clique.map { LinearExpression($0.y) }.sum(),
                    upper: 1)
            }
        }
    }

    /// Why no slot in the window is open: none, or who is away on which of its days.
    static func why(
        _ window: [Int], _ who: [String], _ slots: [DefenseSlot], _ away: [String: Set<CalendarDate>]
    ) -> DefenseShortfall {
        guard !window.isEmpty else { return .noSlotInWindow }
        let days = Set(window.map { slots[$0].date })
        var absent: [String: [CalendarDate]] = [:]
        for person in who {
            let missed = days.intersection(away[person] ?? []).sorted()
            if !missed.isEmpty { absent[person] = missed }
        }
        return .peopleAway(absent)
    }
}
