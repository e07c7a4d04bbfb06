/// Names that the CPLEX LP and MPS formats accept unchanged.
///
/// CPLEX LP names are 1–255 characters of letters, digits and
/// `!"#$%&()/,.;?@_`'{}|~`, and do not start with a digit or a period. MPS
/// (free format) forbids spaces. Anything else is replaced by `_`; a name that
/// would start with a digit or period, or that is an LP keyword, gets a
/// leading `_`. So `assign(f017,lab03,m12)` stays as it is.
public enum LPName {
    static let allowedPunctuation: Set<Character> = Set("!\"#$%&()/,.;?@_`'{}|~")
    static let keywords: Set<String> = [
        "minimize", "minimise", "minimum", "min", "maximize", "maximise", "maximum", "max",
        "subject", "such", "st", "s.t.", "bounds", "bound", "general", "generals", "gen",
        "integer", "integers", "int", "binary", "binaries", "bin", "end", "free", "infinity", "inf"
    ]
    public static let maximumLength = 255

    public static func sanitize(_ raw: String) -> String {
        if isSafe(raw) { return raw }
        var out = String(
            raw.map { c -> Character in
                if c.isASCII && (c.isLetter || c.isNumber || allowedPunctuation.contains(c)) { return c }
                return "_"
            })
        if out.isEmpty { out = "_" }
        if let first = out.first, first.isNumber || first == "." || first == "e" && Double(out) != nil {
            out = "_" + out
        }
        if keywords.contains(out.lowercased()) { out = "_" + out }
        if out.count > maximumLength { out = String(out.prefix(maximumLength)) }
        return out
    }
}

extension LPName {
    /// Bytes allowed anywhere in a name (ASCII letters, digits, punctuation above).
    static let allowedBytes: [Bool] = (0..<256).map { b in
        guard b < 128, let scalar = Unicode.Scalar(b) else { return false }
        let c = Character(scalar)
        return c.isLetter || c.isNumber || allowedPunctuation.contains(c)
    }

    /// Whether `sanitize` would return the name unchanged, checked on its
    /// bytes (names of generated intakes run to hundreds of thousands).
    static func isSafe(_ raw: String) -> Bool {
        let bytes = raw.utf8
        guard let first = bytes.first, bytes.count <= maximumLength else { return false }
        // Digits, '.', and 'e' (which may read as a number) need the slow path.
        if (first >= 0x30 && first <= 0x39) || first == 0x2E || first == 0x65 { return false }
        guard bytes.allSatisfy({ allowedBytes[Int($0)] }) else { return false }
        return bytes.count > 8 || !keywords.contains(raw.lowercased())
    }
}

/// Hands out unique LP-safe names: a repeated name gets `~2`, `~3`, ...
struct LPNameRegistry: Sendable {
    private var used: [String: Int] = [:]

    mutating func register(_ raw: String) -> String {
        let base = LPName.sanitize(raw)
        guard let seen = used[base] else {
            used[base] = 1
            return base
        }
        var n = seen + 1
        var candidate = suffixed(base, n)
        while used[candidate] != nil {
            n += 1
            candidate = suffixed(base, n)
        }
        used[base] = n
        used[candidate] = 1
        return candidate
    }

    private func suffixed(_ base: String, _ n: Int) -> String {
        let suffix = "~\(n)"
        return String(base.prefix(LPName.maximumLength - suffix.count)) + suffix
    }
}
