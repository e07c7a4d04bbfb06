import ArgumentParser
import Domain
import ProgramOffice

/// The exit status of every command, decided here: 0 the result asked for;
/// 1 no feasible placement or schedule, something left out, or nothing
/// recorded yet; 2 bad input or usage (nothing written).
enum ExitStatus {
    static func of(_ verdict: Verdict) -> ExitCode {
        switch verdict {
        case .solved: return .success
        case .noPlacement, .noSchedule, .incomplete: return ExitCode(1)
        }
    }

    static func of(_ error: OfficeError) -> ExitCode {
        switch error.code {
        case .noHistory, .noOfficialMatch: return ExitCode(1)
        default: return ExitCode(2)
        }
    }
}

/// Prints an office error as the command line says it (every located
/// problem on a line of its own, or one sentence with the flag or command
/// that helps) and gives the exit status to throw.
///
/// - Parameter consequence: what bad input left undone, after the count.
func failure(_ error: OfficeError, consequence: String = "nothing was solved or written") -> ExitCode {
    switch error.code {
    case .badInput:
        for problem in error.problems { printProblem(problem.description) }
        printError("\(error.message); \(consequence).")
    case .badEarlierRun:
        for problem in error.problems { printProblem(problem.description) }
    case .noHistory:
        printError(
            "\(error.message): `fellowmatch run SCENARIO` records each run there (or give --history PATH).")
    case .noSuchRun: printError("error: \(error.message); `fellowmatch history` lists them")
    case .officialMatchExists: printError("error: \(error.message); add --replace to do so")
    case .nothingToCompare: printError(error.message)
    default: printError("error: \(error.message)")
    }
    return ExitStatus.of(error)
}

/// Opens the program a command names, printing its warnings and notes.
func open(_ office: Office, _ path: String, clock: PhaseClock? = nil) throws -> OpenedProgram {
    do {
        let program = try office.open(path, clock: clock)
        clock.time("console") { printWarnings(program) }
        return program
    } catch {
        throw failure(error)
    }
}

/// A program's warnings (one located line each) and a what-if's notes.
func printWarnings(_ program: OpenedProgram) {
    for warning in program.warnings { printProblem(warning.description) }
    for note in program.notes { printError("note: \(note)") }
}
