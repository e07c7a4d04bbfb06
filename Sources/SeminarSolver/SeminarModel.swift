import Domain
import Modeling

/// A talk kept from a previous schedule: talk index and the session it had.
public struct KeptTalk: Hashable, Sendable {
    public var talk: Int
    public var session: Int
    /// Held before `--today`: it cannot move.
    public var fixed: Bool
}

/// The seminar schedule as an integer program.
///
/// `talk(t,s)` ∈ {0,1} exists only for the sessions open to talk t (see
/// ``SessionOptions``): the kind is allowed, the presenter is available, and
/// the mentor too when the kind needs them. Hard rules:
///
///     Σ_s talk(t,s) = 1                                  every required talk exactly once
///     Σ_t talk(t,s) ≤ capacity(s)                        session capacity
///     Σ_{t of f} talk(t,s) ≤ 1                           one talk per fellow per session
///     Σ_s pos(s)·talk(thesis,s) − Σ_s pos(s)·talk(wip,s) ≥ 1   wip strictly before thesis, per fellow
///
/// Soft aims, weighted in the spec's order (100, 10, 1):
///
///     sameLab(l,s)   ≥ Σ_{t of lab l} talk(t,s) − 1      no two talks from one lab in a session
///     sameTrack(k,s) ≥ Σ_{t of track k} talk(t,s) − 1    mixed tracks within a session
///     spread(m)      ≥ |Σ_{s in month m} Σ_t talk(t,s) − target(m)|   talks spread over the year
///
/// Every row is per talk, per session, or per person, lab or track and
/// session: never per pair of talks, so the model grows linearly.
/// In a re-plan, each talk kept where it was saves 1000 (above every soft
/// aim); talks already held are fixed.
public struct SeminarModel: Sendable {
    public static let sameLabWeight = 100.0
    public static let sameTrackWeight = 10.0
    public static let spreadWeight = 1.0
    public static let keepWeight = 1000.0

    public let talks: [Talk]
    public let options: SessionOptions
    public internal(set) var model: Model
    /// (talk, session) → variable.
    public internal(set) var assign: [[Int: Variable]]
    /// Per talk, allowed to stay unscheduled at a cost (diagnosis only).
    public internal(set) var unscheduled: [Variable?]
    public let kept: [KeptTalk]

    public init(talks: [Talk], options: SessionOptions, kept: [KeptTalk] = [], elastic: Bool = false) {
        self.talks = talks
        self.options = options
        self.kept = kept
        model = Model(name: "seminars")
        assign = Array(repeating: [:], count: talks.count)
        unscheduled = Array(repeating: nil, count: talks.count)
        let sessions = options.sessions
        let tag = { (s: String) in LPName.sanitize(s) }

        var openOf = options.open
        for k in kept where !openOf[k.talk].contains(k.session) && k.fixed {
            openOf[k.talk].append(k.session) // history stands even if availability changed since
        }
        for (ti, t) in talks.enumerated() {
            for si in openOf[ti].sorted() {
                assign[ti][si] = model.addBinary("talk(\(tag(t.id)),\(tag(sessions[si].id)))")
            }
        }
        // Every required talk exactly once.
        for (ti, t) in talks.enumerated() {
            var row = assign[ti].sorted { $0.key < $1.key }.sum { $0.value }
            if elastic {
                let u = model.addBinary("unscheduled(\(tag(t.id)))")
                unscheduled[ti] = u
                row += u
            }
            model.add(row == 1, name: "once(\(tag(t.id)))")
        }
        // Talks already held stay where they were.
        for k in kept where k.fixed {
            if let v = assign[k.talk][k.session] { model.setBounds(v, lower: 1, upper: 1) }
        }
        // Session capacity.
        var inSession = Array(repeating: [Int](), count: sessions.count)
        for ti in talks.indices { for si in assign[ti].keys { inSession[si].append(ti) } }
        for (si, s) in sessions.enumerated() where inSession[si].count > s.capacity {
            model.add(inSession[si].sum { assign[$0][si]! } <= Double(s.capacity), name: "capacity(\(tag(s.id)))")
        }
        // One talk per fellow per session; wip strictly before thesis.
        let byFellow = Dictionary(grouping: talks.indices, by: { talks[$0].fellow })
        for fellow in byFellow.keys.sorted() {
            let mine = byFellow[fellow]!
            for si in sessions.indices {
                let here = mine.filter { assign[$0][si] != nil }
                if here.count > 1 {
                    model.add(here.sum { assign[$0][si]! } <= 1, name: "onetalk(\(tag(fellow)),\(tag(sessions[si].id)))")
                }
            }
            func position(_ ti: Int) -> LinearExpression {
                LinearExpression(sum: assign[ti].sorted { $0.key < $1.key }.map { (Double(options.position[$0.key]), $0.value) })
            }
            let wips = mine.filter { talks[$0].kind == "wip" }.sorted { talks[$0].number < talks[$1].number }
            let theses = mine.filter { talks[$0].kind == "thesis" }.sorted { talks[$0].number < talks[$1].number }
            for (a, b) in zip(wips, wips.dropFirst()) {
                model.add(position(b) - position(a) >= 1, name: "order(\(tag(talks[b].id)))")
            }
            for (a, b) in zip(theses, theses.dropFirst()) {
                model.add(position(b) - position(a) >= 1, name: "order(\(tag(talks[b].id)))")
            }
            if let lastWip = wips.last {
                for th in theses {
                    var row = position(th) - position(lastWip)
                    if elastic {
                        // An unscheduled talk has position 0: let the order give with it.
                        let big = Double((options.position.last ?? 0) + 1)
                        if let u = unscheduled[th] { row += big * u }
                        if let u = unscheduled[lastWip] { row += big * u }
                    }
                    model.add(row >= 1, name: "wipfirst(\(tag(talks[th].id)))")
                }
            }
        }
        var objective = LinearExpression()
        // Soft aims.
        for (key, weight, group) in [("lab", Self.sameLabWeight, { (t: Talk) in t.lab }),
                                     ("track", Self.sameTrackWeight, { (t: Talk) in t.track })] {
            for si in sessions.indices where sessions[si].capacity > 1 {
                let groups = Dictionary(grouping: inSession[si], by: { group(talks[$0]) })
                for name in groups.keys.sorted() where groups[name]!.count > 1 {
                    let excess = model.addVariable("same\(key)(\(tag(name)),\(tag(sessions[si].id)))", .continuous, lower: 0, upper: nil)
                    model.add(excess - groups[name]!.sum { assign[$0][si]! } >= -1, name: "same\(key)(\(tag(name)),\(tag(sessions[si].id)))")
                    objective.add(weight, excess)
                }
            }
        }
        // Spread: each month's share of talks follows its share of session capacity.
        let months = Dictionary(grouping: sessions.indices, by: { sessions[$0].date.year * 100 + sessions[$0].date.month })
        let totalCapacity = Double(sessions.reduce(0) { $0 + $1.capacity })
        if totalCapacity > 0 && months.count > 1 {
            for month in months.keys.sorted() {
                let ss = months[month]!
                let target = Double(talks.count) * Double(ss.reduce(0) { $0 + sessions[$1].capacity }) / totalCapacity
                let load = ss.sum { si in inSession[si].sum { assign[$0][si]! } }
                let deviation = model.addVariable("spread(\(month))", .continuous, lower: 0, upper: nil)
                model.add(deviation - load >= -target, name: "spreadup(\(month))")
                model.add(deviation + load >= target, name: "spreaddown(\(month))")
                objective.add(Self.spreadWeight, deviation)
            }
        }
        // Re-plan: keep talks where they were.
        for k in kept where !k.fixed {
            if let v = assign[k.talk][k.session] { objective.add(-Self.keepWeight, v) }
        }
        if elastic {
            objective = LinearExpression(sum: unscheduled.compactMap { $0 }.map { (1.0, $0) })
        }
        model.minimize(objective)
    }

    /// Values for every variable: 1 for each talk's session in `sessionOf`,
    /// 0 elsewhere (GLPK's warm start completes the soft-aim variables).
    public func values(for sessionOf: [Int?]) -> [Double] {
        var v = [Double](repeating: 0, count: model.variables.count)
        for (t, s) in sessionOf.enumerated() { if let s, let x = assign[t][s] { v[x.index] = 1 } }
        return v
    }

    /// The session each talk got, from a solution.
    public func sessions(in solution: Solution) -> [Int?] {
        assign.map { row in row.first { solution.isOne($0.value) }?.key }
    }
}
