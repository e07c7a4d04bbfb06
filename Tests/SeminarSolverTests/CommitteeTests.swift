import Domain
import GLPKBackend
import Reports
import Testing

@testable import SeminarSolver

/// Thesis committees (issue 31), with answers worked out by hand or by
/// enumerating every committee of small programs, never from the engine.
@Suite struct CommitteeTests {
    /// A program of continuing fellows `(id, lab, mentor, interests)`, labs
    /// L1…L4 (areas `lab-area`), the given mentors and faculty.
    static func program(
        fellows: [(String, String, String, [String])], mentors: [Mentor], faculty: [FacultyMember] = [],
        conflicts: [(String, String)] = [], settings: CommitteeSettings = CommitteeSettings()
    ) -> Scenario {
        var s = Scenario(
            settings: ScenarioSettings(name: "committees"),
            fellows: fellows.map {
                Fellow(
                    id: $0.0, track: "t", citizenship: .citizen, status: .continuing, lab: $0.1, mentor: $0.2,
                    interests: $0.3, cost: 0)
            },
            labs: (1...4).map { Lab(id: "L\($0)", areas: ["lab-area"], capacity: 10) }, mentors: mentors,
            funding: [], preferences: [])
        s.faculty = faculty
        s.conflicts = conflicts.map { CommitteeConflict(person: $0.0, fellow: $0.1) }
        s.settings.committee = settings
        return s
    }

    static func mentor(
        _ id: String, _ lab: String, _ areas: [String], load: Int = 3, external: Bool = false, chair: Bool = false
    ) -> Mentor {
        var m = Mentor(id: id, lab: lab, areas: areas, capacity: 5)
        m.committeeLoad = load
        m.external = external
        m.chair = chair
        return m
    }

    static func settings(readers: ClosedRange<Int>, externals: Int = 0, cover: Bool = true, mentorChairs: Bool = false)
        -> CommitteeSettings
    {
        var c = CommitteeSettings()
        c.minReaders = readers.lowerBound
        c.maxReaders = readers.upperBound
        c.externals = externals
        c.coverInterests = cover
        c.mentorMayChair = mentorChairs
        return c
    }

    static func form(_ s: Scenario) throws -> CommitteeOutcome { try CommitteeFormer(solver: GLPKSolver()).form(s) }

    static func seats(_ o: CommitteeOutcome, _ fellow: String) -> [String] {
        (o.committees.first { $0.fellow == fellow }?.seats ?? []).map {
            "\($0.member):\($0.role.rawValue)\($0.chair ? ":chair" : "")"
        }
    }

    /// f1 (lab L1, interests x and y) needs one reader and one external. mB
    /// is the only reader outside L1 who works on y (mA2 does too, but is in
    /// L1; mC works on z only), and the only one who may chair; e2 is in
    /// conflict with f1, so e1 is the only external. One committee is valid.
    @Test func aUniqueValidCommittee() throws {
        let s = Self.program(
            fellows: [("f1", "L1", "mA", ["x", "y"])],
            mentors: [
                Self.mentor("mA", "L1", ["x"]), Self.mentor("mA2", "L1", ["y"], chair: true),
                Self.mentor("mB", "L2", ["y"], chair: true), Self.mentor("mC", "L3", ["z"], chair: true)
            ],
            faculty: [
                FacultyMember(id: "e1", areas: ["w"], external: true),
                FacultyMember(id: "e2", areas: ["x", "y"], external: true)
            ],
            conflicts: [("e2", "f1")], settings: Self.settings(readers: 1...1, externals: 1))
        let o = try Self.form(s)
        #expect(Self.seats(o, "f1") == ["mA:mentor", "mB:reader:chair", "e1:external"])
        #expect(o.unformed.isEmpty && o.proved)
        #expect(o.totalExpertise == 1)  // mB works on y; e1 on neither
    }

    /// One reader among r1 (works on x, y and z), r2 (x and y) and r3 (x):
    /// r1 is best; in conflict with f1, the second best, r2, reads.
    @Test func aConflictForcesTheSecondBestReader() throws {
        let mentors = [
            Self.mentor("mA", "L1", []), Self.mentor("r1", "L2", ["x", "y", "z"], chair: true),
            Self.mentor("r2", "L3", ["x", "y"], chair: true), Self.mentor("r3", "L4", ["x"], chair: true)
        ]
        let fellows = [("f1", "L1", "mA", ["x", "y", "z"])]
        let settings = Self.settings(readers: 1...1, cover: false)
        let free = try Self.form(Self.program(fellows: fellows, mentors: mentors, settings: settings))
        #expect(Self.seats(free, "f1") == ["mA:mentor", "r1:reader:chair"])
        #expect(free.worstExpertise == 3)
        let conflicted = try Self.form(
            Self.program(fellows: fellows, mentors: mentors, conflicts: [("r1", "f1")], settings: settings))
        #expect(Self.seats(conflicted, "f1") == ["mA:mentor", "r2:reader:chair"])
        #expect(conflicted.worstExpertise == 2)
    }

    /// r1 (x and y) and r2 (x) each sit on one committee at most. f1 works
    /// on x, f2 on x and y. Both ways give each fellow expertise at least 1;
    /// r1 with f2 gives 1 + 2 = 3 in all, r1 with f1 only 1 + 1 = 2. So r1
    /// reads for f2, though f1 comes first in the file.
    @Test func aLoadLimitAndTheTotalDecide() throws {
        let s = Self.program(
            fellows: [("f1", "L1", "mA", ["x"]), ("f2", "L2", "mB", ["x", "y"])],
            mentors: [
                Self.mentor("mA", "L1", ["q"], load: 0), Self.mentor("mB", "L2", ["q"], load: 0),
                Self.mentor("r1", "L3", ["x", "y"], load: 1, chair: true),
                Self.mentor("r2", "L4", ["x"], load: 1, chair: true)
            ],
            settings: Self.settings(readers: 1...1, cover: false))
        let o = try Self.form(s)
        #expect(Self.seats(o, "f1") == ["mA:mentor", "r2:reader:chair"])
        #expect(Self.seats(o, "f2") == ["mB:mentor", "r1:reader:chair"])
        #expect(o.worstExpertise == 1 && o.totalExpertise == 3 && o.maxLoad == 1)
    }

    /// The same two fellows with only r1 (load 1): one committee can be
    /// formed; the other fellow's reason is the used-up load, in words.
    @Test func aLoadUsedUpLeavesAFellowWithoutACommittee() throws {
        let s = Self.program(
            fellows: [("f1", "L1", "mA", ["x"]), ("f2", "L2", "mB", ["x", "y"])],
            mentors: [
                Self.mentor("mA", "L1", ["q"], load: 0), Self.mentor("mB", "L2", ["q"], load: 0),
                Self.mentor("r1", "L3", ["x", "y"], load: 1, chair: true)
            ],
            settings: Self.settings(readers: 1...1, cover: false))
        let o = try Self.form(s)
        // The worst-served formed fellow is best served by giving r1 to f2 (2 > 1).
        #expect(o.committees.map(\.fellow) == ["f2"])
        #expect(o.unformed == [CommitteeOutcome.Unformed(fellow: "f1", reason: .loadsUsedUp)])
        #expect(CommitteeWording.reason(o.unformed[0], s, names: Directory(s)).contains("committee_load"))
    }

    /// `externals = 1` with no external member: no committee, and why; with
    /// one (who is also the only one who may chair), the committee has them.
    @Test func anExternalIsRequired() throws {
        let mentors = [Self.mentor("mA", "L1", ["x"]), Self.mentor("r1", "L2", ["x"])]
        let settings = Self.settings(readers: 1...2, externals: 1)
        let none = Self.program(fellows: [("f1", "L1", "mA", ["x"])], mentors: mentors, settings: settings)
        let without = try Self.form(none)
        #expect(without.committees.isEmpty)
        #expect(without.unformed.first?.reason == .tooFewExternals(needed: 1, available: 0))
        #expect(CommitteeWording.reason(without.unformed[0], none, names: Directory(none)).contains("external member"))
        let with = try Self.form(
            Self.program(
                fellows: [("f1", "L1", "mA", ["x"])], mentors: mentors,
                faculty: [FacultyMember(id: "e1", institution: "Elsewhere", areas: ["v"], external: true, chair: true)],
                settings: settings))
        #expect(Self.seats(with, "f1") == ["mA:mentor", "r1:reader", "e1:external:chair"])
    }

    /// An interest nobody outside the lab works on, with cover_interests:
    /// said in plain words, naming the interest and the lab.
    @Test func anUncoveredInterestIsExplained() throws {
        let s = Self.program(
            fellows: [("f1", "L1", "mA", ["x", "rare"])],
            mentors: [Self.mentor("mA", "L1", ["x"]), Self.mentor("r1", "L2", ["x"], chair: true)],
            settings: Self.settings(readers: 1...2))
        let o = try Self.form(s)
        #expect(o.unformed.first?.reason == .interestUncovered("rare"))
        #expect(
            CommitteeWording.reason(o.unformed[0], s, names: Directory(s)).contains(
                "no reader outside L1 works on rare"))
    }

    /// The mentor may chair only with mentor_may_chair (and chair = true).
    @Test func theMentorChairsOnlyWhenAllowed() throws {
        let mentors = [Self.mentor("mA", "L1", ["x"], chair: true), Self.mentor("r1", "L2", ["x"])]
        let fellows = [("f1", "L1", "mA", ["x"])]
        let not = try Self.form(
            Self.program(fellows: fellows, mentors: mentors, settings: Self.settings(readers: 1...1)))
        #expect(not.unformed.first?.reason == .noChair)
        let may = try Self.form(
            Self.program(
                fellows: fellows, mentors: mentors, settings: Self.settings(readers: 1...1, mentorChairs: true)))
        #expect(Self.seats(may, "f1") == ["mA:mentor:chair", "r1:reader"])
    }

    /// f1 works on x, f2 on y; r1 (x) and r2 (y) may chair and read one
    /// committee each. Each fellow's best committee is plain and no two want
    /// the same member: the direct committees reach every bound, so they are
    /// proved best without an integer program (no model size).
    @Test func directCommitteesAtEveryBoundNeedNoModel() throws {
        let s = Self.program(
            fellows: [("f1", "L1", "mA", ["x"]), ("f2", "L2", "mB", ["y"])],
            mentors: [
                Self.mentor("mA", "L1", ["q"], load: 0), Self.mentor("mB", "L2", ["q"], load: 0),
                Self.mentor("r1", "L3", ["x"], load: 1, chair: true),
                Self.mentor("r2", "L4", ["y"], load: 1, chair: true)
            ],
            settings: Self.settings(readers: 1...1, cover: false))
        let o = try Self.form(s)
        #expect(Self.seats(o, "f1") == ["mA:mentor", "r1:reader:chair"])
        #expect(Self.seats(o, "f2") == ["mB:mentor", "r2:reader:chair"])
        #expect(o.proved && o.size == nil)
    }

    /// Three fellows, and c1 (load 1) the only member who may chair: one
    /// committee at most. The worst-served formed fellow is best served by
    /// f2 (works on x and y): c1 (x, y) and r1 (x) give 3, against 2 for f1
    /// or f3 (x only). Proved by the bound on how many can be formed, with
    /// the others told that the loads are used up.
    @Test func theChairsBoundHowManyHaveACommittee() throws {
        let s = Self.program(
            fellows: [("f1", "L1", "mA", ["x"]), ("f2", "L2", "mB", ["x", "y"]), ("f3", "L3", "mC", ["x"])],
            mentors: [
                Self.mentor("mA", "L1", ["q"], load: 0), Self.mentor("mB", "L2", ["q"], load: 0),
                Self.mentor("mC", "L3", ["q"], load: 0), Self.mentor("c1", "L4", ["x", "y"], load: 1, chair: true),
                Self.mentor("r1", "L4", ["x"], load: 3)
            ],
            settings: Self.settings(readers: 1...2, cover: false))
        for former in [
            CommitteeFormer(solver: GLPKSolver()),
            CommitteeFormer(solver: GLPKSolver(), candidateLimit: 1, fullListsUpTo: 0)
        ] {
            let o = try former.form(s)
            #expect(o.committees.map(\.fellow) == ["f2"])
            #expect(Self.seats(o, "f2") == ["mB:mentor", "c1:reader:chair", "r1:reader"])
            #expect(o.unformed.map(\.fellow) == ["f1", "f3"])
        }
        let o = try Self.form(s)
        #expect(o.proved && o.unformed.allSatisfy { $0.reason == .loadsUsedUp })
        #expect(o.limit == .chairs(members: 1, seats: 1))
        #expect(CommitteeWording.summary(o, continuing: 3).contains("No more than 1 can have one"))
    }

    /// Two fellows, readers 1…2, each mentor chairs. a (load 2) and b
    /// (load 1) work on x, z (load 2) on nothing: the most expertise is 3
    /// (a and b for one fellow, a for the other), short of both at their
    /// best (4), so the seats' bound for everyone at their best (4) does not
    /// hold: the fewest seats are 3 (z sits nowhere), with a on two.
    @Test func theSeatsBoundHoldsOnlyWhenEveryoneIsAtTheirBest() throws {
        let mA = Self.mentor("mA", "L1", ["q"], load: 0, chair: true)
        let mB = Self.mentor("mB", "L2", ["q"], load: 0, chair: true)
        let s = Self.program(
            fellows: [("f1", "L1", "mA", ["x"]), ("f2", "L2", "mB", ["x"])],
            mentors: [
                mA, mB, Self.mentor("a", "L3", ["x"], load: 2), Self.mentor("b", "L3", ["x"], load: 1),
                Self.mentor("z", "L4", ["w"], load: 2)
            ],
            settings: Self.settings(readers: 1...2, cover: false, mentorChairs: true))
        let o = try Self.form(s)
        #expect(o.proved && o.committees.count == 2)
        #expect(o.totalExpertise == 3 && o.maxLoad == 2)
        #expect(o.committees.map { $0.seats.count - 1 }.reduce(0, +) == 3)
        // The bound the loads stage is held to, short of everyone's best, never passes the optimum.
        let pool = CommitteeMember.pool(s)
        let bounds = CommitteeBounds(
            CommitteeCandidates.all(s, pool: pool), pool: pool, settings: s.settings.committee!)
        #expect(bounds.total(forming: 2) == 4)
        let floor = bounds.loads(forming: 2, atBestTotal: false)
        #expect(floor.largest <= 2 && floor.seats <= 3)
    }

    /// One external member (load 2) for three fellows who each need one:
    /// two committees, and the program-wide reason names the external seats.
    @Test func theExternalSeatsCapTheCommittees() throws {
        let s = Self.program(
            fellows: [("f1", "L1", "mA", ["x"]), ("f2", "L2", "mB", ["x"]), ("f3", "L3", "mC", ["x"])],
            mentors: [
                Self.mentor("mA", "L1", ["q"], load: 0), Self.mentor("mB", "L2", ["q"], load: 0),
                Self.mentor("mC", "L3", ["q"], load: 0), Self.mentor("r1", "L4", ["x"], load: 3, chair: true),
                Self.mentor("x1", "L4", ["x"], load: 2, external: true)
            ],
            settings: Self.settings(readers: 1...1, externals: 1, cover: false))
        let o = try Self.form(s)
        #expect(o.committees.count == 2 && o.proved)
        #expect(o.limit == .externals(members: 1, seats: 2, each: 1))
        let words = CommitteeWording.summary(o, continuing: 3)
        #expect(words.contains("No more than 2 can have one: every committee needs 1 external member"))
    }

    /// Two seats in all (a and b, load 1 each, one reader per committee), so
    /// two of three fellows can have a committee. f1 works on x (best 1),
    /// f2 on x and y (a or b give 2), f3 on y and z (only b gives 2, a
    /// gives 1). The worst-served fellow is best served by f2 with a and f3
    /// with b (2 each, total 4); every other pair has a committee of 1.
    /// Fellows served in turn miss it either way (b comes first in the pool,
    /// so f2 or f1 takes it): the level-first try must find it.
    @Test func whenMembersRunOutTheWorstServedComesFirst() throws {
        let s = Self.program(
            fellows: [("f1", "L1", "mA", ["x"]), ("f2", "L2", "mB", ["x", "y"]), ("f3", "L3", "mC", ["y", "z"])],
            mentors: [
                Self.mentor("mA", "L1", ["q"], load: 0), Self.mentor("mB", "L2", ["q"], load: 0),
                Self.mentor("mC", "L3", ["q"], load: 0),
                Self.mentor("b", "L4", ["x", "y", "z"], load: 1, chair: true),
                Self.mentor("a", "L4", ["x", "y"], load: 1, chair: true)
            ],
            settings: Self.settings(readers: 1...1, cover: false))
        let settings = s.settings.committee!
        let pool = CommitteeMember.pool(s)
        let open = CommitteeCandidates.all(s, pool: pool)
        let bounds = CommitteeBounds(open, pool: pool, settings: settings)
        for highestFirst in [false, true] {
            let tries = DirectCommittees(
                open, pool: pool, settings: settings, bounds: bounds, highestFirst: highestFirst)
            #expect(tries.formed == 2 && tries.worst == 1)
        }
        let direct = DirectCommittees.best(open, pool: pool, settings: settings, bounds: bounds)
        #expect(direct.chosen.map { $0?.members.map { pool[$0].id } } == [nil, ["a"], ["b"]])
        let o = try Self.form(s)
        #expect(Self.seats(o, "f2") == ["mB:mentor", "a:reader:chair"])
        #expect(Self.seats(o, "f3") == ["mC:mentor", "b:reader:chair"])
        #expect(o.unformed.map(\.fellow) == ["f1"] && o.proved)
    }
}
