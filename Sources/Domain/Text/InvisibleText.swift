/// Characters a reader cannot see but that change what is shown: Unicode's
/// "format" category (general category Cf): the BiDi controls (U+061C,
/// U+200E–U+200F, U+202A–U+202E, U+2066–U+2069), which can make
/// `Smith‮gpj.exe` read as `Smithexe.jpg`, zero-width spaces and joiners,
/// soft hyphens and byte-order marks.
///
/// Every text a scenario gives (CSV cells, `scenario.toml`'s `name` and
/// `intake`, a what-if's `name` and `description`, the folder name) has them
/// removed as it is read, with a warning; ``visible(_:)`` is the last guard
/// for text from anywhere else (paths) before it reaches a terminal.
public enum InvisibleText {
    /// Whether `s` is an invisible format character.
    public static func isInvisible(_ s: Unicode.Scalar) -> Bool { s.properties.generalCategory == .format }

    /// `text` without invisible characters, and those removed (for a warning).
    public static func removing(from text: String) -> (text: String, removed: [Unicode.Scalar]) {
        guard text.unicodeScalars.contains(where: isInvisible) else { return (text, []) }
        var out = String.UnicodeScalarView()
        var removed: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if isInvisible(scalar) { removed.append(scalar) } else { out.append(scalar) }
        }
        return (String(out), removed)
    }

    /// The BiDi controls, which reorder what follows them on screen.
    public static func isBidiControl(_ s: Unicode.Scalar) -> Bool {
        s.properties.isBidiControl
    }
}
