import ArgumentParser
import Domain
import Foundation
import IntakeGenerator

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

    func validate() throws {
        if fellows < 1 { throw ValidationError("--fellows must be at least 1") }
        try requireNewFolder(out)
    }

    func run() throws {
        let s = IntakeGenerator(newFellows: fellows, seed: seed, seminars: !noSessions).scenario()
        try ScenarioWriter.write(s, to: URL(fileURLWithPath: out))
        print(
            "Wrote \(out): \(s.newFellows.count) new and \(s.continuingFellows.count) continuing fellows, \(s.labs.count) labs, "
                + "\(s.mentors.count) mentors, \(s.funding.count) funding sources, \(s.preferences.count) preferences"
                + (s.sessions.map { ", \($0.count) seminar sessions." } ?? "."))
    }
}
