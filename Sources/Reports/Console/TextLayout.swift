/// Terminal text within a width (80 columns by default): words wrapped with a
/// hanging indent, table cells padded. Width counts display columns
/// (``columns(_:)``): an accented letter is one, a CJK ideograph, kana,
/// hangul or a wide emoji two (East Asian Width W and F), a BiDi or other
/// invisible format character none.
public enum TextLayout {
    public static let width = 80

    /// `text` broken at spaces into lines of at most `width` characters; lines
    /// after the first start with `indent`. A word longer than a line is cut.
    public static func wrap(_ text: String, width: Int = TextLayout.width, first: String = "", indent: String = "    ")
        -> [String]
    {
        var lines: [String] = []
        var current = first
        // The columns of `current`: counted whole at a line's first word (which may join
        // `first` or `indent` into one character), then kept as words follow a space.
        var used = 0
        var empty = true
        for word in text.split(separator: " ") {
            let w = columns(word)
            if empty {
                current += word
                used = columns(current)
                empty = false
            } else if used + 1 + w <= width {
                current += " " + word
                used += 1 + w
            } else {
                lines.append(current)
                current = indent + word
                used = columns(current)
            }
        }
        lines.append(current)
        // A single word wider than a line is cut.
        return lines.flatMap { line -> [String] in
            var rest = Substring(line), parts: [String] = []
            while columns(rest) > width {
                let head = prefix(rest, columns: width)
                parts.append(String(head))
                rest = Substring(indent) + rest.dropFirst(max(1, head.count))
            }
            return parts + [String(rest)]
        }
    }

    /// Left-aligned to `w` columns.
    public static func pad(_ s: String, _ w: Int) -> String {
        let c = columns(s)
        return c >= w ? s : s + String(repeating: " ", count: w - c)
    }
    /// Right-aligned to `w` columns.
    public static func lpad(_ s: String, _ w: Int) -> String {
        let c = columns(s)
        return c >= w ? s : String(repeating: " ", count: w - c) + s
    }
    /// At most `w` columns, an ellipsis marking a cut.
    public static func clip(_ s: String, _ w: Int) -> String {
        columns(s) <= w ? s : String(prefix(s, columns: max(0, w - 1))) + "…"
    }

    /// The longest start of `s` that fits in `width` columns.
    public static func prefix<S: StringProtocol>(_ s: S, columns width: Int) -> S.SubSequence {
        var used = 0
        var end = s.startIndex
        for i in s.indices {
            let w = columns(of: s[i])
            if used + w > width { break }
            used += w
            end = s.index(after: i)
        }
        return s[s.startIndex..<end]
    }

    /// The display columns of `s` on a terminal: the sum of its characters' widths.
    public static func columns<S: StringProtocol>(_ s: S) -> Int {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s.utf8.count }
        return s.reduce(0) { $0 + columns(of: $1) }
    }

    /// One character's columns: 0 for an invisible format character, 2 when
    /// its first scalar is East Asian Wide or Fullwidth, else 1.
    static func columns(of c: Character) -> Int {
        guard let first = c.unicodeScalars.first else { return 0 }
        if first.properties.generalCategory == .format { return 0 }
        return wide.contains { $0.contains(first.value) } ? 2 : 1
    }

    /// The East Asian Wide (W) and Fullwidth (F) blocks of Unicode's
    /// EastAsianWidth.txt, gathered into ranges (ideographs, kana, hangul,
    /// CJK punctuation and compatibility forms, fullwidth forms, the emoji
    /// blocks shown two columns wide).
    static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
        0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693, 0x26A1...0x26A1,
        0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA,
        0x26F2...0x26F5, 0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728,
        0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797, 0x27B0...0x27B0,
        0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55, 0x2E80...0x303E, 0x3041...0x33FF,
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
        0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x18CFF, 0x1B000...0x1B2FF,
        0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251,
        0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF,
        0x20000...0x2FFFD, 0x30000...0x3FFFD
    ]
}
