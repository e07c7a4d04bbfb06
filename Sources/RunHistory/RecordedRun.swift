import Domain
import PlacementSolver
import SeminarSolver

/// One fellow's row of a recorded run: where they were placed and who paid.
public struct RecordedPlacement: Sendable, Hashable {
    public var fellow: String
    public var fellowName: String
    public var status: PlacementStanding
    public var lab: String?
    public var mentor: String?
    public var rank: Int?
    public var funding: [FundingShare]

    public init(
        fellow: String, fellowName: String, status: PlacementStanding, lab: String?, mentor: String?, rank: Int?,
        funding: [FundingShare]
    ) {
        self.fellow = fellow
        self.fellowName = fellowName
        self.status = status
        self.lab = lab
        self.mentor = mentor
        self.rank = rank
        self.funding = funding
    }

    /// The row as an earlier run's placement (for `--keep`).
    public var asPrevious: PreviousPlacement {
        PreviousPlacement(
            fellow: fellow, status: status, lab: lab, mentor: mentor,
            funding: funding.map { PaidShare(source: $0.source, cents: $0.cents) })
    }
}

/// One talk of a recorded schedule.
public struct RecordedTalk: Sendable, Hashable {
    public var session: String
    public var date: String
    public var start: String
    public var end: String
    public var room: String
    public var fellow: String
    public var kind: String
    public var mentor: String
    /// The calendar revision it was published with (`ScheduledTalk.sequence`).
    public var sequence: Int

    public init(
        session: String, date: String, start: String, end: String, room: String, fellow: String, kind: String,
        mentor: String,
        sequence: Int = 0
    ) {
        self.session = session
        self.date = date
        self.start = start
        self.end = end
        self.room = room
        self.fellow = fellow
        self.kind = kind
        self.mentor = mentor
        self.sequence = sequence
    }

    public var asPrevious: PreviousTalk {
        PreviousTalk(
            session: session, fellow: fellow, kind: kind, date: CalendarDate(date), start: TimeOfDay(start),
            end: TimeOfDay(end),
            room: room, mentor: mentor, sequence: sequence)
    }
}

/// What a run is recorded with: everything the history keeps of it.
public struct RunRecord: Sendable {
    /// Assigned by the store; 0 before recording.
    public var id: Int64 = 0
    /// UTC, ISO 8601 (`2026-12-01T10:31:04Z`).
    public var recordedAt: String
    public var scenarioName: String
    public var scenarioPath: String
    public var intake: String?
    /// FNV-1a 64 of the input files' names and bytes, in hex.
    public var inputHash: String
    public var version: String
    /// The settings that shaped the result (objective, time limit, cuts, kept run, ...).
    public var settings: String
    public var objectiveKind: String
    public var status: String
    public var objective: Double?
    public var bound: Double?
    public var gap: Double?
    public var placements: [RecordedPlacement]
    public var talks: [RecordedTalk]
    /// The thesis committees' seats (none when the run formed none).
    public var committees: [RecordedSeat] = []
    /// The thesis defenses (none when the run scheduled none).
    public var defenses: [RecordedDefense] = []
    /// Names at the time of the run, by kind (`fellow`, `lab`, `mentor`, `source`, and
    /// `faculty` for faculty.csv's members) and id.
    public var names: [String: [String: String]] = [:]
    /// When and why the run became the official match of its intake.
    public var publishedAt: String?
    public var publishNote: String?
    /// When and why another run replaced it as the official match.
    public var replacedAt: String?
    public var replacedNote: String?
    public var replacedBy: Int64?

    public init(
        recordedAt: String, scenarioName: String, scenarioPath: String, intake: String?, inputHash: String,
        version: String,
        settings: String, objectiveKind: String, status: String, objective: Double?, bound: Double?, gap: Double?,
        placements: [RecordedPlacement], talks: [RecordedTalk]
    ) {
        self.recordedAt = recordedAt
        self.scenarioName = scenarioName
        self.scenarioPath = scenarioPath
        self.intake = intake
        self.inputHash = inputHash
        self.version = version
        self.settings = settings
        self.objectiveKind = objectiveKind
        self.status = status
        self.objective = objective
        self.bound = bound
        self.gap = gap
        self.placements = placements
        self.talks = talks
    }

    /// The intake a run belongs to: its `intake` label, else its scenario's name.
    public var intakeKey: String { intake ?? scenarioName }

    /// Published and not replaced.
    public var isOfficial: Bool { publishedAt != nil && replacedAt == nil }

    /// The record of a run's outcome.
    public init(
        outcome o: PlacementOutcome, schedule: ScheduleOutcome?, scenario s: Scenario, scenarioPath: String,
        inputHash: String,
        settings: String, recordedAt: String, committees: CommitteeOutcome? = nil, defenses: DefenseOutcome? = nil
    ) {
        let shown = Directory(s)
        self.init(
            recordedAt: recordedAt, scenarioName: s.settings.name, scenarioPath: scenarioPath,
            intake: s.settings.intake,
            inputHash: inputHash, version: FellowMatchVersion.current, settings: settings,
            objectiveKind: o.objectiveKind.rawValue,
            status: o.status.rawValue, objective: o.objective?.meaningful, bound: o.bound?.meaningful,
            gap: o.gap?.meaningful,
            placements: o.placements.map {
                RecordedPlacement(
                    fellow: $0.fellow, fellowName: shown.fellowName($0.fellow), status: $0.status, lab: $0.lab,
                    mentor: $0.mentor, rank: $0.rank, funding: $0.funding)
            },
            talks: (schedule?.hasSchedule == true ? schedule!.talks : []).map {
                RecordedTalk(
                    session: $0.session.id, date: "\($0.session.date)", start: "\($0.session.start)",
                    end: "\($0.session.end)",
                    room: $0.session.room, fellow: $0.talk.fellow, kind: $0.talk.kind, mentor: $0.talk.mentor,
                    sequence: $0.sequence)
            })
        names = [
            "fellow": Dictionary(s.fellows.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }),
            "lab": Dictionary(s.labs.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }),
            "mentor": Dictionary(s.mentors.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }),
            "source": Dictionary(s.funding.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        ]
        if !s.faculty.isEmpty {
            names["faculty"] = Dictionary(s.faculty.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        }
        self.committees = Self.seats(committees)
        self.defenses = Self.defenses(defenses)
    }

    /// The names the run was recorded with, as a `Directory`.
    public var directory: Directory {
        Directory(
            fellows: names["fellow"] ?? [:], labs: names["lab"] ?? [:], mentors: names["mentor"] ?? [:],
            sources: names["source"] ?? [:])
    }

    /// The run as an outcome (placements with funding, rank profile), to
    /// compare it as `compare` does.
    public var outcome: PlacementOutcome {
        let rows = placements.map { p in
            FellowPlacement(
                fellow: p.fellow, status: p.status, lab: p.lab,
                mentor: p.mentor,
                rank: p.rank, funding: p.funding)
        }
        var profile: [Int: Int] = [:]
        for p in rows where p.status == .new { if let r = p.rank { profile[r, default: 0] += 1 } }
        return PlacementOutcome(
            scenarioName: scenarioName, objectiveKind: ObjectiveKind(rawValue: objectiveKind) ?? .totalRank,
            status: PlacementStatus(rawValue: status) ?? .infeasible, objective: objective, bound: bound, gap: gap,
            solveSeconds: 0, placements: rows, rankProfile: profile,
            unplaced: rows.filter { $0.status == .unplaced }.map(\.fellow), budgets: [], labLoads: [], mentorLoads: [],
            warnings: [], diagnosis: nil, solves: 1)
    }
}

extension Double {
    fileprivate var meaningful: Double? { isFinite && abs(self) < 1e300 ? self : nil }
}
