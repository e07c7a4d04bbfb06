import Domain
import Foundation
import ProgramOffice
import TestSupport
import Testing

/// A personal link of a preference round saves only while it is the person's.
@Suite struct RoundLinkTests {
    /// A page opened through a link, then the link replaced (the coordinator
    /// issued a new one): a save from that page is refused, one through the
    /// new link is kept.
    @Test func aLinkReplacedAfterItsPageOpenedSavesNothing() throws {
        let folder = try SmallProgram().write()
        let history = Scratch.path("round").appendingPathComponent("history.sqlite").path
        let office = Office()
        let program = try office.open(folder)
        let links = try office.openRound(program, deadline: CalendarDate("2099-12-31")!, history: history, by: "ada")
        let f1 = try #require(links.first { $0.person == "f1" })
        let today = CalendarDate("2026-12-04")!
        let old = try #require(try office.roundAccess(token: f1.token, history: history, today: today))
        let fresh = try office.reissueLink(intakeKey: program.intakeKey, person: "f1", history: history, by: "ada")
        #expect(throws: OfficeError.self) {
            try office.saveRanking(old, choices: ["lab2", "lab1"], certify: true, savedBy: "self", history: history)
        }
        let now = try #require(try office.roundAccess(token: fresh.token, history: history, today: today))
        try office.saveRanking(now, choices: ["lab2", "lab1"], certify: true, savedBy: "self", history: history)
        let status = try #require(try office.roundStatus(intakeKey: program.intakeKey, history: history))
        #expect(status.rankings["f1"]?.ranked == ["lab2", "lab1"])
        #expect(status.rankings.count == 1)
    }
}
