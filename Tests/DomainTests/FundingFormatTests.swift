import Domain
import Testing

/// funding.csv `kind` and `slots`, and `[funding]` (rule 8): read, and every mistake located.
@Suite struct FundingFormatTests {
    static let kinds = """
        id,lab,budget,citizens_only,kind,slots
        t15,,200000,true,training-grant,3
        r01,labA,100000,false,federal,
        bridge,,50000,false,institutional,

        """

    @Test func kindsSlotsAndSettingsAreRead() throws {
        var files = validFiles()
        files["funding.csv"] = Self.kinds
        files["scenario.toml"]! += "[funding]\nmax_sources = 2\nmin_payment = 5000\norder = [\"bridge\", \"t15\"]\n"
        let s = try ScenarioReader.parse(texts: files, defaultName: "t").scenario
        #expect(s.funding.map(\.kind) == [.trainingGrant, .federal, .institutional])
        #expect(s.funding.map(\.slots) == [3, nil, nil])
        #expect(s.settings.funding.maxSources == 2 && s.settings.funding.minPayment == 5000)
        #expect(s.settings.funding.order == ["bridge", "t15"])
        #expect(s.usesAppointmentRules)
    }

    @Test func aFileWithoutTheNewColumnsUsesNoAppointmentRules() throws {
        let s = try ScenarioReader.parse(texts: validFiles(), defaultName: "t").scenario
        #expect(!s.usesAppointmentRules && s.funding[0].kind == nil)
    }

    @Test func anUnknownKindSuggestsTheNearest() throws {
        let i = try only { $0["funding.csv"] = Self.kinds.replacingOccurrences(of: "training-grant", with: "training") }
        #expect(i.file == "funding.csv" && i.line == 2 && i.column == "kind")
        #expect(i.hint?.contains("training-grant") == true)
    }

    @Test func slotsOutsideTheirRangeAreLocated() throws {
        let i = try only {
            $0["funding.csv"] = Self.kinds.replacingOccurrences(of: "training-grant,3", with: "training-grant,-1")
        }
        #expect(i.file == "funding.csv" && i.line == 2 && i.column == "slots")
    }

    @Test func everyFundingSettingMistakeIsReportedAtItsLine() {
        let found = issues {
            $0["scenario.toml"]! +=
                "[funding]\nmax_sources = 0\nmin_payment = -5\norder = [\"nlm\", \"nlmm\", \"nlm\"]\n"
        }
        let byColumn = Dictionary(grouping: found, by: \.column)
        #expect(byColumn["funding.max_sources"]?.first?.line == 5)
        #expect(byColumn["funding.min_payment"]?.first?.line == 6)
        #expect(byColumn["funding.order"]?.count == 2)
        #expect(byColumn["funding.order"]?.allSatisfy { $0.line == 7 } == true)
        #expect(found.count == 4)
    }

    @Test func theWriterKeepsKindsSlotsAndSettings() throws {
        var files = validFiles()
        files["funding.csv"] = Self.kinds
        files["scenario.toml"]! += "[funding]\nmax_sources = 2\nmin_payment = 5000\n"
        let s = try ScenarioReader.parse(texts: files, defaultName: "t").scenario
        let back = try ScenarioReader.parse(texts: ScenarioWriter.files(for: s), defaultName: "t").scenario
        #expect(back.funding.map(\.kind) == s.funding.map(\.kind))
        #expect(back.funding.map(\.slots) == s.funding.map(\.slots))
        #expect(back.settings.funding == s.settings.funding)
    }
}
