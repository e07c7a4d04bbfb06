import Domain
import Foundation
import Testing

/// The optional `email` columns of fellows.csv and mentors.csv and `[program] office_email`.
@Suite struct EmailColumnTests {
    @Test func addressesAreReadForFellowsAndMentors() throws {
        var files = validFiles()
        files["fellows.csv"] = """
            id,track,citizenship,status,lab,mentor,interests,cost,external_funding,email
            f1,clinical,citizen,new,,,nlp,60000,0,ann.lee+fm@mail.example.org
            c1,clinical,citizen,continuing,labA,mA,nlp,60000,0,

            """
        files["mentors.csv"] = "id,lab,capacity,Email\nmA,labA,2,  ma@example.org \nmB,labB,2,\n"
        files["scenario.toml"]! += "[program]\noffice_email = \"office@example.org\"\n"
        let r = try ScenarioReader.parse(texts: files, defaultName: "t")
        #expect(r.scenario.fellows.map(\.email) == ["ann.lee+fm@mail.example.org", nil])
        #expect(r.scenario.mentors.map(\.email) == ["ma@example.org", nil])
        #expect(r.scenario.settings.officeEmail == "office@example.org")
        #expect(r.warnings.isEmpty)
        // Written back by what-ifs and next-intake, and read again the same.
        let again = try ScenarioReader.parse(texts: ScenarioWriter.files(for: r.scenario), defaultName: "t")
        #expect(again.scenario.fellows.map(\.email) == r.scenario.fellows.map(\.email))
        #expect(again.scenario.mentors.map(\.email) == r.scenario.mentors.map(\.email))
        #expect(again.scenario.settings.officeEmail == "office@example.org")
    }

    @Test func anImplausibleAddressIsALocatedError() throws {
        let i = try only {
            $0["mentors.csv"] =
                "id,lab,capacity,email\nmA,labA,2,ma@example.org\nmB,labB,2,\"mb@example.org, x@y.org\"\n"
        }
        #expect(i.file == "mentors.csv" && i.line == 3 && i.column == "email")
        #expect(i.message == "\"mb@example.org, x@y.org\" has more than one @")
        #expect(i.hint == "write one address, e.g. name@example.org, or leave it empty")
    }

    @Test func officeEmailMustBeAnAddress() throws {
        let i = try only { $0["scenario.toml"]! += "[program]\noffice_email = \"office at example.org\"\n" }
        #expect(i.file == "scenario.toml" && i.column == "program.office_email")
    }

    @Test(
        arguments: [
            ("ann@example.org", nil),
            ("a.b-c_d+e@sub.example.co.uk", nil),
            ("ann", "\"ann\" is not an e-mail address (no @)"),
            ("ann@example", "\"ann@example\" needs a domain with a dot after the @, e.g. example.org"),
            ("ann lee@example.org", "\"ann lee@example.org\" has a space before the @, which an address cannot hold"),
            (
                "ann..lee@example.org",
                "\"ann..lee@example.org\" has a dot at the start or end of the name or two dots in a row"
            ),
            (".ann@example.org", "\".ann@example.org\" has a dot at the start or end of the name or two dots in a row"),
            ("ann@-example.org", "\"ann@-example.org\" has a domain part starting or ending with -"),
            ("ann@example..org", "\"ann@example..org\" has an empty or over-long part in its domain"),
            ("ann@exa_mple.org", "\"ann@exa_mple.org\" has \"_\" in its domain, which a domain cannot hold"),
            ("zoë@example.org", "\"zoë@example.org\" has \"ë\" before the @, which an address cannot hold"),
            ("<ann@example.org>", "\"<ann@example.org>\" has \"<\" before the @, which an address cannot hold"),
            ("@example.org", "\"@example.org\" needs 1 to 64 characters before the @")
        ] as [(String, String?)])
    func plausibleAddresses(text: String, problem: String?) {
        #expect(EmailAddress.problem(with: text) == problem)
    }
}
