import Domain
import Foundation
import Testing

/// `validFiles()` with the header row of `file` rewritten by `header`.
func withHeader(_ file: String, _ header: @escaping (String) -> String) -> (inout [String: String]) -> Void {
    { files in
        var lines = files[file]!.components(separatedBy: "\n")
        lines[0] = header(lines[0])
        files[file] = lines.joined(separator: "\n")
    }
}

/// The warnings of a scenario that reads without errors.
func warnings(_ change: (inout [String: String]) -> Void) throws -> [ScenarioIssue] {
    var files = validFiles()
    change(&files)
    return try ScenarioReader.parse(texts: files, defaultName: "t").warnings
}

@Suite struct ColumnNameTests {
    @Test func headersInAnyCaseWithSpacesOrHyphensAreTheirColumns() throws {
        var files = validFiles()
        withHeader("fellows.csv") { _ in "ID,Track,Citizenship,Status,Lab,Mentor,Interests,Cost,External Funding" }(
            &files)
        withHeader("labs.csv") { _ in " Id , AREAS ,capacity" }(&files)
        files["fellows.csv"] = files["fellows.csv"]!.replacingOccurrences(of: "nlp,60000,0", with: "nlp,60000,5000")
        let r = try ScenarioReader.parse(texts: files, defaultName: "t")
        #expect(r.warnings.isEmpty, "\(r.warnings)")
        #expect(r.scenario.fellows.map(\.externalFunding) == [5000, 5000])
        #expect(r.scenario.labs.map(\.capacity) == [3, 2])
    }

    @Test func aColumnCloseToAKnownOneIsOneErrorWithDidYouMean() throws {
        let i = try only(
            withHeader("fellows.csv") { $0.replacingOccurrences(of: "external_funding", with: "externl funding") })
        #expect(
            i.description
                == "fellows.csv:1: externl funding: unknown column \"externl funding\" (did you mean external_funding? rename the header to external_funding)"
        )
        let j = try only(withHeader("fellows.csv") { $0.replacingOccurrences(of: "cost", with: "cots") })
        #expect(j.column == "cots" && j.hint?.contains("did you mean cost?") == true)
    }

    @Test func otherColumnsAreListedOnceAsIgnored() throws {
        let w = try warnings {
            $0["labs.csv"] = "id,areas,capacity,notes,phone\nlabA,nlp,3,x,1\nlabB,nlp;imaging,2,y,2\n"
        }
        #expect(
            w.map(\.description) == [
                "labs.csv:1: -: warning: the columns \"notes\" and \"phone\" are not read (ignored) (the columns read here are id, name, institution, areas, capacity; rename a column that was meant as one of them)"
            ])
    }
}
