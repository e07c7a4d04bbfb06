/// SplitMix64: a small, fast generator whose sequence depends only on its seed,
/// so a generated intake, and the parts a neighbourhood search draws, are the
/// same on every machine and Swift version.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `range`, without the standard library's
    /// implementation-defined mapping.
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    public mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }

    public mutating func pick<T>(_ xs: [T]) -> T { xs[int(0...(xs.count - 1))] }

    /// `k` distinct elements in a seeded order.
    public mutating func sample<T>(_ xs: [T], _ k: Int) -> [T] {
        var pool = xs
        var out: [T] = []
        for _ in 0..<min(k, pool.count) { out.append(pool.remove(at: int(0...(pool.count - 1)))) }
        return out
    }
}
