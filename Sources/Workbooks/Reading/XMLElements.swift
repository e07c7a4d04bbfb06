import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A streaming walk over an XML part that hands each element's local name
/// (namespace prefixes dropped: strict OOXML and `x:` prefixes read the same),
/// attributes and, at its end, its text to the caller.
final class XMLElements: NSObject, XMLParserDelegate {
    typealias Start = (_ name: String, _ attributes: [String: String]) -> Void
    typealias End = (_ name: String, _ text: String) -> Void

    private let start: Start
    private let end: End
    private var text = ""
    private var depth = 0
    /// The root element's end tag was read.
    private(set) var rootClosed = false

    private init(start: @escaping Start, end: @escaping End) {
        self.start = start
        self.end = end
    }

    /// Walks `data`; `false` when it is not well-formed XML.
    static func walk(_ data: Data, start: @escaping Start, end: @escaping End) -> Bool {
        let parser = XMLParser(data: data)
        let walker = XMLElements(start: start, end: end)
        parser.delegate = walker
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        // Foundation's parser on Linux (libxml2) reports a failure at the end
        // of some large parts (over 10 MB) after every element was read; a
        // document whose root element closed was read whole.
        return parser.parse() || walker.rootClosed
    }

    static func local(_ name: String) -> String {
        name.firstIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        text = ""
        depth += 1
        var plain: [String: String] = [:]
        for (k, v) in attributes { plain[Self.local(k)] = v }
        start(Self.local(elementName), plain)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        end(Self.local(elementName), text)
        text = ""
        depth -= 1
        if depth == 0 { rootClosed = true }
    }
}
