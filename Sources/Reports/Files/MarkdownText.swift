/// Text from a scenario (names, ids, descriptions) made inert in Markdown:
/// shown as written, never as markup or HTML.
///
/// `<`, `>` and `&` become HTML entities (so `<img src=x onerror=…>` in a
/// name is text, not a tag, in any Markdown renderer that allows HTML); the
/// ASCII punctuation that starts markup in CommonMark or GitHub's tables
/// (`\` `` ` `` `*` `_` `[` `]` `|` `~` `#`) is escaped with a backslash,
/// which CommonMark defines for every ASCII punctuation character (with `[`
/// and `]` escaped, `(…)` and `!` can no longer make a link or an image). Line breaks
/// become spaces, so a value never starts a block of its own.
public enum MarkdownText {
    static let escaped: Set<Character> = ["\\", "`", "*", "_", "[", "]", "|", "~", "#"]

    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r", "\r\n": out += " "
            default:
                if escaped.contains(c) { out.append("\\") }
                out.append(c)
            }
        }
        return out
    }
}
