/// Lists in words: "a, b and c". One place for the solvers' sentences and the reports'.
public enum ListText {
    /// `items` joined with commas and a final "and"; with `atMost`, the rest
    /// counted ("a, b and 3 more"); `empty` when there are none.
    public static func joined(_ items: [String], atMost: Int? = nil, empty: String = "") -> String {
        let shown =
            atMost.map { items.count > $0 ? Array(items.prefix($0)) + ["\(items.count - $0) more"] : items } ?? items
        switch shown.count {
        case 0: return empty
        case 1: return shown[0]
        default: return shown.dropLast().joined(separator: ", ") + " and " + shown.last!
        }
    }
}
