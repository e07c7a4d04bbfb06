import Foundation

/// A pull scanner over an XML part's bytes: each call to ``next()`` moves to
/// the next start or end tag and leaves its local name (namespace prefix
/// dropped: strict OOXML and `x:` prefixes read the same), its attributes and
/// the text since the previous tag as byte ranges and bytes, so that a sheet
/// of half a million cells is read without a `String` or a dictionary per
/// element (``SheetCells``); ``XMLElements`` hands the same tokens to closures
/// for the small parts.
///
/// What a workbook part needs is handled: elements, attributes in single or
/// double quotes, the five named entities and character references, CDATA,
/// comments, processing instructions and a DOCTYPE (its entity declarations
/// are never expanded: a workbook cannot define its own entities, so no
/// "billion laughs"). A tag left open, end tags out of order, an unknown
/// entity or a malformed attribute make the part `.broken`.
struct XMLTokens {
    enum Token { case start, end, done, broken }

    let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    /// The current tag's local name.
    private(set) var name: Range<Int> = 0..<0
    /// A start tag's attributes, as written (`r="A1" t="s"`).
    private(set) var attributes: Range<Int> = 0..<0
    /// The text since the previous tag, entities decoded (at an end tag: the element's text).
    private(set) var text: [UInt8] = []
    private var open: [Range<Int>] = []
    /// A self-closing tag, whose end comes at the next call.
    private var closesItself = false
    private var clearText = false

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        text.reserveCapacity(256)
        open.reserveCapacity(16)
    }

    mutating func next() -> Token {
        if clearText {
            text.removeAll(keepingCapacity: true)
            clearText = false
        }
        if closesItself {
            closesItself = false
            clearText = true
            return .end
        }
        let n = bytes.count
        while i < n {
            guard let lt = find(UInt8(ascii: "<"), from: i) else {
                guard Self.decode(bytes, i, n, into: &text) else { return .broken }
                i = n
                break
            }
            guard Self.decode(bytes, i, lt, into: &text) else { return .broken }
            i = lt + 1
            guard i < n else { return .broken }
            switch bytes[i] {
            case UInt8(ascii: "/"): return endTag()
            case UInt8(ascii: "?"): guard skip(past: "?>") else { return .broken }
            case UInt8(ascii: "!"): guard special() else { return .broken }
            default: return startTag()
            }
        }
        return open.isEmpty ? .done : .broken
    }

    // MARK: What the current tag holds

    /// Whether the current tag's local name is `literal` (ASCII).
    func named(_ literal: StaticString) -> Bool { equal(name, literal) }

    var nameString: String { String(decoding: UnsafeBufferPointer(rebasing: bytes[name]), as: UTF8.self) }
    var textString: String { String(decoding: text, as: UTF8.self) }

    /// The raw bytes of the attribute whose local name is `literal` (entities not decoded).
    func attribute(_ literal: StaticString) -> Range<Int>? {
        var found: Range<Int>?
        eachAttribute { key, value in
            if equal(key, literal) { found = value }
        }
        return found
    }

    /// The attribute's value, entities decoded.
    func attributeString(_ literal: StaticString) -> String? {
        attribute(literal).map(decoded)
    }

    /// A whole number written in the attribute (`r="14"`); `nil` if absent or not one.
    func intAttribute(_ literal: StaticString) -> Int? {
        attribute(literal).flatMap { Self.integer(bytes, $0) }
    }

    /// Every attribute by its local name, values decoded.
    func allAttributes() -> [String: String] {
        var all: [String: String] = [:]
        eachAttribute { key, value in
            all[String(decoding: UnsafeBufferPointer(rebasing: bytes[Self.local(bytes, key)]), as: UTF8.self)] =
                decoded(value)
        }
        return all
    }

    /// Whether bytes `range` are `literal` (ASCII).
    func equal(_ range: Range<Int>, _ literal: StaticString) -> Bool {
        guard range.count == literal.utf8CodeUnitCount else { return false }
        let l = literal.utf8Start
        var k = 0
        for j in range {
            if bytes[j] != l[k] { return false }
            k += 1
        }
        return true
    }

    func decoded(_ range: Range<Int>) -> String {
        var out: [UInt8] = []
        _ = Self.decode(bytes, range.lowerBound, range.upperBound, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// A whole number of up to 18 digits with an optional sign; `nil` otherwise.
    static func integer(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var k = range.lowerBound
        var negative = false
        if k < range.upperBound, b[k] == UInt8(ascii: "-") || b[k] == UInt8(ascii: "+") {
            negative = b[k] == UInt8(ascii: "-")
            k += 1
        }
        guard k < range.upperBound, range.upperBound - k <= 18 else { return nil }
        var n = 0
        while k < range.upperBound {
            let d = b[k] &- UInt8(ascii: "0")
            guard d < 10 else { return nil }
            n = n * 10 + Int(d)
            k += 1
        }
        return negative ? -n : n
    }

    // MARK: Scanning

    private func find(_ byte: UInt8, from k: Int) -> Int? {
        var j = k
        while j < bytes.count {
            if bytes[j] == byte { return j }
            j += 1
        }
        return nil
    }

    private mutating func skip(past marker: StaticString) -> Bool {
        let m = marker.utf8Start
        let count = marker.utf8CodeUnitCount
        var j = i
        while j + count <= bytes.count {
            var k = 0
            while k < count, bytes[j + k] == m[k] { k += 1 }
            if k == count {
                i = j + count
                return true
            }
            j += 1
        }
        return false
    }

    private func startsHere(_ s: StaticString) -> Bool {
        i + s.utf8CodeUnitCount <= bytes.count && equal(i..<(i + s.utf8CodeUnitCount), s)
    }

    /// `<!-- … -->`, `<![CDATA[ … ]]>` (its text kept as it stands), `<!DOCTYPE …>`.
    private mutating func special() -> Bool {
        if startsHere("!--") { return skip(past: "-->") }
        if startsHere("![CDATA[") {
            let from = i + 8
            guard skip(past: "]]>") else { return false }
            text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from..<(i - 3)]))
            return true
        }
        guard let gt = find(UInt8(ascii: ">"), from: i) else { return false }
        i = gt + 1
        return true
    }

    private mutating func endTag() -> Token {
        i += 1
        guard let gt = find(UInt8(ascii: ">"), from: i) else { return .broken }
        var from = i, to = gt
        while from < to, Self.isSpace(bytes[from]) { from += 1 }
        while to > from, Self.isSpace(bytes[to - 1]) { to -= 1 }
        i = gt + 1
        guard let last = open.last, last.count == to - from,
            memcmp(bytes.baseAddress! + last.lowerBound, bytes.baseAddress! + from, last.count) == 0
        else { return .broken }
        open.removeLast()
        name = Self.local(bytes, from..<to)
        clearText = true
        return .end
    }

    private mutating func startTag() -> Token {
        let nameStart = i
        while i < bytes.count, !Self.isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">"), bytes[i] != UInt8(ascii: "/") {
            i += 1
        }
        let fullName = nameStart..<i
        let attributesStart = i
        while i < bytes.count {
            while i < bytes.count, Self.isSpace(bytes[i]) { i += 1 }
            guard i < bytes.count else { return .broken }
            if bytes[i] == UInt8(ascii: ">") {
                attributes = attributesStart..<i
                i += 1
                open.append(fullName)
                return started(fullName)
            }
            if bytes[i] == UInt8(ascii: "/") {
                guard i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: ">") else { return .broken }
                attributes = attributesStart..<i
                i += 2
                closesItself = true
                return started(fullName)
            }
            guard skipAttribute() else { return .broken }
        }
        return .broken
    }

    private mutating func started(_ fullName: Range<Int>) -> Token {
        name = Self.local(bytes, fullName)
        text.removeAll(keepingCapacity: true)
        return .start
    }

    /// Checks one `name="value"` or `name='value'` (its entities too) and moves past it.
    private mutating func skipAttribute() -> Bool {
        guard let (_, value, after) = Self.attribute(bytes, at: i, end: bytes.count) else { return false }
        if find(UInt8(ascii: "&"), in: value) {
            var scratch: [UInt8] = []
            guard Self.decode(bytes, value.lowerBound, value.upperBound, into: &scratch) else { return false }
        }
        i = after
        return true
    }

    private func find(_ byte: UInt8, in range: Range<Int>) -> Bool {
        for j in range where bytes[j] == byte { return true }
        return false
    }

    private func eachAttribute(_ body: (_ key: Range<Int>, _ value: Range<Int>) -> Void) {
        var k = attributes.lowerBound
        while k < attributes.upperBound {
            while k < attributes.upperBound, Self.isSpace(bytes[k]) { k += 1 }
            guard k < attributes.upperBound,
                let (key, value, after) = Self.attribute(bytes, at: k, end: attributes.upperBound)
            else { return }
            body(Self.local(bytes, key), value)
            k = after
        }
    }

    /// The attribute at `k`: its name, its value (without quotes) and where it ends.
    private static func attribute(_ b: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> (
        Range<Int>, Range<Int>, Int
    )? {
        var k = start
        while k < end, b[k] != UInt8(ascii: "="), !isSpace(b[k]) { k += 1 }
        let key = start..<k
        while k < end, isSpace(b[k]) { k += 1 }
        guard k < end, b[k] == UInt8(ascii: "=") else { return nil }
        k += 1
        while k < end, isSpace(b[k]) { k += 1 }
        guard k < end, b[k] == UInt8(ascii: "\"") || b[k] == UInt8(ascii: "'") else { return nil }
        let quote = b[k]
        k += 1
        let valueStart = k
        while k < end, b[k] != quote { k += 1 }
        guard k < end else { return nil }
        return (key, valueStart..<k, k + 1)
    }

    /// The name without its namespace prefix (`x:c` → `c`).
    static func local(_ b: UnsafeBufferPointer<UInt8>, _ name: Range<Int>) -> Range<Int> {
        for j in name where b[j] == UInt8(ascii: ":") { return (j + 1)..<name.upperBound }
        return name
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// Bytes `from..<to` with `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` and
    /// `&#N;` `&#xH;` decoded; `false` on any other entity.
    static func decode(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, into out: inout [UInt8]) -> Bool {
        var k = from
        while k < to {
            var plain = k
            while plain < to, b[plain] != UInt8(ascii: "&") { plain += 1 }
            if plain > k { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[k..<plain])) }
            k = plain
            guard k < to else { break }
            var semi = k + 1
            while semi < to, b[semi] != UInt8(ascii: ";"), semi - k < 12 { semi += 1 }
            guard semi < to, b[semi] == UInt8(ascii: ";") else { return false }
            guard let scalar = entity(b, (k + 1)..<semi) else { return false }
            if scalar.isASCII {
                out.append(UInt8(scalar.value))
            } else {
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            }
            k = semi + 1
        }
        return true
    }

    /// The character an entity's name (between `&` and `;`) stands for.
    private static func entity(_ b: UnsafeBufferPointer<UInt8>, _ name: Range<Int>) -> Unicode.Scalar? {
        let text = String(decoding: UnsafeBufferPointer(rebasing: b[name]), as: UTF8.self)
        switch text {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard text.hasPrefix("#") else { return nil }
            let digits = text.dropFirst()
            let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init)
        }
    }
}
