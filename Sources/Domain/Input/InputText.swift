/// One input file as the reader used it: its name (no folder) and its text.
///
/// The readers keep these so that whoever records a run hashes exactly the
/// bytes that were read, not the files as they are later on disk. The text
/// is the file's UTF-8 decoding, which gives back the file's bytes exactly
/// (a byte-order mark included).
public struct InputText: Sendable, Hashable {
    public var name: String
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }

    /// The texts of a folder's files in name order.
    public static func sorted(_ texts: [String: String]) -> [InputText] {
        texts.keys.sorted().map { InputText(name: $0, text: texts[$0]!) }
    }
}
