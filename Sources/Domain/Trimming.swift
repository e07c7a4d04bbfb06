import Foundation

extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)`, without Foundation's bridging
    /// cost when there is nothing to trim (almost every cell of a scenario).
    func trimmedSpaces() -> String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return "" }
        let spaces = CharacterSet.whitespaces
        if !spaces.contains(first) && !spaces.contains(last) { return String(self) }
        return trimmingCharacters(in: spaces)
    }
}
