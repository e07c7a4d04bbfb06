import Domain
import PlacementSolver
import RunHistory
import SeminarSolver

/// What changed between an earlier run of an intake (the official match a
/// re-match keeps, or any recorded run) and a later one, in the words the
/// report, `history diff` and `summary.json` use:
///
/// - **withdrawals**: fellows the earlier run placed whom the later one no
///   longer has (the scenario's `withdrawn` fellows, with `withdrawn_on`);
/// - **moves**: fellows whose lab or mentor changed (`Place.moved(from:to:)`);
/// - **funding**: fellows still in the program whose sources or amounts changed;
/// - **talks**: talks (by calendar `UID`, `fellow-kind-number`) whose session
///   changed, that the later schedule no longer holds (cancelled), or that
///   it adds;
/// - **opportunities**: better-ranked labs with room now (nobody moved).
public struct RunChanges: Sendable {
    public struct Withdrawal: Sendable, Hashable {
        public var fellow: String
        public var on: CalendarDate?
        public var was: Place?
    }

    public struct TalkChange: Sendable, Hashable {
        public enum Kind: String, Sendable { case moved, cancelled, added }
        public var kind: Kind
        public var fellow: String
        public var talkKind: String
        /// `YYYY-MM-DD HH:MM` of the session before and after.
        public var from: String?
        public var to: String?
    }

    /// The earlier run's id.
    public var since: Int64
    public var withdrawals: [Withdrawal] = []
    public var moves: [FellowDiff] = []
    public var funding: [FellowDiff] = []
    public var talks: [TalkChange] = []
    public var opportunities: [Opportunity] = []
    /// Both runs' names, the later one's where both know an id.
    public var names: Directory

    public var isEmpty: Bool {
        withdrawals.isEmpty && moves.isEmpty && funding.isEmpty && talks.isEmpty && opportunities.isEmpty
    }

    /// A run just made against the official match `official`.
    public init(
        since official: RunRecord, outcome: PlacementOutcome, schedule: ScheduleOutcome?, scenario: Scenario,
        opportunities: [Opportunity]
    ) {
        let after =
            schedule?.hasSchedule == true
            ? schedule!.talks.map {
                (
                    id: $0.talk.id, fellow: $0.talk.fellow, kind: $0.talk.kind,
                    at: "\($0.session.date) \($0.session.start)"
                )
            } : nil
        let withdrawnOn = Dictionary(
            scenario.withdrawn.map { ($0.id, $0.withdrawnOn) }, uniquingKeysWith: { a, _ in a })
        self.init(
            since: official, after: outcome, talks: after, names: official.directory.merging(Directory(scenario)),
            withdrawnOn: withdrawnOn)
        self.opportunities = opportunities
    }

    /// Two recorded runs (`history diff`).
    public init(_ a: RunRecord, _ b: RunRecord) {
        self.init(
            since: a, after: b.outcome, talks: Self.recorded(b.talks), names: a.directory.merging(b.directory),
            withdrawnOn: [:])
    }

    init(
        since before: RunRecord, after: PlacementOutcome,
        talks: [(id: String, fellow: String, kind: String, at: String)]?,
        names: Directory, withdrawnOn: [String: CalendarDate?]
    ) {
        since = before.id
        self.names = names
        let diffs = Comparison.diff(before.outcome, after, names: names)
        let present = Set(after.placements.map(\.fellow))
        for d in diffs {
            if !present.contains(d.fellow) {
                withdrawals.append(Withdrawal(fellow: d.fellow, on: withdrawnOn[d.fellow] ?? nil, was: d.before))
            } else {
                if d.moved { moves.append(d) }
                if d.fundingBefore != d.fundingAfter { funding.append(d) }
            }
        }
        guard let talks, !before.talks.isEmpty else { return }
        self.talks = Self.talkChanges(from: Self.recorded(before.talks), to: talks)
    }

    static func recorded(_ talks: [RecordedTalk]) -> [(id: String, fellow: String, kind: String, at: String)] {
        SeminarScheduler.numbered(talks.map(\.asPrevious)).map { id, row in
            (id, row.fellow, row.kind, "\(row.date.map { "\($0)" } ?? "") \(row.start.map { "\($0)" } ?? "")")
        }
    }

    /// Talks by UID: moved, cancelled (in the earlier schedule only) or added (in the later only), in date order.
    static func talkChanges(
        from before: [(id: String, fellow: String, kind: String, at: String)],
        to after: [(id: String, fellow: String, kind: String, at: String)]
    ) -> [TalkChange] {
        let was = Dictionary(before.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let now = Dictionary(after.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [TalkChange] = []
        for b in before {
            if let a = now[b.id] {
                if a.at != b.at {
                    out.append(TalkChange(kind: .moved, fellow: b.fellow, talkKind: b.kind, from: b.at, to: a.at))
                }
            } else {
                out.append(TalkChange(kind: .cancelled, fellow: b.fellow, talkKind: b.kind, from: b.at, to: nil))
            }
        }
        for a in after where was[a.id] == nil {
            out.append(TalkChange(kind: .added, fellow: a.fellow, talkKind: a.kind, from: nil, to: a.at))
        }
        return out.sorted { ($0.from ?? $0.to ?? "", $0.fellow) < ($1.from ?? $1.to ?? "", $1.fellow) }
    }
}
