/// Terminal text within a width (80 columns by default): words wrapped with a
/// hanging indent, table cells padded. Width counts characters, so names with
/// accents line up too.
public enum TextLayout {
    public static let width = 80

    /// `text` broken at spaces into lines of at most `width` characters; lines
    /// after the first start with `indent`. A word longer than a line is cut.
    public static func wrap(_ text: String, width: Int = TextLayout.width, first: String = "", indent: String = "    ")
        -> [String]
    {
        var lines: [String] = []
        var current = first
        var empty = true
        for word in text.split(separator: " ") {
            if empty || current.count + 1 + word.count <= width {
                current += (empty ? "" : " ") + word
                empty = false
            } else {
                lines.append(current)
                current = indent + word
            }
        }
        lines.append(current)
        // A single word wider than a line is cut.
        return lines.flatMap { line -> [String] in
            var rest = Substring(line), parts: [String] = []
            while rest.count > width {
                parts.append(String(rest.prefix(width)))
                rest = Substring(indent) + rest.dropFirst(width)
            }
            return parts + [String(rest)]
        }
    }

    /// Left-aligned to `w` characters.
    public static func pad(_ s: String, _ w: Int) -> String {
        s.count >= w ? s : s + String(repeating: " ", count: w - s.count)
    }
    /// Right-aligned to `w` characters.
    public static func lpad(_ s: String, _ w: Int) -> String {
        s.count >= w ? s : String(repeating: " ", count: w - s.count) + s
    }
    /// At most `w` characters, an ellipsis marking a cut.
    public static func clip(_ s: String, _ w: Int) -> String {
        s.count <= w ? s : String(s.prefix(max(0, w - 1))) + "…"
    }
}
