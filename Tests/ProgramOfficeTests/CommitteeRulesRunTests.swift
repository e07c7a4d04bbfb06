import Domain
import Foundation
import ProgramOffice
import TestSupport
import Testing

/// committee_rules.csv in a run of the demo (issue 31): a lock and a forbid
/// honoured in committees.csv; a lock that contradicts conflicts.csv stops
/// the run with a located message.
@Suite struct CommitteeRulesRunTests {
    static func committees(_ result: RunResult) throws -> [String: Set<String>] {
        let text = try #require(result.files["committees.csv"].map { String(decoding: $0, as: UTF8.self) })
        let rows = text.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        return Dictionary(grouping: rows, by: { $0[0] }).mapValues { Set($0.map { $0[1] }) }
    }

    /// In the demo, c01 reads for f101 and c02 for f102 (both chair). Forbid
    /// c01 for f101 and lock c03 (genomics, a chair, in no lab, no conflict
    /// with f102) to f102: c01 is off f101's committee, c03 is on f102's,
    /// and every continuing fellow still has a committee.
    @Test func aLockAndAForbidAreHonoured() throws {
        let (scenario, history) = try CalendarSafetyTests.demoCopy()
        try "fellow,member,rule,reason\nf101,c01,forbid,on leave\nf102,c03,lock,asked for her\n".write(
            toFile: scenario + "/committee_rules.csv", atomically: true, encoding: .utf8)
        let office = Office()
        let program = try office.open(scenario)
        let result = try office.run(program, CalendarSafetyTests.request(history, "committee-rules"))
        let committees = try Self.committees(result)
        #expect(committees["f101"]?.contains("c01") == false)
        #expect(committees["f102"]?.contains("c03") == true)
        #expect(Set(committees.keys) == Set(program.scenario.continuingFellows.map(\.id)))
        for (name, data) in result.files where !name.hasSuffix(".xlsx") {
            #expect(!String(decoding: data, as: UTF8.self).contains("asked for her"), "\(name) shows a reason")
        }
    }

    /// conflicts.csv line 3: c03 may not sit on f104's committee; a lock of
    /// that pair is an error at its line, and nothing runs.
    @Test func aLockAgainstAConflictIsLocated() throws {
        let (scenario, _) = try CalendarSafetyTests.demoCopy()
        try "fellow,member,rule\nf104,c03,lock\n".write(
            toFile: scenario + "/committee_rules.csv", atomically: true, encoding: .utf8)
        do {
            _ = try Office().open(scenario)
            Issue.record("the lock was accepted")
        } catch {
            #expect(error.code == .badInput)
            #expect(
                error.problems.map { $0.description.replacingOccurrences(of: scenario + "/", with: "") } == [
                    "committee_rules.csv:2: member: c03 is in conflict with f104 (conflicts.csv line 3) (remove either the lock or the conflict)"
                ])
        }
    }
}
