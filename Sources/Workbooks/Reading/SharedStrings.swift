import Foundation

/// `xl/sharedStrings.xml`: the texts cells of type `s` point at by index.
/// An item is one `<t>` or rich-text runs `<r><t>`; phonetic runs `<rPh>` are
/// not part of the text.
enum SharedStrings {
    static func read(_ data: Data?) -> [String]? {
        guard let data else { return [] }
        var strings: [String] = []
        var current = ""
        var phonetic = 0
        let ok = XMLElements.walk(
            data,
            start: { name, _ in
                if name == "si" { current = "" }
                if name == "rPh" { phonetic += 1 }
            },
            end: { name, text in
                switch name {
                case "t" where phonetic == 0: current += CellText.unescaped(text)
                case "rPh": phonetic -= 1
                case "si": strings.append(current)
                default: break
                }
            })
        return ok ? strings : nil
    }
}

/// Text as a workbook stores it.
enum CellText {
    /// `_xHHHH_` written out as the character it stands for (how OOXML keeps
    /// control characters in XML).
    static func unescaped(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var out = ""
        var rest = Substring(text)
        while let start = rest.range(of: "_x") {
            out += rest[..<start.lowerBound]
            let after = rest[start.upperBound...]
            let hex = after.prefix(5)
            if hex.count == 5, hex.last == "_", let value = UInt32(hex.dropLast(), radix: 16),
                let scalar = Unicode.Scalar(value)
            {
                out.unicodeScalars.append(scalar)
                rest = after.dropFirst(5)
            } else {
                out += "_x"
                rest = after
            }
        }
        return out + rest
    }
}
