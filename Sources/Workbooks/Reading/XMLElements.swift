import Foundation

/// A streaming walk over an XML part that hands each element's local name,
/// attributes and, at its end, its text to the caller: ``XMLTokens`` as
/// events, for the small parts (the workbook, its relationships, the styles).
///
/// A small scanner over the bytes rather than Foundation's `XMLParser`: a
/// sheet of 5,000 fellows' availability is 12 MB of XML, which Foundation's
/// parser on Linux read at about 4 MB a second (and reported as failed past
/// 10 MB). The sheets and the shared strings, where the time goes, read the
/// tokens directly.
enum XMLElements {
    typealias Start = (_ name: String, _ attributes: [String: String]) -> Void
    typealias End = (_ name: String, _ text: String) -> Void

    /// Walks `data`; `false` when it is not well-formed enough to read
    /// (a tag left open, an unknown entity, end tags out of order).
    static func walk(_ data: Data, start: Start, end: End) -> Bool {
        data.withUnsafeBytes { raw in
            var tokens = XMLTokens(raw.bindMemory(to: UInt8.self))
            while true {
                switch tokens.next() {
                case .start: start(tokens.nameString, tokens.allAttributes())
                case .end: end(tokens.nameString, tokens.textString)
                case .done: return true
                case .broken: return false
                }
            }
        }
    }
}
