import Domain
import Testing

/// committee_rules.csv (issue 31): locks and forbids of committee members,
/// read like rules.csv; every problem at its file, line and column, all at once.
@Suite struct CommitteeRuleInputTests {
    /// c1 and c2 are continuing in labA with mA; mB is in labB. Faculty: fa in
    /// labA, fb and fc in labB (fc with a committee_load of 1), fz with a load
    /// of 0, fx external. fx is in conflict with c1.
    static func files(rules: String, header: String = "fellow,member,rule", toml: String = "") -> [String: String] {
        var files = validFiles()
        files["fellows.csv"]! += "c2,clinical,citizen,continuing,labA,mA,nlp,60000,0\n"
        files["faculty.csv"] = """
            id,lab,areas,committee_load,external
            fa,labA,nlp,3,false
            fb,labB,nlp,3,false
            fc,labB,nlp,1,false
            fz,labB,nlp,0,false
            fx,,nlp,3,true

            """
        files["conflicts.csv"] = "person,fellow,reason\nfb,c2,co-author\n"
        files["committee_rules.csv"] = header + "\n" + rules
        files["scenario.toml"]! += toml
        return files
    }

    static func errors(_ files: [String: String]) -> [String] {
        do {
            _ = try ScenarioReader.parse(texts: files, defaultName: "t")
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func readsLocksAndForbids() throws {
        let files = Self.files(
            rules: "c1,mB,lock,asked for her\nc1,fb,Forbid,away this year\n", header: "fellow,member,rule,reason")
        let s = try ScenarioReader.parse(texts: files, defaultName: "t").scenario
        #expect(
            s.committeeRules == [
                CommitteeRule(fellow: "c1", member: "mB", kind: .lock, reason: "asked for her", line: 2),
                CommitteeRule(fellow: "c1", member: "fb", kind: .forbid, reason: "away this year", line: 3)
            ])
        #expect(s.formsCommittees)
        let back = try ScenarioReader.parse(texts: ScenarioWriter.files(for: s), defaultName: "t").scenario
        #expect(back.committeeRules == s.committeeRules)
    }

    /// Bad ids, a new fellow, the mentor, an empty fellow and a forbid of what
    /// a lock requires: each at its line and column, in one pass.
    @Test func badRowsAreLocatedAllAtOnce() {
        let rules =
            "c9,mB,lock\nc1,mZ,lock\nf1,mB,lock\nc1,mA,forbid\n,fb,forbid\nc2,mB,lock\nc2,mB,forbid\nc1,mB,maybe\n"
        #expect(
            Self.errors(Self.files(rules: rules)) == [
                "committee_rules.csv:2: fellow: unknown fellow \"c9\" (did you mean c1? it must be an id in fellows.csv)",
                "committee_rules.csv:3: member: unknown member \"mZ\" (did you mean fz? it must be an id in mentors.csv or faculty.csv)",
                "committee_rules.csv:4: fellow: f1 is a new fellow; thesis committees are formed for continuing fellows (name a continuing fellow, or remove the row)",
                "committee_rules.csv:5: member: mA is c1's mentor, on the committee by right (a mentor cannot be kept off; a conflict in conflicts.csv keeps them from chairing)",
                "committee_rules.csv:6: fellow: is empty but required (name one fellow; to keep a member off every committee this year, set their committee_load to 0 in mentors.csv or faculty.csv)",
                "committee_rules.csv:8: rule: forbids what line 7 locks for c2 and mB (remove either the lock or the forbid)",
                "committee_rules.csv:9: rule: \"maybe\" is not one of lock, forbid (use one of lock, forbid)"
            ])
    }

    /// A lock on a member who could never serve: in the fellow's lab, in
    /// conflict with them, a load of 0, an external member without external
    /// seats; more reader locks than `readers`' max; more locks of one member
    /// than their committee_load.
    @Test func impossibleLocksAreLocated() {
        let rules = "c1,fa,lock\nc2,fb,lock\nc1,fz,lock\nc1,fx,lock\nc1,mB,lock\nc1,fb,lock\nc1,fc,lock\n"
        #expect(
            Self.errors(Self.files(rules: rules)) == [
                "committee_rules.csv:2: member: fa is in c1's lab labA and never reads for a fellow of it (lock a member from another lab, or remove the lock)",
                "committee_rules.csv:3: member: fb is in conflict with c2 (conflicts.csv line 2) (remove either the lock or the conflict)",
                "committee_rules.csv:4: member: fz has committee_load 0 and sits on no committee (raise their committee_load, or remove the lock)",
                "committee_rules.csv:5: member: fx is an external member, but [committee] externals is 0 (set [committee] externals, or lock a reader)",
                "committee_rules.csv:8: member: c1 has 3 readers locked; [committee] readers allows at most 2 (keep at most 2 reader locks per fellow)"
            ])
        #expect(
            Self.errors(Self.files(rules: "c1,fc,lock\nc2,fc,lock\n")) == [
                "committee_rules.csv:3: member: fc is locked to 2 committees; their committee_load is 1 (raise their committee_load, or remove a lock)"
            ])
        // With an external seat, the external lock is fine.
        #expect(Self.errors(Self.files(rules: "c1,fx,lock\n", toml: "[committee]\nexternals = 1\n")).isEmpty)
    }

    @Test func checkNamesTheFile() {
        var files = validFiles()
        files["committee_rules.csv"] = "fellow,rule\nc1,lock\n"
        #expect(
            Self.errors(files) == [
                "committee_rules.csv:1: member: the column is missing (add a \"member\" column to the header row)"
            ])
    }
}
