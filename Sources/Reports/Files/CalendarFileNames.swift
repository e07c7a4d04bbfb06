/// The file names of the personal calendars in `calendar/`: one per person,
/// never the same as another's nor as `program.ics`, and safe on every file
/// system (Linux, macOS, Windows; case-insensitive ones included).
///
/// For a person of kind k (`fellow`, `mentor`, `faculty`: a committee member
/// who mentors nobody) with id i:
///
///     safe(i)  = i with every character outside A–Z a–z 0–9 _ - replaced by _,
///                cut to 80 characters ("_" when empty)
///     name(i)  = safe(i)                    when it is free,
///              = k-safe(i)                  else,
///              = k-safe(i)-n, n = 2, 3, …   the first free one
///
/// where *free* means: not taken (compared case-insensitively) by
/// `program`, by a Windows device name (CON, PRN, AUX, NUL, COM1–9, LPT1–9)
/// or by a person before, fellows first, then mentors, then faculty, each in id order. So
/// `f001` keeps `f001.ics`; `.`, `..` and `.hidden` become `_.ics`,
/// `__.ics`, `_hidden.ics` (no hidden file, no path); `program` and `CON`
/// become `fellow-program.ics` and `fellow-CON.ics`; a mentor whose id is a
/// fellow's gets `mentor-ID.ics`. The same people always get the same names.
public enum CalendarFileNames {
    public static let program = "program"

    static let reserved: Set<String> = Set(
        ["con", "prn", "aux", "nul", program] + (1...9).flatMap { ["com\($0)", "lpt\($0)"] })

    /// File names (without `.ics`) by kind and id.
    public static func names(fellows: [String], mentors: [String], faculty: [String] = []) -> [String: [String:
        String]]
    {
        var taken = reserved
        var out: [String: [String: String]] = [:]
        for (kind, ids) in [("fellow", fellows), ("mentor", mentors), ("faculty", faculty)] {
            for id in Set(ids).sorted() {
                let name = free(safe(id), kind: kind, taken: taken)
                taken.insert(name.lowercased())
                out[kind, default: [:]][id] = name
            }
        }
        return out
    }

    static func safe(_ id: String) -> String {
        let kept = String(
            id.unicodeScalars.prefix(80).map { s -> Character in
                s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "_" || s == "-")
                    ? Character(s) : "_"
            })
        return kept.isEmpty ? "_" : kept
    }

    static func free(_ safe: String, kind: String, taken: Set<String>) -> String {
        if !taken.contains(safe.lowercased()) { return safe }
        let prefixed = "\(kind)-\(safe)"
        if !taken.contains(prefixed.lowercased()) { return prefixed }
        var n = 2
        while taken.contains("\(prefixed)-\(n)".lowercased()) { n += 1 }
        return "\(prefixed)-\(n)"
    }
}
