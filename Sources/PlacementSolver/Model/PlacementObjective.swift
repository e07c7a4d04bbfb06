import Domain
import Modeling

extension PlacementModel {
    /// The single-stage objectives of the scenario format:
    ///
    /// - `total-rank`: minimise Σ (rank(f,l) + mentor_weight·mentor_cost(m,f))·assign(f,l,m) + penalty·Σ unplaced(f)
    /// - `score`: maximise Σ score(f,l)·assign(f,l,m) − penalty·Σ unplaced(f)
    ///
    /// `rank-maximal` and `generous` are lexicographic: ``PlacementEngine``
    /// solves them as a sequence of stages (see ``LexicographicStage``); the
    /// model starts with the first stage's objective.
    mutating func setObjective(_ kind: ObjectiveKind) {
        let settings = scenario.settings
        let penalty = settings.unplacedPenalty
        switch kind {
        case .totalRank:
            var e = LinearExpression()
            for (ci, c) in eligibility.choices.enumerated() {
                e.add(Double(c.rank) + settings.mentorWeight * Double(c.mentorCost), assign[ci])
            }
            for v in unplacedVariables { e.add(penalty, v) }
            model.minimize(e)
        case .score:
            var e = LinearExpression()
            for (ci, c) in eligibility.choices.enumerated() where c.score != 0 { e.add(c.score, assign[ci]) }
            for v in unplacedVariables { e.add(-penalty, v) }
            model.maximize(e)
        case .rankMaximal, .generous:
            model.minimize(totalRank)
        }
    }

    /// What it costs the diagnosis to let a limit give: a seat (1000) before a
    /// flexible pool (1200: program-wide, any fellow), before a track limit
    /// (1300), before a restricted grant (1500: a lab's, citizens-only or
    /// area-restricted), before a lock (2000).
    func giveCost(_ limit: Relaxation.Limit) -> Double {
        switch limit {
        case .labCapacity, .mentorCapacity: return 1000
        case .budget(let si):
            let source = scenario.funding[si]
            return source.lab == nil && !source.citizensOnly && source.areas.isEmpty ? 1200 : 1500
        case .trackMinimum, .trackMaximum: return 1300
        case .slots: return 1400
        case .maxSources: return 1100
        case .lock: return 2000
        }
    }

    /// The unplaced variables in fellow order.
    var unplacedVariables: [Variable] { unplaced.sorted { $0.key < $1.key }.map(\.value) }

    /// Σ rank(f,l)·assign(f,l,m): the reported objective of the lexicographic kinds.
    public var totalRank: LinearExpression {
        LinearExpression(sum: eligibility.choices.enumerated().map { (Double($0.element.rank), assign[$0.offset]) })
    }

    /// Number of new fellows placed.
    public var placedCount: LinearExpression { assign.sum() }

    /// Number of new fellows placed at rank `rank`.
    public func placed(atRank rank: Int) -> LinearExpression {
        LinearExpression(
            sum: eligibility.choices.enumerated().filter { $0.element.rank == rank }.map { (1, assign[$0.offset]) })
    }

    /// Number of new fellows placed with the same lab and mentor as in `previous`.
    public func kept(_ previous: [PreviousPlacement]) -> LinearExpression {
        let before = Dictionary(previous.map { ($0.fellow, $0) }, uniquingKeysWith: { a, _ in a })
        let s = scenario
        return LinearExpression(
            sum: eligibility.choices.enumerated().filter { (_, c) in
                guard let b = before[s.fellows[c.fellow].id] else { return false }
                return b.lab == s.labs[c.lab].id && b.mentor == s.mentors[c.mentor].id
            }.map { (1.0, assign[$0.offset]) })
    }

    /// The elastic model's objective: as few limits giving as possible, the
    /// ones a coordinator controls most easily first (``giveCost``), then as
    /// little excess (1 per seat, 1 per $1,000).
    mutating func setRelaxationObjective() {
        var e = LinearExpression()
        for r in relaxations {
            e.add(giveCost(r.limit), r.gives)
            switch r.limit {
            case .budget: e.add(1, r.excess)  // excess is in thousands of dollars
            default: e.add(1, r.excess)
            }
        }
        for v in unplacedVariables { e.add(scenario.settings.unplacedPenalty, v) }
        model.minimize(e)
    }
}
