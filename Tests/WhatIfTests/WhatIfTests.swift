import Domain
import Foundation
import GLPKBackend
import PlacementSolver
import Reports
import Testing

/// A small base scenario on disk, and helpers to write what-ifs beside it.
struct Workspace {
    let root: URL
    var base: URL { root.appendingPathComponent("base") }

    static let baseFiles: [String: String] = [
        "scenario.toml": "name = \"Base\"\n",
        "fellows.csv": """
        id,track,citizenship,status,lab,mentor,interests,cost
        f1,clinical,citizen,new,,,nlp,50000
        f2,clinical,other,new,,,nlp,50000
        f3,imaging,citizen,new,,,imaging,50000
        c1,clinical,citizen,continuing,labA,mA1,nlp,50000

        """,
        "labs.csv": "id,areas,capacity\nlabA,nlp,3\nlabB,nlp;imaging,2\nlabC,imaging,2\n",
        "mentors.csv": "id,lab,capacity\nmA1,labA,2\nmA2,labA,1\nmB,labB,2\nmC,labC,2\n",
        "funding.csv": "id,lab,budget,citizens_only\nnlm,,150000,true\nlabB-grant,labB,60000,false\n",
        "preferences.csv": "fellow,lab,rank\nf1,labA,1\nf1,labB,2\nf2,labA,1\nf2,labB,2\nf3,labB,1\nf3,labC,2\n"
    ]

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("fm-whatif-\(UUID().uuidString)")
        try write(Self.baseFiles, to: base)
    }

    func write(_ files: [String: String], to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
    }

    /// A copy of the base with files edited by hand.
    func handEdited(_ edit: (inout [String: String]) -> Void) throws -> Scenario {
        var files = Self.baseFiles
        edit(&files)
        let folder = root.appendingPathComponent("hand-\(UUID().uuidString)")
        try write(files, to: folder)
        return try ScenarioReader().read(folder: folder).scenario
    }

    func whatIf(_ text: String, extra: [String: String] = [:]) throws -> WhatIf {
        let folder = root.appendingPathComponent("what-if")
        try write(extra, to: folder)
        let file = folder.appendingPathComponent("w-\(UUID().uuidString).toml")
        try Data(("base = \"../base\"\n" + text).utf8).write(to: file)
        return try WhatIfReader.read(path: file.path)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: root) }
}

func solve(_ s: Scenario) throws -> PlacementOutcome { try PlacementEngine(solver: GLPKSolver()).run(s) }

/// The parts of a scenario a what-if may change (names of scenarios differ by design).
func sameContent(_ a: Scenario, _ b: Scenario) -> Bool {
    func strip<T>(_ xs: [T], _ clear: (inout T) -> Void) -> [T] {
        xs.map {
            var x = $0
            clear(&x)
            return x
        }
    }
    return strip(a.fellows, { $0.line = 0 }) == strip(b.fellows, { $0.line = 0 })
        && strip(a.labs, { $0.line = 0 }) == strip(b.labs, { $0.line = 0 })
        && strip(a.mentors, { $0.line = 0 }) == strip(b.mentors, { $0.line = 0 })
        && strip(a.funding, { $0.line = 0 }) == strip(b.funding, { $0.line = 0 })
        && strip(a.preferences, { $0.line = 0 }) == strip(b.preferences, { $0.line = 0 })
        && strip(a.mentorPreferences, { $0.line = 0 }) == strip(b.mentorPreferences, { $0.line = 0 })
        && strip(a.rules, { $0.line = 0 }) == strip(b.rules, { $0.line = 0 })
        && a.settings.objective == b.settings.objective && a.settings.allowUnplaced == b.settings.allowUnplaced
}

@Suite struct WhatIfChangeTests {
    @Test func modifyEqualsEditingByHand() throws {
        let w = try Workspace()
        defer { w.cleanUp() }
        let what = try w.whatIf(
            """
            [[change]]
            action = "modify"
            file = "funding"
            id = "nlm"
            set = { budget = 50000 }
            """)
        let hand = try w.handEdited {
            $0["funding.csv"] = "id,lab,budget,citizens_only\nnlm,,50000,true\nlabB-grant,labB,60000,false\n"
        }
        #expect(sameContent(what.scenario, hand))
        #expect(try solve(what.scenario).placements == solve(hand).placements)
    }

    @Test func addFromRowsAndFileEqualsEditingByHand() throws {
        let w = try Workspace()
        defer { w.cleanUp() }
        let what = try w.whatIf(
            """
            [[change]]
            action = "add"
            file = "fellows"
            from = "more.csv"

            [[change]]
            action = "add"
            file = "preferences"
            rows = [{ fellow = "f4", lab = "labC", rank = 1 }, { fellow = "f4", lab = "labB", rank = 2 }]
            """, extra: ["more.csv": "id,track,citizenship,interests,cost\nf4,imaging,citizen,imaging,40000\n"])
        let hand = try w.handEdited {
            $0["fellows.csv"]! += "f4,imaging,citizen,new,,,imaging,40000\n"
            $0["preferences.csv"]! += "f4,labC,1\nf4,labB,2\n"
        }
        #expect(sameContent(what.scenario, hand))
        #expect(try solve(what.scenario).placements == solve(hand).placements)
    }

    @Test func removeEqualsEditingByHandIncludingRowsThatReferToIt() throws {
        let w = try Workspace()
        defer { w.cleanUp() }
        let what = try w.whatIf(
            """
            [[change]]
            action = "remove"
            file = "labs"
            id = "labC"
            """)
        let hand = try w.handEdited {
            $0["labs.csv"] = "id,areas,capacity\nlabA,nlp,3\nlabB,nlp;imaging,2\n"
            $0["mentors.csv"] = "id,lab,capacity\nmA1,labA,2\nmA2,labA,1\nmB,labB,2\n"
            $0["preferences.csv"] = "fellow,lab,rank\nf1,labA,1\nf1,labB,2\nf2,labA,1\nf2,labB,2\nf3,labB,1\n"
        }
        #expect(sameContent(what.scenario, hand))
        #expect(what.notes.count == 2)
        #expect(try solve(what.scenario).placements == solve(hand).placements)
    }

    @Test func settingsOverrideEqualsEditingByHand() throws {
        let w = try Workspace()
        defer { w.cleanUp() }
        let what = try w.whatIf("[objective]\nkind = \"generous\"\n[placement]\nallow_unplaced = true\n")
        let hand = try w.handEdited {
            $0["scenario.toml"] =
                "name = \"Base\"\n[objective]\nkind = \"generous\"\n[placement]\nallow_unplaced = true\n"
        }
        #expect(sameContent(what.scenario, hand))
    }

    @Test func matchSelectsRowsWithoutAnId() throws {
        let w = try Workspace()
        defer { w.cleanUp() }
        let what = try w.whatIf(
            """
            [[change]]
            action = "modify"
            file = "preferences"
            match = { fellow = "f3", lab = "labC" }
            set = { rank = 1 }
            """)
        #expect(what.scenario.preferences.filter { $0.fellow == "f3" }.map(\.rank) == [1, 1])
    }

    @Test func badChangesAreReportedAtTheirLines() throws {
        let w = try Workspace()
        defer { w.cleanUp() }
        do {
            _ = try w.whatIf(
                """
                description = "broken"

                [[change]]
                action = "modify"
                file = "funding"
                id = "nlm-t99"
                set = { budget = 1 }

                [[change]]
                action = "add"
                file = "preferences"
                row = { fellow = "f1", lab = "labZ", rank = 3 }

                [[change]]
                action = "modify"
                file = "labs"
                id = "labA"
                set = { capacityy = 4 }
                """)
            Issue.record("accepted broken changes")
        } catch let error as ScenarioError {
            let issues: [ScenarioIssue] = error.errors
            let first = issues.contains { (i: ScenarioIssue) -> Bool in
                i.line == 4 && i.column == "change[1].id"
                    && i.message.contains("no row of funding.csv has id = nlm-t99")
            }
            #expect(first)
            let third = issues.contains { (i: ScenarioIssue) -> Bool in
                i.line == 15 && i.column == "change[3].set" && (i.hint ?? "").contains("did you mean capacity?")
            }
            #expect(third, "\(issues)")
            #expect(issues.allSatisfy { $0.file.hasSuffix(".toml") })
        }
        // A row added by a change that the reader rejects is reported at the change.
        do {
            _ = try w.whatIf(
                """
                [[change]]
                action = "add"
                file = "preferences"
                row = { fellow = "f1", lab = "labZ", rank = 3 }
                """)
            Issue.record("accepted a preference for an unknown lab")
        } catch let error as ScenarioError {
            let i = try #require(error.errors.first)
            #expect(
                i.file.hasSuffix(".toml") && i.line == 2 && i.column == "lab"
                    && i.message.contains("unknown lab \"labZ\""))
        }
    }
}

@Suite struct ComparisonTests {
    @Test func perFellowDiffMatchesTheTwoRuns() throws {
        let w = try Workspace()
        defer { w.cleanUp() }
        let base = try ScenarioReader().read(folder: w.base).scenario
        let what = try w.whatIf(
            """
            [[change]]
            action = "modify"
            file = "labs"
            id = "labB"
            set = { capacity = 0 }

            [placement]
            allow_unplaced = true
            """)
        let a = try solve(base), b = try solve(what.scenario)
        let c = Comparison([
            ComparedScenario(label: "base", description: "", scenario: base, outcome: a),
            ComparedScenario(label: "w", description: "", scenario: what.scenario, outcome: b)
        ])
        let expected = a.placements.compactMap { p -> String? in
            let q = b.placements.first { $0.fellow == p.fellow }!
            return (p.lab, p.mentor, p.status) == (q.lab, q.mentor, q.status) ? nil : p.fellow
        }
        #expect(c.diffs[0].map(\.fellow) == expected)
        #expect(!expected.isEmpty)
        let table = c.table(width: 100)
        #expect(table.split(separator: "\n").allSatisfy { $0.count <= 100 })
        #expect(c.csv().hasPrefix("scenario,measure,value\n"))
        #expect(c.markdown().contains("## Who moves"))
    }
}

@Suite struct ExplainTests {
    /// labA (capacity 1) is f1's and f2's first choice; labB second for both.
    /// f2 is placed in labA only if f1 moves to labB: total rank 3 either way,
    /// so f1 at labB costs 0 and displaces f2. labX (f2's rank 1 too) does not fund f2's interests.
    @Test func reasonsAndCostsWorkedOutByHand() throws {
        var s = try ScenarioReader.parse(
            texts: [
                "scenario.toml": "name = \"x\"\n",
                "fellows.csv":
                    "id,track,citizenship,interests,cost\nf1,clinical,citizen,nlp,0\nf2,clinical,citizen,nlp,0\nf3,clinical,citizen,nlp,0\n",
                "labs.csv": "id,areas,capacity\nlabA,nlp,1\nlabB,nlp,2\nlabX,genomics,2\n",
                "mentors.csv": "id,lab,capacity\nmA,labA,1\nmB,labB,2\nmX,labX,2\n",
                "funding.csv": "id,budget\npool,0\n",
                "preferences.csv":
                    "fellow,lab,rank\nf1,labA,1\nf1,labB,2\nf2,labX,1\nf2,labA,2\nf2,labB,3\nf3,labA,1\nf3,labB,3\n"
            ], defaultName: "x"
        ).scenario
        s.settings.objective = .totalRank
        let engine = PlacementEngine(solver: GLPKSolver())
        let base = try engine.run(s)
        // Optimum: f1 labA (1), f2 labB (3), f3 labB (3) = 7; or f3 labA (1), f1 labB (2), f2 labB (3) = 6. So 6.
        #expect(base.objective == 6)
        #expect(base.lab("f3") == "labA" && base.lab("f1") == "labB" && base.lab("f2") == "labB")
        let e2 = try engine.explain(s, base: base, fellow: "f2")
        #expect(e2.better.count == 2)
        guard case .ineligible(let why) = e2.better[0].verdict else {
            Issue.record("labX should be ineligible")
            return
        }
        #expect(e2.better[0].lab == "labX" && why.contains("funded for genomics"))
        // f2 at labA (rank 2): f3 must leave labA for labB (3): f1 2 + f2 2 + f3 3 = 7, +1.
        guard case .cost(let from, let to, let displaced) = e2.better[1].verdict else {
            Issue.record("labA should have a cost")
            return
        }
        #expect(from == 6 && to == 7)
        #expect(displaced.contains { $0.fellow == "f3" })
        let e1 = try engine.explain(s, base: base, fellow: "f1")
        // f1 at labA: f3 goes to labB (3): 1 + 3 + 3 = 7.
        guard case .cost(_, let to1, _) = e1.better[0].verdict else {
            Issue.record("expected a cost")
            return
        }
        #expect(to1 == 7)
        #expect(ExplainReport.statements(e1, scenario: s).contains { $0.contains("(+1, higher)") })
    }

    @Test func lockedElsewhereAndCapacityAreNamed() throws {
        let s = try ScenarioReader.parse(
            texts: [
                "scenario.toml": "name = \"x\"\n",
                "fellows.csv":
                    "id,track,citizenship,status,lab,mentor,interests,cost\nf1,clinical,citizen,new,,,nlp,0\nc1,clinical,citizen,continuing,labA,mA,nlp,0\n",
                "labs.csv": "id,areas,capacity\nlabA,nlp,1\nlabB,nlp,2\n",
                "mentors.csv": "id,lab,capacity\nmA,labA,1\nmB,labB,2\n",
                "funding.csv": "id,budget\npool,0\n",
                "preferences.csv": "fellow,lab,rank\nf1,labA,1\nf1,labB,2\n"
            ], defaultName: "x"
        ).scenario
        let engine = PlacementEngine(solver: GLPKSolver())
        let e = try engine.explain(s, base: try engine.run(s), fellow: "f1")
        guard case .ineligible(let why) = e.better.first?.verdict else {
            Issue.record("expected ineligible")
            return
        }
        #expect(why == "labA is full: capacity 1, 1 continuing fellow (rule 4 in docs/scenario-format.md)")
    }
}

@Suite struct RematchTests {
    @Test func minimalChangeMovesNobodyWhoNeedNotMove() throws {
        // Five fellows, five labs of one place, everyone indifferent between two labs (rank 1 and 1).
        // After f5 withdraws, the optimum does not need anyone to move; without --keep ties may reshuffle.
        var texts: [String: String] = [
            "scenario.toml": "name = \"x\"\n",
            "labs.csv": "id,areas,capacity\n" + (1...5).map { "lab\($0),a,1" }.joined(separator: "\n") + "\n",
            "mentors.csv": "id,lab,capacity\n" + (1...5).map { "m\($0),lab\($0),1" }.joined(separator: "\n") + "\n",
            "funding.csv": "id,budget\npool,0\n"
        ]
        func fellows(_ n: Int) {
            texts["fellows.csv"] =
                "id,track,citizenship,interests,cost\n" + (1...n).map { "f\($0),t,citizen,a,0" }.joined(separator: "\n")
                + "\n"
            texts["preferences.csv"] =
                "fellow,lab,rank\n"
                + (1...n).flatMap { f in
                    [f, f % 5 + 1].map { "f\(f),lab\($0),1" }
                }.joined(separator: "\n") + "\n"
        }
        fellows(5)
        let engine = PlacementEngine(solver: GLPKSolver())
        let before = try engine.run(try ScenarioReader.parse(texts: texts, defaultName: "x").scenario)
        let previous = before.placements.map {
            PreviousPlacement(fellow: $0.fellow, status: $0.status, lab: $0.lab, mentor: $0.mentor)
        }
        fellows(4)
        let after = try engine.run(
            try ScenarioReader.parse(texts: texts, defaultName: "x").scenario, previous: previous)
        #expect(after.status == .optimal)
        // Only f5's withdrawal shows: nobody else moves.
        #expect(after.moves.map(\.fellow) == ["f5"])
        #expect(after.moves.first?.to == nil)
    }
}

extension PlacementOutcome {
    func lab(_ fellow: String) -> String? { placements.first { $0.fellow == fellow }?.lab }
}
