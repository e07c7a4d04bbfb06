import Foundation
import ProgramOffice
import TestSupport
import Testing

/// The demo's thesis committees and defenses across a publication and a
/// re-plan (issue 31): every person of a defense holds it in their calendar;
/// after a reader leaves faculty.csv only the committees they sat on change,
/// those defenses are re-issued with a higher SEQUENCE, and the reader who
/// left gets them as cancelled.
@Suite struct DefenseCalendarRunTests {
    typealias C = CalendarSafetyTests

    static func committees(_ output: String) throws -> [String: [String]] {
        Dictionary(grouping: try C.rows(output + "/committees.csv"), by: { $0["fellow"]! }).mapValues {
            $0.map { "\($0["member"]!):\($0["role"]!):\($0["chair"]!)" }
        }
    }

    @Test func aReaderWhoLeavesChangesOnlyTheirCommitteesAndTheirCalendarsSaySo() throws {
        let (scenario, history) = try C.demoCopy()
        let august = C.office(at: "2026-08-20T09:00:00Z")
        let first = try august.run(try august.open(scenario), C.request(history, "official"))
        let before = try Self.committees(first.output)
        // Every member of f101's committee, and f101, hold f101's defense.
        let members = try #require(before["f101"]).map { String($0.split(separator: ":")[0]) }
        for person in ["f101", "program"] + members {
            let events = try C.events(first.output + "/calendar/\(person).ics")
            #expect(
                events.contains {
                    $0.contains("UID:f101-defense@biomedical-informatics-fellowship-2026-27.fellowmatch")
                }, "\(person)")
        }
        _ = try august.publish(1, note: "Approved", replace: false, history: history)

        // c01 (a faculty reader) leaves.
        for file in ["faculty.csv", "conflicts.csv"] {
            let url = URL(fileURLWithPath: scenario + "/" + file)
            let kept = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter {
                !$0.hasPrefix("c01,")
            }
            try Data((kept.joined(separator: "\n") + "\n").utf8).write(to: url)
        }
        let office = C.office(at: "2026-08-25T09:00:00Z")
        let second = try office.run(try office.open(scenario), C.request(history, "replan"))
        let after = try Self.committees(second.output)
        let sat = Set(before.filter { $0.value.contains { $0.hasPrefix("c01:") } }.keys)
        #expect(!sat.isEmpty)
        for (fellow, seats) in before where !sat.contains(fellow) {
            #expect(after[fellow] == seats, "\(fellow)'s committee changed though c01 was not on it")
        }
        for fellow in sat { #expect(after[fellow]?.contains { $0.hasPrefix("c01:") } == false, "\(fellow)") }
        // Defenses whose committee did not change stay in their slot.
        let slots = { (output: String) in
            Dictionary(uniqueKeysWithValues: try C.rows(output + "/defenses.csv").map { ($0["fellow"]!, $0) })
        }
        let (was, now) = (try slots(first.output), try slots(second.output))
        for fellow in was.keys where !sat.contains(fellow) { #expect(was[fellow] == now[fellow], "\(fellow)") }
        // defenses.csv gives each defense's calendar revision: 0 when first issued, 1 once its committee changed.
        #expect(was.values.allSatisfy { $0["sequence"] == "0" })
        for fellow in sat where now[fellow] != nil { #expect(now[fellow]?["sequence"] == "1", "\(fellow)") }
        // The changed committees' defenses rise to SEQUENCE 1 in program.ics; c01 gets each cancelled.
        let program = try C.events(second.output + "/calendar/program.ics")
        for fellow in sat {
            let uid = "UID:\(fellow)-defense@biomedical-informatics-fellowship-2026-27.fellowmatch"
            let event = try #require(program.first { $0.contains(uid) }, "\(fellow)")
            #expect(C.value(event, "SEQUENCE") == "1" && C.value(event, "STATUS") == nil, "\(fellow)")
        }
        let gone = try C.events(second.output + "/calendar/c01.ics")
        #expect(gone.count == sat.count && gone.allSatisfy { C.value($0, "STATUS") == "CANCELLED" })
        // The history holds both runs' committees and defenses.
        let recorded = try office.recordedRun(2, history: history)
        #expect(Set(recorded.committees.map(\.fellow)) == Set(after.keys) && recorded.defenses.count == now.count)
    }
}
