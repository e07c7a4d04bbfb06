import Domain
import Modeling

/// A limit that the infeasibility diagnosis allows to give, at a cost.
public struct Relaxation: Hashable, Sendable {
    public enum Limit: Hashable, Sendable {
        case labCapacity(lab: Int)
        case mentorCapacity(mentor: Int)
        case budget(source: Int)
        case trackMinimum(track: String)
        case trackMaximum(track: String)
        case lock(rule: Int)
        case slots(source: Int)
        case maxSources
    }

    public var limit: Limit
    /// How far the limit is exceeded (seats, dollars, or 1 for a broken lock).
    public var excess: Variable
    /// 1 when the limit gives at all.
    public var gives: Variable
}

/// The placement integer program: one model for lab, mentor and funding together.
///
/// Variables exist only for eligible choices (see ``Eligibility``):
/// - `assign(f,l,m)` ∈ {0,1}: new fellow f goes to lab l with mentor m;
/// - `unplaced(f)` ∈ {0,1}: with `allow_unplaced`, f stays unplaced;
/// - payment variables per class of fellows (see `Funding.swift`).
///
/// Each rule of the scenario format lives in its own file as an extension:
/// rule 1 in `OnePlaceEach.swift`, rule 4 in `Capacity.swift`, rule 5 in
/// `Funding.swift` (or, with rule 8, `FellowPayments.swift`), rule 7 in
/// `TrackLimits.swift`, rule 8 in `OneFederalSource.swift`, `Slots.swift`,
/// `MaxSources.swift` and `MinPayment.swift`; rules 2, 3 and 6 decide
/// which variables exist (`Eligibility.swift`). The objective is in
/// `PlacementObjective.swift`.
public struct PlacementModel: Sendable {
    public let scenario: Scenario
    public let eligibility: Eligibility
    /// Whether limits may give at a cost (for the infeasibility diagnosis).
    public let elastic: Bool
    /// How rule 8 is modelled when the scenario uses it (see ``AppointmentModelling``).
    public let appointments: AppointmentModelling
    public internal(set) var model: Model
    /// One variable per eligible choice, indexed like `eligibility.choices`.
    public internal(set) var assign: [Variable] = []
    /// Fellow index → its `unplaced` variable.
    public internal(set) var unplaced: [Int: Variable] = [:]
    /// Lab-grant payments, per grant class (see `Funding.swift`).
    public internal(set) var grantClasses: [GrantClass] = []
    public internal(set) var grantClassPayments: [GrantClassPayment] = []
    /// Program-wide payments, per funding class (see `Funding.swift`).
    public internal(set) var fundingClasses: [FundingClass] = []
    public internal(set) var classPayments: [ClassPayment] = []
    /// With rule 8: one payment per fellow and source (see `FellowPayments.swift`);
    /// the class lists above are then empty.
    public internal(set) var fellowPayments: [FellowPayment] = []
    /// Payments fixed by the rules (one possible source), substituted out.
    public internal(set) var directPayments: [DirectPayment] = []
    public internal(set) var relaxations: [Relaxation] = []
    /// With `[placement] stability` other than `report`: `blocks(c)` per
    /// eligible choice, indexed like `eligibility.choices` (see `Stability.swift`).
    public internal(set) var blockingVariables: [Variable] = []
    /// With `blockingVariables`: `full(l)` per lab index, for the labs that
    /// can fill while a mentor has room (see `Stability.swift`).
    var fullVariables: [Int: Variable] = [:]

    /// Fellow indices of new fellows, in input order.
    public let newFellows: [Int]

    public init(scenario: Scenario, elastic: Bool = false, appointments: AppointmentModelling = .exact) {
        self.scenario = scenario
        self.elastic = elastic
        self.appointments = appointments
        eligibility = Eligibility(scenario, honourLocks: !elastic)
        newFellows = scenario.fellows.indices.filter { scenario.fellows[$0].isNew }
        model = Model(name: "placement(\(scenario.settings.name))")
        declareAssignments()
        addOnePlaceEach()
        addCapacity()
        if scenario.usesAppointmentRules && appointments == .exact {
            addFellowPayments()
            addOneFederalSource()
            addSlots()
            addMaxSources()
            addMinPayment()
        } else {
            addFunding()
        }
        addTrackLimits()
        addStability()
        if elastic {
            addLockRelaxations()
            setRelaxationObjective()
        } else {
            setObjective(scenario.settings.objective)
        }
    }

    /// The LP-safe short name of a fellow, lab, mentor or source id.
    func tag(_ id: String) -> String { LPName.sanitize(id) }

    mutating func declareAssignments() {
        let s = scenario
        assign = eligibility.choices.map { c in
            model.addBinary(
                "assign(\(tag(s.fellows[c.fellow].id)),\(tag(s.labs[c.lab].id)),\(tag(s.mentors[c.mentor].id)))")
        }
        guard s.settings.allowUnplaced else { return }
        let locked = Set(s.rules.filter { $0.kind == .lock }.map(\.fellow))
        for fi in newFellows where !locked.contains(s.fellows[fi].id) || elastic {
            unplaced[fi] = model.addBinary("unplaced(\(tag(s.fellows[fi].id)))")
        }
    }

    /// Σ of the assignment variables of the choices selected by `filter`.
    func assigned(fellow fi: Int, where filter: (Choice) -> Bool = { _ in true }) -> LinearExpression {
        var e = LinearExpression()
        for ci in eligibility.choicesOfFellow[fi] ?? [] where filter(eligibility.choices[ci]) {
            e.add(1, assign[ci])
        }
        return e
    }

    /// The solution with every integer variable rounded to its whole value.
    public func roundedValues(_ solution: Solution) -> [Double] {
        zip(solution.values, model.variables).map { $1.isInteger ? $0.rounded() : $0 }
    }

    /// Adds a relaxation of a limit: an excess variable bounded by `maximum`
    /// and a 0/1 variable that is 1 when the limit gives.
    mutating func relax(_ limit: Relaxation.Limit, name: String, maximum: Double) -> Variable {
        let excess = model.addVariable("excess(\(name))", .continuous, lower: 0, upper: maximum)
        let gives = model.addBinary("gives(\(name))")
        model.add(excess - maximum * gives <= 0, name: "link(\(name))")
        relaxations.append(Relaxation(limit: limit, excess: excess, gives: gives))
        return excess
    }
}
