import Foundation

/// A streaming walk over an XML part that hands each element's local name
/// (namespace prefixes dropped: strict OOXML and `x:` prefixes read the same),
/// attributes and, at its end, its text to the caller.
///
/// A small scanner over the bytes rather than Foundation's `XMLParser`: a
/// sheet of 5,000 fellows' availability is 12 MB of XML, which Foundation's
/// parser on Linux read at about 4 MB a second (and reported as failed past
/// 10 MB). What a workbook part needs is handled: elements, attributes in
/// single or double quotes, the five named entities and character
/// references, CDATA, comments, processing instructions and a DOCTYPE (its
/// entity declarations are never expanded: a workbook cannot define its own
/// entities, so no "billion laughs").
enum XMLElements {
    typealias Start = (_ name: String, _ attributes: [String: String]) -> Void
    typealias End = (_ name: String, _ text: String) -> Void

    /// Walks `data`; `false` when it is not well-formed enough to read
    /// (a tag left open, an unknown entity, end tags out of order).
    static func walk(_ data: Data, start: @escaping Start, end: @escaping End) -> Bool {
        data.withUnsafeBytes { raw in
            var scanner = Scanner(bytes: raw.bindMemory(to: UInt8.self), start: start, end: end)
            return scanner.run()
        }
    }

    static func local(_ name: String) -> String {
        name.firstIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        let start: Start
        let end: End
        var i = 0
        var open: [String] = []
        var text: [UInt8] = []

        init(bytes: UnsafeBufferPointer<UInt8>, start: @escaping Start, end: @escaping End) {
            self.bytes = bytes
            self.start = start
            self.end = end
        }

        mutating func run() -> Bool {
            let n = bytes.count
            while i < n {
                guard let lt = next(UInt8(ascii: "<"), from: i) else {
                    return append(i, n) && open.isEmpty
                }
                guard append(i, lt) else { return false }
                i = lt + 1
                guard i < n else { return false }
                switch bytes[i] {
                case UInt8(ascii: "/"): guard endTag() else { return false }
                case UInt8(ascii: "?"): guard skip(past: "?>") else { return false }
                case UInt8(ascii: "!"): guard special() else { return false }
                default: guard startTag() else { return false }
                }
            }
            return open.isEmpty
        }

        func next(_ byte: UInt8, from k: Int) -> Int? {
            var j = k
            while j < bytes.count {
                if bytes[j] == byte { return j }
                j += 1
            }
            return nil
        }

        /// Text between tags, entities decoded.
        mutating func append(_ from: Int, _ to: Int) -> Bool {
            guard from < to else { return true }
            return Self.decode(bytes, from, to, into: &text)
        }

        mutating func skip(past marker: String) -> Bool {
            let m = Array(marker.utf8)
            var j = i
            while j + m.count <= bytes.count {
                if bytes[j] == m[0] && (0..<m.count).allSatisfy({ bytes[j + $0] == m[$0] }) {
                    i = j + m.count
                    return true
                }
                j += 1
            }
            return false
        }

        /// `<!-- … -->`, `<![CDATA[ … ]]>` (its text kept as it stands), `<!DOCTYPE …>`.
        mutating func special() -> Bool {
            if matches("!--") { return skip(past: "-->") }
            if matches("![CDATA[") {
                let from = i + 8
                guard skip(past: "]]>") else { return false }
                text.append(contentsOf: bytes[from..<(i - 3)])
                return true
            }
            guard let gt = next(UInt8(ascii: ">"), from: i) else { return false }
            i = gt + 1
            return true
        }

        func matches(_ s: String) -> Bool {
            let m = Array(s.utf8)
            return i + m.count <= bytes.count && (0..<m.count).allSatisfy { bytes[i + $0] == m[$0] }
        }

        mutating func endTag() -> Bool {
            i += 1
            guard let gt = next(UInt8(ascii: ">"), from: i) else { return false }
            let name = String(decoding: bytes[i..<gt], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            i = gt + 1
            guard open.last == name else { return false }
            open.removeLast()
            end(XMLElements.local(name), String(decoding: text, as: UTF8.self))
            text.removeAll(keepingCapacity: true)
            return true
        }

        mutating func startTag() -> Bool {
            let nameStart = i
            while i < bytes.count, !Self.isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">"), bytes[i] != UInt8(ascii: "/")
            {
                i += 1
            }
            let name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
            var attributes: [String: String] = [:]
            while i < bytes.count {
                while i < bytes.count, Self.isSpace(bytes[i]) { i += 1 }
                guard i < bytes.count else { return false }
                if bytes[i] == UInt8(ascii: ">") {
                    i += 1
                    text.removeAll(keepingCapacity: true)
                    start(XMLElements.local(name), attributes)
                    open.append(name)
                    return true
                }
                if bytes[i] == UInt8(ascii: "/") {
                    guard i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: ">") else { return false }
                    i += 2
                    text.removeAll(keepingCapacity: true)
                    start(XMLElements.local(name), attributes)
                    end(XMLElements.local(name), "")
                    return true
                }
                guard let (key, value) = attribute() else { return false }
                attributes[XMLElements.local(key)] = value
            }
            return false
        }

        /// `name="value"` or `name='value'`.
        mutating func attribute() -> (String, String)? {
            let keyStart = i
            while i < bytes.count, bytes[i] != UInt8(ascii: "="), !Self.isSpace(bytes[i]) { i += 1 }
            let key = String(decoding: bytes[keyStart..<i], as: UTF8.self)
            while i < bytes.count, Self.isSpace(bytes[i]) { i += 1 }
            guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else { return nil }
            i += 1
            while i < bytes.count, Self.isSpace(bytes[i]) { i += 1 }
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else { return nil }
            let quote = bytes[i]
            i += 1
            guard let close = next(quote, from: i) else { return nil }
            var value: [UInt8] = []
            guard Self.decode(bytes, i, close, into: &value) else { return nil }
            i = close + 1
            return (key, String(decoding: value, as: UTF8.self))
        }

        static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

        /// Bytes `from..<to` with `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` and
        /// `&#N;` `&#xH;` decoded; `false` on any other entity.
        static func decode(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, into out: inout [UInt8]) -> Bool {
            var k = from
            while k < to {
                guard b[k] == UInt8(ascii: "&") else {
                    out.append(b[k])
                    k += 1
                    continue
                }
                var semi = k + 1
                while semi < to, b[semi] != UInt8(ascii: ";"), semi - k < 12 { semi += 1 }
                guard semi < to, b[semi] == UInt8(ascii: ";") else { return false }
                let name = String(decoding: b[(k + 1)..<semi], as: UTF8.self)
                switch name {
                case "amp": out.append(UInt8(ascii: "&"))
                case "lt": out.append(UInt8(ascii: "<"))
                case "gt": out.append(UInt8(ascii: ">"))
                case "quot": out.append(UInt8(ascii: "\""))
                case "apos": out.append(UInt8(ascii: "'"))
                default:
                    guard name.hasPrefix("#") else { return false }
                    let digits = name.dropFirst()
                    let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                    guard let value, let scalar = Unicode.Scalar(value) else { return false }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                }
                k = semi + 1
            }
            return true
        }
    }
}
