import ArgumentParser
import ProgramOffice
import Reports

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a realistic synthetic scenario folder of any size (for benchmarks and trials).",
        discussion: "The same --fellows and --seed always give the same files.")

    @Option(name: .long, help: "Number of new fellows.")
    var fellows: Int

    @Option(name: .long, help: "Seed of the generator.")
    var seed: UInt64 = 2026

    @Option(name: .long, help: "The folder to write (created; must not exist).")
    var out: String

    @Flag(name: .long, help: "Leave out the seminar series (sessions.csv, availability.csv).")
    var noSessions = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The seminar series' shape: weekly (two talks a session, about 70 % of the seats used) or tight "
                + "(one talk a session, barely more sessions than talks, absences in blocks of weeks)."))
    var series: GeneratedSeries = .weekly

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Write mentor_preferences.csv: every mentor ranks the new fellows who ranked their lab, each in an "
                + "order of their own (independent) or mostly agreeing (correlated). Default: no mentor rankings."))
    var mentorRanks: GeneratedMentorRanks?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Add thesis committees and defenses: ample (loads, chairs and rooms to spare) or tight (few chairs, "
                + "three conflicts a fellow, loads of 1 or 2, barely enough external seats and defense slots)."))
    var committees: GeneratedCommittees?

    func validate() throws {
        if fellows < 1 { throw ValidationError("--fellows must be at least 1") }
        try requireNewFolder(out)
    }

    func run() throws {
        do {
            let written = try Office().generate(
                fellows: fellows, seed: seed, sessions: !noSessions, series: series, mentorRanks: mentorRanks,
                committees: committees, to: out)
            print(OfficeText.generated(written.scenario, folder: out))
        } catch {
            throw failure(error)
        }
    }
}

extension GeneratedSeries: ExpressibleByArgument {}
extension GeneratedMentorRanks: ExpressibleByArgument {}
extension GeneratedCommittees: ExpressibleByArgument {}

/// Refuses, at parsing, a folder to create that exists already.
func requireNewFolder(_ path: String) throws {
    do { try Office().requireNewFolder(path) } catch { throw ValidationError(error.message) }
}
