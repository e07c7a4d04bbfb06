import ArgumentParser
import Domain
import Foundation
import PlacementSolver
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
        let store = try history.openExisting(scenario: scenario)
        var key: String?
        if let scenario { key = try intakeKey(of: scenario) }
        let runs: [RunRecord]
        do { runs = try store.runs(intakeKey: key) } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        if json {
            print(try HistoryText.json(runs))
            return
        }
        if runs.isEmpty {
            print(
                "No run recorded\(key.map { " for \($0)" } ?? "") in \(store.path) yet: `fellowmatch run SCENARIO` records one."
            )
            return
        }
        print(HistoryText.table(runs).joined(separator: "\n"))
    }
}

struct HistoryShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "One recorded run: its settings, placements and schedule.")

    @Argument(help: "The run's id (see `fellowmatch history`).")
    var id: Int64

    @OptionGroup var history: HistoryOptions

    func run() throws {
        let store = try history.openExisting(scenario: nil)
        do { print(HistoryText.show(try store.run(id)).joined(separator: "\n")) } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
    }
}

struct HistoryDiff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Who moved and whose funding changed between two recorded runs (as `compare` lists it).")

    @Argument(help: "The earlier run's id.")
    var from: Int64

    @Argument(help: "The later run's id.")
    var to: Int64

    @OptionGroup var history: HistoryOptions

    func run() throws {
        let store = try history.openExisting(scenario: nil)
        do {
            let a = try store.run(from), b = try store.run(to)
            print(HistoryText.diff(a, b).joined(separator: "\n"))
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
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
        let store = try history.openExisting(scenario: nil)
        do {
            let record = try store.run(id)
            let replaced = try store.publish(id, note: note, replace: replace, at: nowStamp())
            print("Run \(id) is now the official match of \(record.intakeKey).")
            if let replaced { print("Run \(replaced.id) is kept in the history, marked replaced by run \(id).") }
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
    }
}

/// The intake a scenario folder (or what-if file) belongs to: its intake label, else its name.
func intakeKey(of scenario: String) throws -> String {
    let s = try loadScenario(scenario)
    return s.settings.intake ?? s.settings.name
}

/// How the history reads in a terminal (80 columns) and as JSON.
enum HistoryText {
    static func table(_ runs: [RunRecord]) -> [String] {
        var lines = ["  run  recorded (UTC)     intake          status     placed  1st   official"]
        for r in runs {
            let new = r.placements.filter { $0.status != "continuing" }
            let placed = new.filter { $0.status == "new" }.count
            let first = new.filter { $0.rank == 1 }.count
            let official = r.isOfficial ? "yes" : r.replacedAt != nil ? "replaced" : ""
            lines.append(
                TextLayout.lpad("\(r.id)", 5) + "  "
                    + TextLayout.pad(String(r.recordedAt.prefix(16)).replacingOccurrences(of: "T", with: " "), 17)
                    + "  " + TextLayout.pad(TextLayout.clip(r.intakeKey, 14), 14) + "  "
                    + TextLayout.pad(TextLayout.clip(r.status, 9), 9)
                    + "  " + TextLayout.lpad("\(placed)/\(new.count)", 6) + "  " + TextLayout.lpad("\(first)", 4)
                    + "   " + official)
        }
        return lines
    }

    static func show(_ r: RunRecord) -> [String] {
        let names = r.directory
        var lines = TextLayout.wrap(
            "Run \(r.id): \(r.scenarioName)" + (r.intake.map { " (\($0))" } ?? "") + ", recorded \(r.recordedAt)",
            indent: "  ")
        lines += TextLayout.wrap(
            "Status \(r.status), \(r.objectiveKind) objective \(r.objective.map(NumberText.number) ?? "none"); FellowMatch \(r.version); inputs \(r.inputHash).",
            first: "  ", indent: "    ")
        lines += TextLayout.wrap("Settings: \(r.settings)", first: "  ", indent: "    ")
        lines += TextLayout.wrap("Scenario folder: \(r.scenarioPath)", first: "  ", indent: "    ")
        if let p = r.publishedAt {
            lines += TextLayout.wrap("Official match since \(p): \(r.publishNote ?? "")", first: "  ", indent: "    ")
        }
        if let x = r.replacedAt {
            lines += TextLayout.wrap(
                "Replaced on \(x) by run \(r.replacedBy.map(String.init) ?? "?"): \(r.replacedNote ?? "")", first: "  ",
                indent: "    ")
        }
        lines.append("")
        lines.append("Placements:")
        for p in r.placements {
            let place = p.lab == nil ? p.status : names.place(lab: p.lab, mentor: p.mentor)
            let rank =
                p.rank.map { ", \(NumberText.ordinal($0)) choice" } ?? (p.status == "continuing" ? ", continuing" : "")
            let paid = p.funding.map { "\(names.sourceName($0.source)) \(MoneyText.cents($0.cents))" }.joined(
                separator: ", ")
            lines += TextLayout.wrap(
                "\(names.fellow(p.fellow)) → \(place)\(rank)" + (paid.isEmpty ? "" : "; paid by \(paid)"), first: "  ",
                indent: "      ")
        }
        if !r.talks.isEmpty {
            lines.append("")
            lines.append("Seminar schedule (\(r.talks.count) talks):")
            for t in r.talks {
                lines += TextLayout.wrap(
                    "\(t.date) \(t.start) \(names.fellowName(t.fellow)), \(Wording.talkTitle(t.kind).lowercased())"
                        + (t.room.isEmpty ? "" : ", \(t.room)"),
                    first: "  ", indent: "      ")
            }
        }
        return lines
    }

    /// The per-fellow differences, exactly as `compare` writes them.
    static func diff(_ a: RunRecord, _ b: RunRecord) -> [String] {
        let comparison = Comparison([
            ComparedScenario(label: "run \(a.id)", description: a.scenarioName, outcome: a.outcome, names: a.directory),
            ComparedScenario(label: "run \(b.id)", description: b.scenarioName, outcome: b.outcome, names: b.directory)
        ])
        return comparison.diffLines()
    }

    static func json(_ runs: [RunRecord]) throws -> String {
        struct Item: Encodable {
            var id: Int64, recorded_at: String, scenario: String, scenario_path: String, intake: String?,
                input_hash: String, version: String
            var settings: String, objective_kind: String, status: String, objective: Double?, bound: Double?,
                gap: Double?
            var placed: Int, new_fellows: Int, first_choices: Int, talks: Int
            var official: Bool, published_at: String?, publish_note: String?, replaced_at: String?,
                replaced_note: String?, replaced_by: Int64?
        }
        let items = runs.map { r in
            let new = r.placements.filter { $0.status != "continuing" }
            return Item(
                id: r.id, recorded_at: r.recordedAt, scenario: r.scenarioName, scenario_path: r.scenarioPath,
                intake: r.intake,
                input_hash: r.inputHash, version: r.version, settings: r.settings, objective_kind: r.objectiveKind,
                status: r.status,
                objective: r.objective, bound: r.bound, gap: r.gap, placed: new.filter { $0.status == "new" }.count,
                new_fellows: new.count,
                first_choices: new.filter { $0.rank == 1 }.count, talks: r.talks.count, official: r.isOfficial,
                published_at: r.publishedAt,
                publish_note: r.publishNote, replaced_at: r.replacedAt, replaced_note: r.replacedNote,
                replaced_by: r.replacedBy)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(items), as: UTF8.self)
    }
}
