import Domain
import Modeling

/// A talk kept from a previous schedule: talk index and the session it had.
public struct KeptTalk: Hashable, Sendable {
    public var talk: Int
    public var session: Int
    /// Held before `--today`: it cannot move.
    public var fixed: Bool
    /// The earlier schedule's revision of the talk (``ScheduledTalk/sequence``).
    public var sequence = 0
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
///
/// Each rule lives in its own file as an extension: `EveryTalkOnce.swift`,
/// `SessionCapacity.swift`, `OneTalkPerSession.swift`, `TalkOrder.swift`,
/// `SoftAims.swift`, `EverySessionUsed.swift` and `KeepEarlierSessions.swift`. The scheduler gives
/// GLPK a schedule built without it first (``ScheduleConstruction``).
public struct SeminarModel: Sendable {
    public static let sameLabWeight = 100.0
    public static let sameTrackWeight = 10.0
    public static let spreadWeight = 1.0
    public static let doublingWeight = 1.0
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
        self.elastic = elastic
        model = Model(name: "seminars")
        assign = Array(repeating: [:], count: talks.count)
        unscheduled = Array(repeating: nil, count: talks.count)
        addTalkVariables()
        addEveryTalkOnce()
        addSessionCapacity()
        addOneTalkPerFellowPerSession()
        addTalkOrder()
        var objective = softAims() + everySessionUsed() + keepEarlierSessions()
        if elastic { objective = LinearExpression(sum: unscheduled.compactMap { $0 }.map { (1.0, $0) }) }
        model.minimize(objective)
    }

    /// Whether talks may stay unscheduled at a cost (the diagnosis's model).
    public let elastic: Bool

    func tag(_ s: String) -> String { LPName.sanitize(s) }

    /// Talk indices that may go in each session.
    var talksBySession: [[Int]] {
        var inSession = Array(repeating: [Int](), count: options.sessions.count)
        for ti in talks.indices { for si in assign[ti].keys.sorted() { inSession[si].append(ti) } }
        return inSession
    }

    /// `talk(t,s)` for every session open to t; talks already held also
    /// where they were, even if availability changed since.
    mutating func addTalkVariables() {
        var openOf = options.open
        for k in kept where k.fixed { openOf[k.talk].insert(k.session) }
        for (ti, t) in talks.enumerated() {
            for si in openOf[ti] {
                assign[ti][si] = model.addBinary("talk(\(tag(t.id)),\(tag(options.sessions[si].id)))")
            }
        }
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
