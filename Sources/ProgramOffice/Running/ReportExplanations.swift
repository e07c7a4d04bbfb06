import Domain
import GLPKBackend
import PlacementSolver
import Reports

/// The report's explanations: why the first fellows not at their first
/// choice did not get it. Each explanation re-solves once per better-ranked
/// lab, so the report explains at most ``fellows`` of them, on intakes of at
/// most ``intake`` new fellows; the explain use case does the rest.
enum ReportExplanations {
    static let fellows = 25
    static let intake = 100

    /// The explanations, and how many more fellows are not at their first choice.
    static func find(_ o: PlacementOutcome, scenario s: Scenario, engine: PlacementEngine)
        -> ([HTMLPages.NotFirstChoice], Int)
    {
        guard o.hasPlacement else { return ([], 0) }
        let ids = o.notAtFirstChoice(FirstChoices(s)).map(\.fellow)
        guard s.newFellows.count <= intake else { return ([], ids.count) }
        let chosen = Array(ids.prefix(fellows))
        var quick = engine
        quick.exactAppointmentFallback = false
        let results = SolveThreads.map(chosen) { [quick] id in try? quick.explain(s, base: o, fellow: id) }
        let explained = results.compactMap { $0 }.map {
            HTMLPages.NotFirstChoice(fellow: $0.fellow, statements: ExplainReport.statements($0, scenario: s))
        }
        return (explained, ids.count - explained.count)
    }
}
