import Foundation

/// `xl/sharedStrings.xml`: the texts cells of type `s` point at by index.
/// An item is one `<t>` or rich-text runs `<r><t>`; phonetic runs `<rPh>` are
/// not part of the text.
enum SharedStrings {
    /// The texts in order, each decoded once (cells share them by index).
    static func read(_ data: Data?) -> [String]? {
        guard let data else { return [] }
        return data.withUnsafeBytes { raw -> [String]? in
            var tokens = XMLTokens(raw.bindMemory(to: UInt8.self))
            var strings: [String] = []
            var current: [UInt8] = []
            var phonetic = 0
            while true {
                switch tokens.next() {
                case .start:
                    if tokens.named("si") { current.removeAll(keepingCapacity: true) }
                    if tokens.named("rPh") { phonetic += 1 }
                case .end:
                    if tokens.named("t") && phonetic == 0 {
                        current.append(contentsOf: tokens.text)
                    } else if tokens.named("rPh") {
                        phonetic -= 1
                    } else if tokens.named("si") {
                        strings.append(CellText.unescaped(bytes: current))
                    }
                case .done: return strings
                case .broken: return nil
                }
            }
        }
    }
}

/// Text as a workbook stores it.
enum CellText {
    /// `_xHHHH_` written out as the character it stands for (how OOXML keeps
    /// control characters in XML).
    static func unescaped(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "_")), text.contains("_x") else { return text }
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

    /// The text of UTF-8 `bytes`, `_xHHHH_` written out.
    static func unescaped(bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return bytes.contains(UInt8(ascii: "_")) ? unescaped(text) : text
    }
}
