import Domain
import Foundation
import ProgramOffice
import TestSupport
import Testing

/// The demo's thesis committees as `run` writes them (issue 31): every rule
/// of docs/scenario-format.md's "Thesis committees" checked row by row from
/// committees.csv and the input files, independently of the engine; conflicts'
/// reasons in no output file.
@Suite struct CommitteeRunTests {
    @Test func theDemosCommitteesKeepEveryRule() throws {
        let (scenario, history) = try CalendarSafetyTests.demoCopy()
        let office = Office()
        let program = try office.open(scenario)
        let result = try office.run(program, CalendarSafetyTests.request(history, "committees"))
        #expect(result.verdict == .solved)
        let s = program.scenario
        let text = try #require(result.files["committees.csv"].map { String(decoding: $0, as: UTF8.self) })
        let rows = text.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        let byFellow = Dictionary(grouping: rows, by: { $0[0] })
        #expect(Set(byFellow.keys) == Set(s.continuingFellows.map(\.id)))  // all 12 formed
        let labOf = Dictionary(
            uniqueKeysWithValues: s.mentors.map { ($0.id, Optional($0.lab)) } + s.faculty.map { ($0.id, $0.lab) })
        let external = Set(s.mentors.filter(\.external).map(\.id) + s.faculty.filter(\.external).map(\.id))
        let chairs = Set(s.mentors.filter(\.chair).map(\.id) + s.faculty.filter(\.chair).map(\.id))
        let limit = Dictionary(
            uniqueKeysWithValues: s.mentors.map { ($0.id, $0.committeeLoad) }
                + s.faculty.map { ($0.id, $0.committeeLoad) })
        var loads: [String: Int] = [:]
        for f in s.continuingFellows {
            let seats = try #require(byFellow[f.id])
            #expect(seats.first?[1] == f.mentor && seats.first?[2] == "mentor")
            let readers = seats.filter { $0[2] == "reader" }.map { $0[1] }
            let externals = seats.filter { $0[2] == "external" }.map { $0[1] }
            #expect((1...2).contains(readers.count) && externals.count == 1, "\(f.id)")
            #expect(readers.allSatisfy { !external.contains($0) } && externals.allSatisfy(external.contains))
            for member in readers + externals {
                #expect(labOf[member] ?? nil != f.lab, "\(f.id): \(member) is in the fellow's lab")
                #expect(!s.conflicts.contains { $0.person == member && $0.fellow == f.id }, "\(f.id): \(member)")
                loads[member, default: 0] += 1
            }
            let chair = seats.filter { $0[3] == "true" }.map { $0[1] }
            #expect(chair.count == 1 && chairs.contains(chair[0]) && chair[0] != f.mentor, "\(f.id)")
        }
        for (member, load) in loads { #expect(load <= limit[member]!, "\(member)") }
        for (name, data) in result.files where !name.hasSuffix(".xlsx") {
            let content = String(decoding: data, as: UTF8.self)
            #expect(!content.contains("former postdoctoral supervisor"), "\(name) shows a conflict's reason")
        }
        let summary = String(decoding: try #require(result.files["summary.json"]), as: UTF8.self)
        // Worked by hand: f104 (genomics, lab05) can have only one reader or external who works on
        // genomics, m20 (c03 and x01 are in conflict with f104; m10 and m11 are in lab05), so the
        // worst-served fellow's expertise is at most 1; every fellow gets at least 1 here.
        #expect(summary.contains("\"committees\"") && summary.contains("\"worst_expertise\" : 1"))
    }

    /// The demo's defenses: every committee has one, after the fellow's last
    /// `wip` talk, and no person or room is in two at once (checked from the files).
    @Test func theDemosDefensesKeepEveryRule() throws {
        let (scenario, history) = try CalendarSafetyTests.demoCopy()
        let office = Office()
        let result = try office.run(try office.open(scenario), CalendarSafetyTests.request(history, "defenses"))
        func rows(_ name: String) throws -> [[String]] {
            let text = try #require(result.files[name].map { String(decoding: $0, as: UTF8.self) })
            return text.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        }
        let defenses = try rows("defenses.csv")  // fellow, date, start, end, room
        let committees = Dictionary(grouping: try rows("committees.csv"), by: { $0[0] }).mapValues { $0.map { $0[1] } }
        #expect(Set(defenses.map { $0[0] }) == Set(committees.keys) && defenses.count == committees.count)
        let talks = try rows("schedule.csv")  // session, date, start, end, room, fellow, kind
        for d in defenses {
            let last = talks.filter { $0[5] == d[0] && $0[6] == "wip" }.map { $0[1] + " " + $0[2] }.max() ?? ""
            #expect(d[1] + " " + d[2] > last, "\(d[0]) defends before their last wip talk")
        }
        for (i, a) in defenses.enumerated() {
            for b in defenses[(i + 1)...] where a[1] == b[1] && a[2] < b[3] && b[2] < a[3] {
                #expect(a[4] != b[4], "\(a[0]) and \(b[0]) in one room at once")
                let shared = Set(committees[a[0]]!).intersection(committees[b[0]]!)
                #expect(shared.isEmpty, "\(a[0]) and \(b[0]) share \(shared) at once")
            }
        }
    }
}
