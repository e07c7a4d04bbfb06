import Domain
import Modeling

extension ThesisDiagnoser {
    /// For every fellow of `o` without a defense, in this order:
    ///
    /// 1. a person (the fellow or a member of the committee) free on a date
    ///    in the fellow's window on which they alone are away, earliest first;
    /// 2. an extra slot: the date and time of a slot in the window on which
    ///    everyone is free, in a room with no slot at that time (the first in
    ///    defense_slots.csv order, else a room of its own), earliest first;
    /// 3. a wider window: `defend_by` moved to the first later date with a
    ///    slot that makes it hold.
    ///
    /// When every slot comes before the fellow's last work-in-progress talk,
    /// that is the hint (not a change: the seminar schedule is the program's).
    public func defenses(
        _ s: Scenario, committees: CommitteeOutcome, _ o: DefenseOutcome,
        lastTalks: [String: (CalendarDate, TimeOfDay)] = [:]
    ) throws(SolverError) -> [ThesisSuggestions] {
        guard !o.unscheduled.isEmpty else { return [] }
        var search = DiagnosisSearch(left: resolves, budget: TimeBudget(seconds: timeLimit), perFellow: perFellow)
        let before = Set(o.defenses.map(\.fellow))
        var found: [ThesisSuggestions] = []
        for u in o.unscheduled where u.reason != .notFound {
            guard let c = committees.committees.first(where: { $0.fellow == u.fellow }) else { continue }
            let window = DefenseWindow(s, committee: c, lastTalk: lastTalks[u.fellow])
            let budget = search.budget
            var these = committees
            these.committees.removeAll { !before.contains($0.fellow) && $0.fellow != u.fellow }
            var suggestions = try search.suggestions(for: u.fellow, window.candidates()) {
                change throws(SolverError) in
                var scheduler = self.scheduler
                scheduler.options = DiagnosisSearch.options(scheduler.options, within: budget)
                let after = try scheduler.schedule(change.applied(to: s), committees: these, lastTalks: lastTalks)
                let defended = Set(after.defenses.map(\.fellow))
                let holds = defended.contains(u.fellow) && before.isSubset(of: defended)
                return holds || after.proved ? holds : nil
            }
            if suggestions.changes.isEmpty { suggestions.hint = window.hint }
            found.append(suggestions)
        }
        return found
    }
}

/// One fellow's defense window and who must be free in it, as
/// ``DefenseScheduler`` reads them, and the changes that could open it.
struct DefenseWindow {
    let fellow: Fellow?
    let fellowID: String
    /// The fellow, then the committee's members.
    let who: [String]
    let slots: [DefenseSlot]
    /// Slots after the last work-in-progress talk.
    let afterTalk: [DefenseSlot]
    /// …and on or before `defend_by`.
    let inWindow: [DefenseSlot]
    let away: [String: Set<CalendarDate>]
    let lastTalk: CalendarDate?

    init(_ s: Scenario, committee c: CommitteeOutcome.Committee, lastTalk: (CalendarDate, TimeOfDay)?) {
        fellowID = c.fellow
        fellow = s.fellow(c.fellow)
        var seen: Set<String> = []
        who = ([c.fellow] + c.seats.map(\.member)).filter { seen.insert($0).inserted }
        slots = s.defenseSlots ?? []
        afterTalk = slots.filter { slot in lastTalk.map { (slot.date, slot.start) > ($0.0, $0.1) } ?? true }
        let by = s.fellow(c.fellow)?.defendBy
        inWindow = afterTalk.filter { slot in by.map { slot.date <= $0 } ?? true }
        var away: [String: Set<CalendarDate>] = [:]
        for a in s.availability { if let d = a.date { away[a.person, default: []].insert(d) } }
        self.away = away
        self.lastTalk = lastTalk?.0
    }

    func absent(on date: CalendarDate) -> [String] { who.filter { away[$0]?.contains(date) ?? false } }

    /// Every candidate change, in the order they are tried.
    func candidates() -> [DiagnosisSearch.Candidate] {
        (freeOn() + extraSlots()).map { DiagnosisSearch.Candidate(change: $0) }
            + widerWindow().map { DiagnosisSearch.Candidate(change: $0, group: 0) }
    }

    /// A person free on a window date on which they alone are away.
    func freeOn() -> [ThesisChange] {
        Set(inWindow.map(\.date)).sorted().compactMap { date in
            let absent = absent(on: date)
            return absent.count == 1 ? .freeOn(person: absent[0], date: date) : nil
        }
    }

    /// A slot at the time of each window slot with everyone free, in a room free then.
    func extraSlots() -> [ThesisChange] {
        let line = (slots.map(\.line).max() ?? 0) + 1
        var rooms: [String] = []
        for slot in slots where !slot.room.isEmpty && !rooms.contains(slot.room) { rooms.append(slot.room) }
        var seen: Set<String> = []
        return inWindow.filter { absent(on: $0.date).isEmpty }
            .sorted { ($0.date, $0.start, $0.line) < ($1.date, $1.start, $1.line) }
            .compactMap { at in
                guard seen.insert("\(at.date) \(at.start) \(at.end)").inserted else { return nil }
                let room =
                    rooms.first { r in !slots.contains { $0.room == r && $0.overlaps(at) } } ?? ""
                return .extraSlot(DefenseSlot(date: at.date, start: at.start, end: at.end, room: room, line: line))
            }
    }

    /// `defend_by` moved to each later date with a slot after the last talk, earliest first.
    func widerWindow() -> [ThesisChange] {
        guard let by = fellow?.defendBy else { return [] }
        return Set(afterTalk.map(\.date).filter { $0 > by }).sorted().map {
            .defendBy(fellow: fellowID, from: by, to: $0)
        }
    }

    /// Every slot comes before the fellow's last work-in-progress talk.
    var hint: ThesisHint? {
        guard afterTalk.isEmpty, !slots.isEmpty, let lastTalk else { return nil }
        return .lastTalk(lastTalk)
    }
}
