/// Names (fellows, labs, tracks, people, rooms) as small numbers in the
/// order first seen: equal names get equal numbers, so the searches'
/// checks compare numbers rather than strings. The numbers say nothing of
/// order; only equality is meant.
struct Numbering<Key: Hashable> {
    private var numbers: [Key: Int] = [:]

    /// `key`'s number, a new one (the count so far) the first time.
    mutating func number(_ key: Key) -> Int {
        if let n = numbers[key] { return n }
        numbers[key] = numbers.count
        return numbers.count - 1
    }

    /// `key`'s number, `nil` when it has none.
    subscript(key: Key) -> Int? { numbers[key] }

    /// How many keys are numbered.
    var count: Int { numbers.count }

    /// Each key's number, numbered in the keys' order.
    static func of(_ keys: [Key]) -> [Int] {
        var numbering = Numbering()
        return keys.map { numbering.number($0) }
    }
}
