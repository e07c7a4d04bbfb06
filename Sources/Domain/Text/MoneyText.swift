/// Dollar amounts for people: `$65,000`, `$1,234.50`. The one place money is
/// written as text (CSV outputs write plain numbers instead).
public enum MoneyText {
    /// Whole dollars: `$1,100,000`.
    public static func dollars(_ dollars: Int) -> String { (dollars < 0 ? "-" : "") + "$" + grouped(dollars.magnitude) }

    /// Cents, shown only when there are any: `$176,000`, `$1,234.50`.
    public static func cents(_ cents: Int) -> String {
        let c = cents.magnitude
        let whole = "$" + grouped(c / 100)
        return (cents < 0 ? "-" : "") + (c % 100 == 0 ? whole : whole + "." + (c % 100 < 10 ? "0" : "") + "\(c % 100)")
    }

    /// A number of dollars or cents as a CSV number: `65000`, `1234.5` → `1234.50`.
    public static func plain(cents: Int) -> String {
        let c = cents.magnitude
        return (cents < 0 ? "-" : "")
            + (c % 100 == 0 ? "\(c / 100)" : "\(c / 100).\(c % 100 < 10 ? "0" : "")\(c % 100)")
    }

    /// Digits in groups of three, for money and large counts alike: `1,279,647`.
    public static func grouped(_ v: UInt) -> String {
        let digits = Array(String(v))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return out
    }
}
