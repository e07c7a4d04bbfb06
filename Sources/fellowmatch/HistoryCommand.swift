import ArgumentParser
import Domain
import Foundation
import ProgramOffice
import Reports
import RunHistory

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "The record of runs: list them, show one, or compare two.",
        subcommands: [HistoryList.self, HistoryShow.self, HistoryDiff.self],
        defaultSubcommand: HistoryList.self)
}

struct HistoryList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the recorded runs, newest first.")

    @Argument(help: "A scenario folder: only the runs of its intake (its history is beside it).")
    var scenario: String?

    @OptionGroup var history: HistoryOptions

    @Flag(name: .long, help: "The same list as JSON, for scripts.")
    var json = false

    func run() throws {
        let office = Office()
        let path = scenario == nil ? try history.located() : history.path(scenario: scenario)
        do {
            _ = try office.openHistory(path)
            let key = try scenario.map { try open(office, $0).intakeKey }
            let runs = try office.runs(history: path, intakeKey: key)
            if json {
                print(try HistoryText.json(runs))
            } else if runs.isEmpty {
                print(OfficeText.noRuns(intakeKey: key, history: path) + ": `fellowmatch run SCENARIO` records one.")
            } else {
                print(HistoryText.table(runs).joined(separator: "\n"))
            }
        } catch let error as OfficeError {
            throw failure(error)
        }
    }
}

struct HistoryShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "One recorded run: its settings, placements and schedule.")

    @Argument(help: "The run's id (see `fellowmatch history`).")
    var id: Int64

    @OptionGroup var history: HistoryOptions

    func run() throws {
        let path = try history.located()
        do {
            print(
                HistoryText.show(try Office().recordedRun(id, history: path)).joined(
                    separator: "\n"))
        } catch { throw failure(error) }
    }
}

struct HistoryDiff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract:
            "Who moved and whose funding changed between two recorded runs (as `compare` lists it), and which talks moved or were cancelled."
    )

    @Argument(help: "The earlier run's id.")
    var from: Int64

    @Argument(help: "The later run's id.")
    var to: Int64

    @OptionGroup var history: HistoryOptions

    func run() throws {
        let office = Office()
        let path = try history.located()
        do {
            let a = try office.recordedRun(from, history: path), b = try office.recordedRun(to, history: path)
            print(
                (HistoryText.diff(a, b) + HistoryText.talkDiff(a, b) + HistoryText.committeeDiff(a, b)).joined(
                    separator: "\n"))
        } catch {
            throw failure(error)
        }
    }
}

struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Make a recorded run the official match of its intake.",
        discussion: """
            One run per intake is official. Publishing another needs --replace; the old one stays recorded as replaced, \
            with when and why. A published run is never changed. `run` and `schedule` on the intake then keep the \
            official match and schedule as far as the scenario allows (--fresh to start over).
            """)

    @Argument(help: "The run's id (see `fellowmatch history`).")
    var id: Int64

    @Option(name: .long, help: "Why this run is the official match (kept in the history).")
    var note: String

    @Flag(name: .long, help: "Replace the intake's current official match.")
    var replace = false

    @OptionGroup var history: HistoryOptions

    func validate() throws {
        if note.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--note needs a few words on why this run is official")
        }
        if note.count > InputLimits.reasonLength {
            throw ValidationError("--note holds at most \(InputLimits.reasonLength) characters")
        }
    }

    func run() throws {
        let path = try history.located()
        do {
            let (published, replaced, seal) = try Office().publish(
                id, note: note, replace: replace, history: path)
            print(OfficeText.published(published, replaced: replaced, seal: seal).joined(separator: "\n"))
        } catch {
            throw failure(error)
        }
    }
}
