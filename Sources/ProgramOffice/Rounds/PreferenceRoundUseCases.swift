import Domain
import Foundation
import RunHistory

/// A personal link of a preference round, as issued: the token exists only
/// here and in the link given to the person; the history keeps its hash.
public struct IssuedLink: Sendable, Hashable {
    public var person: String
    public var name: String
    public var email: String?
    public var kind: RoundPerson.Kind
    public var token: String
}

/// Where an intake's preference round stands, for the coordinator.
public struct RoundStatus: Sendable {
    public var round: PreferenceRound
    public var people: [RoundPerson]
    /// Each person's latest saved ranking.
    public var rankings: [String: RoundRanking]
}

/// What a personal link opens: the person, their round, and the program.
public struct RoundAccess: Sendable {
    public var round: PreferenceRound
    public var person: RoundPerson
    public var program: OpenedProgram
    /// Whether the person may still save (the round is open and its deadline has not passed).
    public var canSave: Bool
    /// What the person may rank: labs for a fellow (ids), fellows who ranked the mentor's lab for a mentor.
    public var choices: [String]
    /// Their current ranking, if any.
    public var current: RoundRanking?
    /// The hash of the link's token it was opened with (`nil`: a coordinator on the person's behalf);
    /// a save checks it again, so a link replaced meanwhile saves nothing.
    public var tokenHash: String? = nil
}

extension Office {
    /// Opens a preference round for a scenario folder's intake: one personal
    /// link per new fellow and per mentor, open until `deadline` (inclusive).
    ///
    /// - Throws: ``OfficeError/Code/roundClosed`` for a workbook program or an
    ///   intake with a round already open; history errors.
    public func openRound(_ program: OpenedProgram, deadline: CalendarDate, history: String, by: String)
        throws(OfficeError) -> [IssuedLink]
    {
        guard case .folder = program.location else {
            throw OfficeError(
                .roundClosed, "a preference round writes a scenario folder's CSV files; this program is a workbook")
        }
        let s = program.scenario
        let links =
            s.newFellows.map {
                IssuedLink(person: $0.id, name: $0.name, email: $0.email, kind: .fellow, token: Self.token())
            }
            + s.mentors.map {
                IssuedLink(person: $0.id, name: $0.name, email: $0.email, kind: .mentor, token: Self.token())
            }
        let store = try historyStore(history)
        let people = links.map { l in
            (
                RoundPerson(roundID: 0, person: l.person, kind: l.kind, name: l.name, email: l.email, revoked: false),
                PreferenceRounds.tokenHash(l.token)
            )
        }
        do {
            _ = try store.openRound(
                intakeKey: program.intakeKey,
                programPath: URL(fileURLWithPath: program.location.path).standardizedFileURL.path,
                deadline: "\(deadline)", people: people, at: now(), by: by)
        } catch { throw Self.roundError(error, history) }
        return links
    }

    /// The intake's latest round and its rankings; `nil` before any round.
    public func roundStatus(intakeKey: String, history: String) throws(OfficeError) -> RoundStatus? {
        guard HistoryStore.exists(at: history) else { return nil }
        let store = try historyStore(history)
        do {
            guard let round = try store.rounds(intakeKey: intakeKey).first else { return nil }
            return RoundStatus(
                round: round, people: try store.roundPeople(round.id), rankings: try store.currentRankings(round.id))
        } catch { throw Self.roundError(error, history) }
    }

    /// What a personal link opens, or `nil` for an unknown, revoked or closed
    /// round's token (the caller says only that the link does not work).
    public func roundAccess(token: String, history: String, today: CalendarDate) throws(OfficeError) -> RoundAccess? {
        guard HistoryStore.exists(at: history), token.count >= 20 else { return nil }
        let store = try historyStore(history)
        var found: (PreferenceRound, RoundPerson, [String: RoundRanking])?
        let tokenHash = PreferenceRounds.tokenHash(token)
        do {
            if let (round, person) = try store.roundPerson(tokenHash: tokenHash) {
                found = (round, person, try store.currentRankings(round.id))
            }
        } catch { throw Self.roundError(error, history) }
        guard let (round, person, rankings) = found, round.state == .open else { return nil }
        let program = try open(round.programPath)
        let choices =
            person.kind == .fellow
            ? Self.openLabs(person.person, program.scenario)
            : Self.interestedFellows(in: person, program.scenario, rankings)
        return RoundAccess(
            round: round, person: person, program: program,
            canSave: CalendarDate(round.deadline).map { today <= $0 } ?? false, choices: choices,
            current: rankings[person.person], tokenHash: tokenHash)
    }

    /// Saves a person's ranking (a draft, or certified), by them or by a
    /// coordinator on their behalf (`savedBy`).
    ///
    /// - Throws: ``OfficeError/Code/badRanking`` with one problem per
    ///   mistake (a skipped choice, a repeated one, an id that cannot be
    ///   ranked, nothing ranked when certifying);
    ///   ``OfficeError/Code/roundClosed`` when the round is closed or past its deadline.
    public func saveRanking(
        _ access: RoundAccess, choices: [String], certify: Bool, savedBy: String, history: String
    ) throws(OfficeError) {
        guard access.canSave || savedBy != "self" else {
            throw OfficeError(.roundClosed, "the deadline has passed; ask the program coordinator")
        }
        let ranked = try RankingForm.validate(choices, allowed: Set(access.choices), certify: certify)
        let store = try historyStore(history)
        do {
            try store.saveRanking(
                RoundRanking(
                    roundID: access.round.id, person: access.person.person, state: certify ? .certified : .draft,
                    ranked: ranked, savedAt: now(), savedBy: savedBy), tokenHash: access.tokenHash)
        } catch { throw Self.roundError(error, history) }
    }

    /// Labs a fellow may rank: those funded for one of their interests (rule 3).
    public static func openLabs(_ fellow: String, _ s: Scenario) -> [String] {
        guard let f = s.fellow(fellow) else { return [] }
        return s.labs.filter { $0.areas.sharesItem(with: f.interests) }.map(\.id)
    }

    /// Fellows a mentor may rank: those whose current ranking (or, without
    /// one, the program's preferences.csv) names the mentor's lab, by name.
    static func interestedFellows(in mentor: RoundPerson, _ s: Scenario, _ rankings: [String: RoundRanking])
        -> [String]
    {
        guard let lab = s.mentors.first(where: { $0.id == mentor.person })?.lab else { return [] }
        let fromFiles = Dictionary(grouping: s.preferences, by: \.fellow)
        return s.newFellows.filter { f in
            if let r = rankings[f.id] { return r.ranked.contains(lab) }
            return (fromFiles[f.id] ?? []).contains { $0.lab == lab }
        }.sorted { ($0.name, $0.id) < ($1.name, $1.id) }.map(\.id)
    }

    /// A secret for a link or a cookie: 256 bits from the system's secure
    /// random source, in base64url.
    public static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    func historyStore(_ history: String) throws(OfficeError) -> HistoryStore {
        do { return try HistoryStore(path: history) } catch { throw Self.historyError(error, history) }
    }

    static func roundError(_ error: HistoryError, _ path: String) -> OfficeError {
        error.code == .published
            ? OfficeError(.roundClosed, error.message, path: path) : historyError(error, path)
    }
}

extension Office {
    /// The open round of an intake, or a refusal saying there is none.
    func openRoundStatus(_ intakeKey: String, history: String) throws(OfficeError) -> RoundStatus {
        guard let status = try roundStatus(intakeKey: intakeKey, history: history), status.round.state == .open else {
            throw OfficeError(.roundClosed, "there is no open preference round for this intake")
        }
        return status
    }

    /// A new link for one person of the open round (their old link stops working).
    public func reissueLink(intakeKey: String, person: String, history: String, by: String) throws(OfficeError)
        -> IssuedLink
    {
        let status = try openRoundStatus(intakeKey, history: history)
        guard let p = status.people.first(where: { $0.person == person }) else {
            throw OfficeError(.roundClosed, "\(person) is not in the round")
        }
        let link = IssuedLink(person: p.person, name: p.name, email: p.email, kind: p.kind, token: Self.token())
        let store = try historyStore(history)
        do {
            try store.reissue(
                status.round.id, person: person, tokenHash: PreferenceRounds.tokenHash(link.token), at: now(), by: by)
        } catch { throw Self.roundError(error, history) }
        return link
    }

    /// Moves the open round's deadline.
    public func extendRound(intakeKey: String, deadline: CalendarDate, history: String, by: String)
        throws(OfficeError)
    {
        let status = try openRoundStatus(intakeKey, history: history)
        let store = try historyStore(history)
        do { try store.extendRound(status.round.id, deadline: "\(deadline)", at: now(), by: by) } catch {
            throw Self.roundError(error, history)
        }
    }

    /// A person's page as a coordinator opens it, to enter or correct their
    /// ranking on their behalf (always open to saving while the round is).
    public func roundAccess(person: String, program: OpenedProgram, history: String) throws(OfficeError)
        -> RoundAccess
    {
        let status = try openRoundStatus(program.intakeKey, history: history)
        guard let p = status.people.first(where: { $0.person == person }) else {
            throw OfficeError(.roundClosed, "\(person) is not in the round")
        }
        let choices =
            p.kind == .fellow
            ? Self.openLabs(p.person, program.scenario)
            : Self.interestedFellows(in: p, program.scenario, status.rankings)
        return RoundAccess(
            round: status.round, person: p, program: program, canSave: true, choices: choices,
            current: status.rankings[person])
    }
}
