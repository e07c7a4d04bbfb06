/// How numbers are written for people: one place, total for every `Double`
/// (NaN, infinities and GLPK's ±DBL_MAX "no bound yet" included), without
/// Foundation's locale-dependent formatting.
public enum NumberText {
    /// Shown for a value that is not a usable number.
    public static let unknown = "n/a"

    /// At most two decimals, trailing zeros dropped: `19`, `19.2`, `19.25`.
    public static func number(_ v: Double) -> String {
        guard v.isFinite else { return unknown }
        guard abs(v) < 1e15 else { return "\(v)" }
        let cents = Int((v * 100).rounded())
        if cents % 100 == 0 { return "\(cents / 100)" }
        let text = twoDecimals(v)
        return text.hasSuffix("0") ? String(text.dropLast()) : text
    }

    /// Exactly two decimals: `19.00`, `0.25`, `-3.10`.
    public static func twoDecimals(_ v: Double) -> String {
        guard v.isFinite else { return unknown }
        guard abs(v) < 1e15 else { return "\(v)" }
        let cents = Int((v * 100).rounded())
        let whole = abs(cents) / 100, rest = abs(cents) % 100
        return (cents < 0 ? "-" : "") + "\(whole).\(rest < 10 ? "0" : "")\(rest)"
    }

    /// A fraction as a percentage with two decimals: `0.0125` → `1.25 %`.
    public static func percent(_ fraction: Double) -> String {
        fraction.isFinite ? twoDecimals(fraction * 100) + " %" : unknown
    }

    /// Seconds with two decimals: `0.31 s`.
    public static func seconds(_ s: Double) -> String { twoDecimals(s) + " s" }

    /// `1st`, `2nd`, `3rd`, `4th`, `11th`, `21st`.
    public static func ordinal(_ n: Int) -> String {
        let suffix =
            (11...13).contains(n % 100) ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th"
        return "\(n)\(suffix)"
    }
}
