/// An amount of money as spreadsheets write it.
///
/// Accepted: whole dollars with an optional leading `$` (and a space after
/// it), thousands grouped by commas (`$82,000`), by spaces (`82 000`), or by
/// dots when there are two or more groups (`1.100.000`), and zero cents
/// (`82000.00`). One dot group (`82.000`) is ambiguous (82 dollars with three
/// decimals, or 82,000 with a European thousands mark) and never guessed.
enum MoneyCell {
    enum Reading: Equatable {
        case dollars(Int)
        /// Grouped by one dot: the whole-dollar reading if the dot groups thousands.
        case ambiguous(Int)
        /// A number that is not whole; its rounded value.
        case fraction(Int)
        case tooLarge
        case notMoney
    }

    static func read(_ text: String, limit: Int) -> Reading {
        var v = Substring(text)
        if v.hasPrefix("$") { v = v.dropFirst().drop { $0 == " " } }
        let negative = v.hasPrefix("-")
        if negative { v = v.dropFirst() }
        let sign = negative ? -1 : 1
        if let grouped = ungrouped(v) {
            guard grouped.count <= 12, let n = Int(grouped.digits) else { return .tooLarge }
            return grouped.ambiguous ? .ambiguous(sign * n) : .dollars(sign * n)
        }
        let plain = String(v)
        if let n = Int(plain) { return .dollars(sign * n) }
        guard let d = Double(plain), d.isFinite, plain.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") })
        else {
            if let d = Double(plain), d.isFinite, abs(d) > Double(limit) { return .tooLarge }
            return .notMoney
        }
        if d > Double(limit) { return .tooLarge }
        if d == d.rounded() { return .dollars(sign * Int(d)) }
        return .fraction(sign * Int(d.rounded()))
    }

    /// The digits of a grouped amount (`82,000`, `82 000`, `1.100.000`), and whether the grouping is ambiguous.
    static func ungrouped(_ v: Substring) -> (digits: String, count: Int, ambiguous: Bool)? {
        for mark in [",", " ", "\u{A0}", "\u{202F}", "."] as [Character] where v.contains(mark) {
            var body = v
            if mark == ",", let dot = v.lastIndex(of: "."), v[v.index(after: dot)...].allSatisfy({ $0 == "0" }) {
                body = v[..<dot]
            }
            let groups = body.split(separator: mark, omittingEmptySubsequences: false)
            guard groups.count >= 2, (1...3).contains(groups[0].count),
                groups.dropFirst().allSatisfy({ $0.count == 3 }),
                groups.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
            else { return nil }
            let digits = groups.joined()
            return (digits, digits.count, mark == "." && groups.count == 2)
        }
        return nil
    }
}
