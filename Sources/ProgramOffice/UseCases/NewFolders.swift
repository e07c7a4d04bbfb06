import Domain
import Foundation
import IntakeGenerator
import RunHistory

/// A scenario folder a use case wrote: where, and what it holds.
public struct WrittenScenario: Sendable {
    public var folder: String
    public var scenario: Scenario
    /// What the writing decided beyond what was asked (next intake).
    public var notes: [String]
}

/// Next year's scenario written from this year's official match.
public struct NextIntakeResult: Sendable {
    public var written: WrittenScenario
    /// The official match it was written from.
    public var official: RunRecord
}

extension Office {
    /// Refuses a folder to create that exists already (generate, apply,
    /// next intake): a use case never writes into a folder it did not create.
    public func requireNewFolder(_ path: String) throws(OfficeError) {
        if FileManager.default.fileExists(atPath: path) { throw Self.folderExists(path) }
    }

    static func folderExists(_ path: String) -> OfficeError {
        OfficeError(.folderExists, "\(path) exists already; choose a new folder", path: path)
    }

    /// Creates `folder` (and its parents as needed), refusing one that
    /// exists: the check and the creation are one step (`mkdir`), so two
    /// commands writing the same new folder at once cannot both write into it.
    func claimNewFolder(_ path: String) throws(OfficeError) {
        try claim(path) { mkdir(path, 0o755) == 0 }
    }

    /// Creates `path` as an empty file (and its folder as needed), refusing
    /// one that exists, in one step (`O_CREAT | O_EXCL`): a workbook written
    /// there, or removed after a failure, is this command's own.
    func claimNewFile(_ path: String) throws(OfficeError) {
        try claim(path) {
            let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if descriptor >= 0 { close(descriptor) }
            return descriptor >= 0
        }
    }

    /// Creates the folder `path` is in as needed, then `path` itself by
    /// `create`: one call that fails (setting `errno`, `EEXIST` when `path`
    /// exists) rather than touch what is there.
    private func claim(_ path: String, by create: () -> Bool) throws(OfficeError) {
        let parent = (path as NSString).deletingLastPathComponent
        do {
            if !parent.isEmpty {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            }
        } catch {
            throw OfficeError(.writeFailed, "\(path) could not be created: \(error)", path: path)
        }
        guard !create() else { return }
        let failure = errno
        if failure == EEXIST { throw Self.folderExists(path) }
        throw OfficeError(
            .writeFailed, "\(path) could not be created: \(String(cString: strerror(failure)))", path: path)
    }

    /// Writes the scenario a what-if describes as a folder of its own; running
    /// it gives the same results as the what-if.
    public func apply(_ whatIf: OpenedProgram, to folder: String) throws(OfficeError) -> WrittenScenario {
        try requireNewFolder(folder)
        try writeScenario(whatIf.scenario, to: folder)
        return WrittenScenario(folder: folder, scenario: whatIf.scenario, notes: [])
    }

    /// Writes next year's scenario from the intake's official match: new
    /// fellows become continuing, second-years graduate, labs, mentors and
    /// funding are copied, `preferences.csv` waits for the new applicants.
    ///
    /// - Throws: ``OfficeError/Code/noOfficialMatch`` when none is published.
    public func nextIntake(_ program: OpenedProgram, history: String, to folder: String) throws(OfficeError)
        -> NextIntakeResult
    {
        try requireNewFolder(folder)
        let store = try openHistory(history)
        let official: RunRecord?
        do { official = try store.official(intakeKey: program.intakeKey) } catch {
            throw Self.historyError(error, history)
        }
        guard let official else {
            throw OfficeError(.noOfficialMatch, "\(program.intakeKey) has no official match yet", path: history)
        }
        let (next, notes) = NextIntake.scenario(from: program.scenario, official: official)
        try writeScenario(next, to: folder)
        return NextIntakeResult(
            written: WrittenScenario(folder: folder, scenario: next, notes: notes), official: official)
    }

    /// Writes a realistic synthetic program (`fellows` new fellows; the same
    /// seed gives the same files), with a seminar series of the given shape
    /// unless `sessions` is false, and mentors' rankings when `mentorRanks` is given.
    public func generate(
        fellows: Int, seed: UInt64, sessions: Bool, series: GeneratedSeries = .weekly,
        mentorRanks: GeneratedMentorRanks? = nil, committees: GeneratedCommittees? = nil, to folder: String
    ) throws(OfficeError) -> WrittenScenario {
        guard InputLimits.generatedFellows.contains(fellows) else {
            throw OfficeError(
                .outOfRange,
                "a generated scenario has from \(InputLimits.generatedFellows.lowerBound) to "
                    + "\(InputLimits.generatedFellows.upperBound) new fellows, not "
                    + "\(fellows), so that its files stay readable")
        }
        try requireNewFolder(folder)
        var s = IntakeGenerator(
            newFellows: fellows, seed: seed, seminars: sessions,
            series: series == .tight ? .tight : .weekly,
            mentorRanks: mentorRanks.map { $0 == .correlated ? .correlated : .independent }
        ).scenario()
        committees.map { CommitteeShape(rawValue: $0.rawValue) }??.add(to: &s, seed: seed)
        try writeScenario(s, to: folder)
        return WrittenScenario(folder: folder, scenario: s, notes: [])
    }

    func writeScenario(_ s: Scenario, to folder: String) throws(OfficeError) {
        try claimNewFolder(folder)
        do { try ScenarioWriter.write(s, to: URL(fileURLWithPath: folder)) } catch {
            throw OfficeError(.writeFailed, "\(folder) could not be written: \(error)", path: folder)
        }
    }
}
