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
public struct DefenseScheduler: Sendable {
    public var solver: any Solver
    public var options: SolverOptions

    public init(solver: any Solver, options: SolverOptions = .deterministic) {
        self.solver = solver
        self.options = options
    }

    /// Defenses for every committee of `committees`.
    /// - Parameter lastTalks: each fellow's last work-in-progress talk (date, start), if any.
    /// - Throws: `SolverError` when the solver itself fails.
    public func schedule(
        _ s: Scenario, committees: CommitteeOutcome, lastTalks: [String: (CalendarDate, TimeOfDay)] = [:]
    ) throws(SolverError) -> DefenseOutcome {
        let slots = s.defenseSlots ?? []
        var away: [String: Set<CalendarDate>] = [:]
        for a in s.availability { if let d = a.date { away[a.person, default: []].insert(d) } }
        var model = Model(name: "defenses")
        var open: [(fellow: Int, slot: Int, y: Variable)] = []
        var unscheduled: [DefenseOutcome.Unscheduled] = []
        var people: [[String]] = []
        for (i, c) in committees.committees.enumerated() {
            var seen: Set<String> = []
            let who = ([c.fellow] + c.seats.map(\.member)).filter { seen.insert($0).inserted }
            people.append(who)
            let window = slots.indices.filter { j in
                let slot = slots[j]
                if let by = s.fellow(c.fellow)?.defendBy, slot.date > by { return false }
                if let (date, start) = lastTalks[c.fellow], (slot.date, slot.start) <= (date, start) { return false }
                return true
            }
            let free = window.filter { j in who.allSatisfy { !(away[$0]?.contains(slots[j].date) ?? false) } }
            guard !free.isEmpty else {
                unscheduled.append(
                    DefenseOutcome.Unscheduled(fellow: c.fellow, reason: Self.why(window, who, slots, away)))
                continue
            }
            var row = LinearExpression()
            for j in free {
                let y = model.addBinary("y_\(c.fellow)_\(j)")
                open.append((i, j, y))
                row += y
            }
            model.add("one_\(c.fellow)", lower: nil, row, upper: 1)
        }
        guard !open.isEmpty else {
            return DefenseOutcome(defenses: [], unscheduled: unscheduled, proved: true)
        }
        addTimeClashes(&model, open: open, slots: slots, people: people)
        model.maximize(open.map { LinearExpression($0.y) }.sum())
        let result = try solver.solve(model, options: options)
        let solution = result.solution
        var defenses: [DefenseOutcome.Defense] = []
        for (i, c) in committees.committees.enumerated() where !unscheduled.contains(where: { $0.fellow == c.fellow }) {
            if let chosen = open.first(where: { $0.fellow == i && solution?.isOne($0.y) == true }) {
                defenses.append(DefenseOutcome.Defense(fellow: c.fellow, slot: slots[chosen.slot]))
            } else {
                unscheduled.append(
                    DefenseOutcome.Unscheduled(fellow: c.fellow, reason: solution == nil ? .notFound : .slotsTaken))
            }
        }
        defenses.sort { ($0.slot.date, $0.slot.start, $0.slot.line) < ($1.slot.date, $1.slot.start, $1.slot.line) }
        let order = Dictionary(
            committees.committees.enumerated().map { ($1.fellow, $0) }, uniquingKeysWith: { first, _ in first })
        unscheduled.sort { order[$0.fellow, default: 0] < order[$1.fellow, default: 0] }
        return DefenseOutcome(defenses: defenses, unscheduled: unscheduled, proved: result.isOptimal)
    }

    /// At most one defense at a time per person and per room.
    private func addTimeClashes(
        _ model: inout Model, open: [(fellow: Int, slot: Int, y: Variable)], slots: [DefenseSlot], people: [[String]]
    ) {
        var resources: [String: [(slot: Int, y: Variable)]] = [:]
        for o in open {
            for person in people[o.fellow] { resources["p\u{1}" + person, default: []].append((o.slot, o.y)) }
            // A slot without a room is a room of its own.
            let room = slots[o.slot].room.isEmpty ? "line \(slots[o.slot].line)" : slots[o.slot].room
            resources["r\u{1}" + room, default: []].append((o.slot, o.y))
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
