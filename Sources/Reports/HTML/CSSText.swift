/// Text as a CSS string literal, for a page's own `<style>` (the stamp in
/// every printed page's margin): quoted, with `"` and `\` escaped and every
/// character outside printable ASCII, `<` and `>` included, written as a
/// hexadecimal escape, so the text can neither end the string nor the style
/// element.
enum CSSText {
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\": out += "\\" + String(scalar)
            case " "..."~" where scalar != "<" && scalar != ">" && scalar != "&": out.unicodeScalars.append(scalar)
            default: out += "\\" + String(scalar.value, radix: 16) + " "
            }
        }
        return out + "\""
    }
}
