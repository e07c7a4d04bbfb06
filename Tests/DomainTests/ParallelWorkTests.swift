import Domain
import Testing

/// `ParallelWork`: the results of work shared among the cores come back in
/// the items' order, as a loop's would, whatever the number of items.
@Suite struct ParallelWorkTests {
    @Test(arguments: [0, 1, 2, 3, 7, 1000])
    func mapKeepsTheItemsOrder(count: Int) {
        let items = Array(0..<count)
        #expect(ParallelWork.map(items) { "item \($0 * $0)" } == items.map { "item \($0 * $0)" })
    }

    @Test func bothGivesEachResultAndPassesTheSecondsErrorOn() throws {
        let (a, b) = try ParallelWork.both({ (1...100).reduce(0, +) }, { "second" })
        #expect(a == 5050 && b == "second")
        struct Refused: Error {}
        #expect(throws: Refused.self) { try ParallelWork.both({ 1 }, { () throws -> Int in throw Refused() }) }
    }

    /// Jobs of very different lengths, taken by whichever core is free,
    /// come back in the jobs' order; each runs once; an error is passed on.
    @Test(arguments: [0, 1, 2, 5])
    func queueKeepsTheJobsOrder(count: Int) throws {
        let jobs: [@Sendable () throws -> Int] = (0..<count).map { k in
            { (0..<(k == 0 ? 2_000_000 : 10)).reduce(k) { ($0 &* 31 &+ $1) % 1_000_003 } }
        }
        #expect(try ParallelWork.queue(jobs) == jobs.map { try $0() })
        struct Refused: Error {}
        let failing = jobs + [{ throw Refused() }, { 7 }]
        #expect(throws: Refused.self) { try ParallelWork.queue(failing) }
    }
}
