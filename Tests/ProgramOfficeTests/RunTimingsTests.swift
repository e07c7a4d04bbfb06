import Domain
import Foundation
import ProgramOffice
import TestSupport
import Testing

/// A run timed phase by phase (`fellowmatch run --timings`) writes what an
/// untimed run writes, and its clock names every phase the run went through.
@Suite struct RunTimingsTests {
    @Test func aTimedRunWritesWhatAnUntimedRunWritesAndNamesItsPhases() throws {
        let (scenario, _) = try CalendarSafetyTests.demoCopy()
        let office = Office()
        let clock = PhaseClock()
        let program = try office.open(scenario, clock: clock)
        var request = RunRequest()
        request.record = false
        request.output = Scratch.path("timed").path
        request.clock = clock
        let timed = try office.run(program, request)
        request.output = Scratch.path("untimed").path
        request.clock = nil
        let untimed = try office.run(try office.open(scenario), request)
        // Only summary.json's solve times vary between two runs (they are measured).
        #expect(timed.files.keys.sorted() == untimed.files.keys.sorted())
        for (name, data) in timed.files where name != "summary.json" {
            #expect(untimed.files[name] == data, "\(name)")
        }
        let names = clock.phases.map(\.name)
        for phase in [
            "read", "check", "placement", "schedule ahead", "schedule, waited for", "file report.html", "file CSVs",
            "file calendar/",
            "file letters/", "file summary.json", "file results.xlsx", "write", "sync"
        ] {
            #expect(names.contains(phase), "\(phase) in \(names)")
        }
        #expect(Set(names).count == names.count)
        // The timed run's folder holds every file the run made, and only them (with the manifest).
        let written = try FileManager.default.subpathsOfDirectory(atPath: timed.output).filter {
            var folder: ObjCBool = false
            FileManager.default.fileExists(atPath: timed.output + "/" + $0, isDirectory: &folder)
            return !folder.boolValue
        }
        #expect(Set(written) == Set(timed.files.keys).union(["manifest.json"]))
        for (name, data) in timed.files {
            #expect(FileManager.default.contents(atPath: timed.output + "/" + name) == data, "\(name)")
        }
    }
}
