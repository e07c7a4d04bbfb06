import Domain
import PlacementSolver

/// What `check` finds without solving: how many choices are eligible and
/// what the pre-checks found.
public struct CheckResult: Sendable {
    public var program: OpenedProgram
    /// Eligible (fellow, lab, mentor) choices.
    public var choices: Int
    public var findings: [Finding]

    /// ``Verdict/incomplete`` when a finding makes a placement impossible on its face.
    public var verdict: Verdict { findings.contains(where: \.blocking) ? .incomplete : .solved }
}

extension Office {
    /// Validates a program and runs the pre-checks, without solving.
    public func check(_ program: OpenedProgram) -> CheckResult {
        let eligibility = Eligibility(program.scenario)
        return CheckResult(
            program: program, choices: eligibility.choices.count,
            findings: PreChecks.run(program.scenario, eligibility))
    }
}
