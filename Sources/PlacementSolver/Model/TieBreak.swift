import Domain
import Modeling

/// `[placement] tie_break = "mentors-then-lottery"`: which of several equally
/// good placements is taken ("Ties and how they are decided" in
/// docs/scenario-format.md). Two stages follow the objective's own, each
/// holding the optima before it (``StagePlan``):
///
/// 1. **Mentors:** the smallest Σ `mentor_cost(m, f)` over placed new
///    fellows (``MentorCosts``: a mentor's first choice 0, an unranked fellow
///    as the mentor's last choice). Left out when no mentor ranked anyone.
/// 2. **Lottery:** the smallest Σ `draw(f, l, m)` over placed new fellows,
///    where each (fellow, lab, mentor) draws a whole number from 1 to
///    ``drawRange`` from a hash of `seed` and the three ids: not of any
///    position in a file, so reordering rows changes nothing.
///
/// Every coefficient is a whole number and every sum stays far below 2⁵³ and
/// GLPK's relative tolerance (at most ``checkedIntake`` fellows × 1,000),
/// so each stage's optimum is exact and held exactly.
enum TieBreakStages {
    /// The lottery's draws are 1 … drawRange.
    static let drawRange: UInt64 = 1000

    /// The policy applies on intakes of at most this many new fellows (two
    /// more solves each run); larger ones are decided by GLPK's search.
    static let checkedIntake = 2000

    /// Each tie-break stage's search stops after this many subproblems, the
    /// same point on every machine (so the run stays reproducible without a
    /// time limit); the placement is then the best it found, as good by the
    /// objective as any, and the outcome says the ties were not settled to
    /// the end. Among the optima of an intake drawn outside the project's
    /// generator, the lottery's search could run for hours; the demo's
    /// what-ifs need up to about 2,400. Each subproblem's LP grows with the
    /// intake, so the count shrinks: 5,000 up to 20 new fellows, then
    /// `100,000 / new fellows`, never fewer than 200.
    static func nodeLimit(newFellows: Int) -> Int { max(200, min(5_000, 100_000 / max(newFellows, 1))) }

    /// Whether the scenario's placement gets the tie-break stages.
    static func applies(_ p: PlacementModel) -> Bool {
        p.scenario.settings.tieBreak == .mentorsThenLottery && !p.eligibility.choices.isEmpty
            && p.newFellows.count <= checkedIntake
    }

    /// Whether any mentor's rank can tell two choices apart.
    static func mentorsRank(_ p: PlacementModel) -> Bool { p.eligibility.choices.contains { $0.mentorCost > 0 } }

    /// Σ mentor_cost(m, f)·assign(f, l, m).
    static func mentorCost(_ p: PlacementModel) -> LinearExpression {
        LinearExpression(
            sum: p.eligibility.choices.enumerated().filter { $0.element.mentorCost > 0 }.map {
                (Double($0.element.mentorCost), p.assign[$0.offset])
            })
    }

    /// Σ draw(f, l, m)·assign(f, l, m).
    static func lottery(_ p: PlacementModel) -> LinearExpression {
        let s = p.scenario, seed = s.settings.seed
        return LinearExpression(
            sum: p.eligibility.choices.enumerated().map { ci, c in
                (
                    Double(draw(seed: seed, s.fellows[c.fellow].id, s.labs[c.lab].id, s.mentors[c.mentor].id)),
                    p.assign[ci]
                )
            })
    }

    /// A whole number from 1 to ``drawRange``: FNV-1a over the seed and the
    /// ids (a separator between them), then SplitMix64's mixing.
    static func draw(seed: Int, _ fellow: String, _ lab: String, _ mentor: String) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(seed)\u{1}\(fellow)\u{1}\(lab)\u{1}\(mentor)".utf8 {
            h = (h ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        var mixer = SeededRandom(seed: h)
        return Int(mixer.next() % drawRange) + 1
    }
}
