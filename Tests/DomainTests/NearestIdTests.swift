import Testing

@testable import Domain

/// "Did you mean …?": the nearest id by edit distance, checked against the
/// rule restated plainly (every candidate scored, the least distance and
/// then the first name kept, only within `max(2, length / 3)` edits).
@Suite struct NearestIdTests {
    /// Optimal-string-alignment distance on characters, as docs and hints describe it.
    static func plainDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased()), b = Array(b.lowercased())
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        guard !a.isEmpty && !b.isEmpty else { return d[a.count][b.count] }
        for i in 1...a.count {
            for j in 1...b.count {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }

    static func plainNearest(_ s: String, _ candidates: [String]) -> String? {
        let scored = candidates.map { ($0, plainDistance(s, $0)) }
        guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) else { return nil }
        return best.1 <= max(2, s.count / 3) ? best.0 : nil
    }

    @Test func aTransposedOrMistypedIdIsFound() {
        #expect(Identifier.nearest(to: "f7", in: ["c7", "m1-1", "e7"]) == "c7")
        #expect(Identifier.nearest(to: "cots", in: ["cost", "costs"]) == "cost")
        #expect(Identifier.nearest(to: "LAB12", in: ["lab12", "lab2"]) == "lab12")
        #expect(Identifier.nearest(to: "zzzzzz", in: ["lab1", "lab2"]) == nil)
        #expect(Identifier.nearest(to: "x", in: [String]()) == nil)
    }

    /// 3,000 random queries over random candidates (short ids with capitals,
    /// digits, hyphens, now and then a non-ASCII letter), in random order:
    /// the same answer as the plain rule.
    @Test func theSameAnswerAsScoringEveryCandidate() {
        var rng = SeededRandom(seed: 91)
        let letters = Array("abcAB12-é")
        func word(_ rng: inout SeededRandom) -> String {
            String((0..<rng.int(0...6)).map { _ in letters[rng.int(0...(letters.count - 1))] })
        }
        for round in 0..<3_000 {
            let candidates = (0..<rng.int(0...12)).map { _ in word(&rng) }
            let query = word(&rng)
            #expect(
                Identifier.nearest(to: query, in: candidates) == Self.plainNearest(query, candidates),
                "round \(round): \(query) in \(candidates)")
            #expect(
                Identifier.nearest(to: query, in: candidates.reversed()) == Self.plainNearest(query, candidates),
                "round \(round): order")
        }
    }
}
