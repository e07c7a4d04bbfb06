import Domain
import PlacementSolver

extension SummaryFile {
    /// `summary.json`'s `changes`: what changed since the official match
    /// (``RunChanges``), by fellow, with names, and the same in plain words.
    struct ChangesEntry: Encodable {
        struct Withdrawal: Encodable {
            var fellow: String, name: String, withdrawn_on: String?, was_lab: String?, was_mentor: String?
        }
        struct Move: Encodable {
            var fellow: String, name: String
            var lab_before: String?, mentor_before: String?, lab_after: String?, mentor_after: String?
            var rank_before: Int?, rank_after: Int?
        }
        struct Share: Encodable { var source: String, name: String, amount: Double }
        struct Funding: Encodable { var fellow: String, name: String, before: [Share], after: [Share] }
        struct TalkEntry: Encodable {
            var fellow: String, name: String, kind: String, change: String, from: String?, to: String?
        }
        struct OpportunityEntry: Encodable {
            var fellow: String, name: String, current_lab: String, current_rank: Int, lab: String, rank: Int
            var mentors: [String]
        }

        var since_run: Int64
        var withdrawals: [Withdrawal]
        var moves: [Move]
        var funding: [Funding]
        var talks: [TalkEntry]
        var opportunities: [OpportunityEntry]
        /// The headline and every part's lines, as the report says them.
        var text: [String]

        init(_ c: RunChanges) {
            let n = c.names
            since_run = c.since
            withdrawals = c.withdrawals.map {
                Withdrawal(
                    fellow: $0.fellow, name: n.fellowName($0.fellow), withdrawn_on: $0.on.map { "\($0)" },
                    was_lab: $0.was?.lab, was_mentor: $0.was?.mentor)
            }
            moves = c.moves.map {
                Move(
                    fellow: $0.fellow, name: n.fellowName($0.fellow), lab_before: $0.before?.lab,
                    mentor_before: $0.before?.mentor, lab_after: $0.after?.lab, mentor_after: $0.after?.mentor,
                    rank_before: $0.rankBefore, rank_after: $0.rankAfter)
            }
            func shares(_ encoded: String) -> [Share] {
                RunChanges.shares(encoded).map {
                    Share(source: $0.source, name: n.sourceName($0.source), amount: Double($0.cents) / 100)
                }
            }
            funding = c.funding.map {
                Funding(
                    fellow: $0.fellow, name: n.fellowName($0.fellow), before: shares($0.fundingBefore),
                    after: shares($0.fundingAfter))
            }
            talks = c.talks.map {
                TalkEntry(
                    fellow: $0.fellow, name: n.fellowName($0.fellow), kind: $0.talkKind, change: $0.kind.rawValue,
                    from: $0.from, to: $0.to)
            }
            opportunities = c.opportunities.map {
                OpportunityEntry(
                    fellow: $0.fellow, name: n.fellowName($0.fellow), current_lab: $0.currentLab,
                    current_rank: $0.currentRank, lab: $0.lab, rank: $0.rank, mentors: $0.mentors)
            }
            text = [c.headline(official: true)] + c.parts(public: false).flatMap { [$0.heading + ":"] + $0.lines }
        }
    }
}
