import Domain
import PlacementSolver

extension RunChanges {
    /// One part of the changes: a heading and its lines in plain words.
    public struct Part: Sendable, Hashable {
        public var heading: String
        public var lines: [String]
    }

    /// The changes in plain words, part by part (empty parts left out). The
    /// `public` variant leaves out funding, choices (ranks), withdrawal dates
    /// and opportunities, which are personal.
    public func parts(public isPublic: Bool) -> [Part] {
        var parts: [Part] = []
        func add(_ heading: String, _ lines: [String]) {
            if !lines.isEmpty { parts.append(Part(heading: heading, lines: lines)) }
        }
        add("Withdrawals", withdrawals.map { withdrawal($0, public: isPublic) })
        add("Placement moves", moves.map { move($0, public: isPublic) })
        if !isPublic { add("Funding changes", funding.map(fundingLine)) }
        add("Talks moved or cancelled", talks.map(talk))
        if !isPublic { add("Opportunities (nobody was moved)", opportunities.map(opportunity)) }
        return parts
    }

    /// "Since the official match (run 1): 2 withdrawals, 1 placement move, …" or that nothing changed.
    public func headline(official: Bool, public isPublic: Bool = false) -> String {
        let since = official ? "Since the official match (run \(since))" : "Since run \(since)"
        var counts: [String] = []
        func count(_ n: Int, _ one: String, _ many: String) {
            if n > 0 { counts.append("\(n) \(n == 1 ? one : many)") }
        }
        count(withdrawals.count, "withdrawal", "withdrawals")
        count(moves.count, "placement move", "placement moves")
        if !isPublic { count(funding.count, "funding change", "funding changes") }
        count(talks.filter { $0.kind == .moved }.count, "talk moved", "talks moved")
        count(talks.filter { $0.kind == .cancelled }.count, "talk cancelled", "talks cancelled")
        count(talks.filter { $0.kind == .added }.count, "talk added", "talks added")
        if !isPublic { count(opportunities.count, "opportunity", "opportunities") }
        return since + (counts.isEmpty ? ": nothing changed." : ": " + Wording.list(counts) + ".")
    }

    func withdrawal(_ w: Withdrawal, public isPublic: Bool) -> String {
        let on = isPublic ? "" : w.on.map { " on \(DateText.long($0))" } ?? ""
        let was = w.was.map { "; was at \(names.place($0))" } ?? ""
        return "\(names.fellow(w.fellow)) withdrew\(on)\(was)."
    }

    func move(_ d: FellowDiff, public isPublic: Bool) -> String {
        var text =
            "\(names.fellow(d.fellow)): \(d.before.map(names.place) ?? "not in the earlier run") → "
            + (d.after.map(names.place) ?? "no longer in the program")
        if !isPublic, let b = d.rankBefore, let a = d.rankAfter, a != b {
            text += " (\(NumberText.ordinal(b)) → \(NumberText.ordinal(a)) choice)"
        }
        return text + "."
    }

    func fundingLine(_ d: FellowDiff) -> String {
        "\(names.fellow(d.fellow)): \(fundingWords(d.fundingBefore)) → \(fundingWords(d.fundingAfter))."
    }

    /// `src:123;pool:4` as "NLM T15 training grant $123, pool $4".
    func fundingWords(_ encoded: String) -> String {
        let shares = Self.shares(encoded)
        guard !shares.isEmpty else { return "nothing paid" }
        return shares.map { "\(names.sourceName($0.source)) \(MoneyText.cents($0.cents))" }.joined(separator: ", ")
    }

    /// `src:123;pool:4.5` as (source, cents) pairs.
    static func shares(_ encoded: String) -> [(source: String, cents: Int)] {
        encoded.split(separator: ";").compactMap { part in
            let pieces = part.split(separator: ":")
            guard pieces.count == 2, let dollars = Double(pieces[1]) else { return nil }
            return (String(pieces[0]), Int((dollars * 100).rounded()))
        }
    }

    func talk(_ t: TalkChange) -> String {
        let what = "\(names.fellow(t.fellow)), \(Wording.talkTitle(t.talkKind).lowercased()) talk"
        switch t.kind {
        case .moved: return "\(what): \(Self.when(t.from)) → \(Self.when(t.to))."
        case .cancelled: return "\(what): cancelled (was \(Self.when(t.from)))."
        case .added: return "\(what): new, on \(Self.when(t.to))."
        }
    }

    /// `2026-09-17 12:00` as "Thu 17 Sep 2026, 12:00".
    static func when(_ at: String?) -> String {
        guard let at else { return "?" }
        let parts = at.split(separator: " ", maxSplits: 1).map(String.init)
        guard let date = parts.first.flatMap(CalendarDate.init) else { return at }
        return DateText.long(date) + (parts.count > 1 && !parts[1].isEmpty ? ", \(parts[1])" : "")
    }

    func opportunity(_ o: Opportunity) -> String {
        "\(names.fellow(o.fellow)) could move from \(names.labName(o.currentLab)) (\(NumberText.ordinal(o.currentRank)) "
            + "choice) to \(names.labName(o.lab)) (\(NumberText.ordinal(o.rank)) choice), with "
            + Wording.list(o.mentors.map(names.mentorName)) + "."
    }
}
