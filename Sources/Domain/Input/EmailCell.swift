/// An e-mail address as fellows.csv, mentors.csv and `[program]
/// office_email` give it: a plausible RFC 5321/5322 addr-spec, `local@domain`,
/// ASCII only, that a mail program can put in a `To:` header unchanged.
///
///     local  = 1–64 characters of A–Z a–z 0–9 and ! # $ % & ' * + - / = ? ^ _ ` { | } ~,
///              in dot-separated parts (no leading, trailing or double dot)
///     domain = two or more labels separated by dots; a label is 1–63 characters
///              of A–Z a–z 0–9 and -, not starting or ending with -
///     whole  ≤ 254 characters
///
/// Quoted local parts (`"a b"@x.org`), address literals (`a@[10.0.0.1]`),
/// display names (`Ann <a@x.org>`) and non-ASCII addresses are refused: a
/// program office's addresses never need them, and a typo that makes one
/// (a comma, a space, a missing dot) is far likelier.
public enum EmailAddress {
    static let localCharacters = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~")
    static let labelCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")

    /// Why `text` is not a plausible address, or `nil` when it is one.
    public static func problem(with text: String) -> String? {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            return parts.count < 2
                ? "\"\(text)\" is not an e-mail address (no @)" : "\"\(text)\" has more than one @"
        }
        if text.count > 254 { return "is \(text.count) characters long; an e-mail address has at most 254" }
        let local = parts[0], domain = parts[1]
        if local.isEmpty || local.count > 64 { return "\"\(text)\" needs 1 to 64 characters before the @" }
        if let bad = local.first(where: { !localCharacters.contains($0) && $0 != "." }) {
            return "\"\(text)\" has \(shown(bad)) before the @, which an address cannot hold"
        }
        if local.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
            return "\"\(text)\" has a dot at the start or end of the name or two dots in a row"
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        if labels.count < 2 { return "\"\(text)\" needs a domain with a dot after the @, e.g. example.org" }
        for label in labels {
            if label.isEmpty || label.count > 63 {
                return "\"\(text)\" has an empty or over-long part in its domain"
            }
            if let bad = label.first(where: { !labelCharacters.contains($0) }) {
                return "\"\(text)\" has \(shown(bad)) in its domain, which a domain cannot hold"
            }
            if label.hasPrefix("-") || label.hasSuffix("-") {
                return "\"\(text)\" has a domain part starting or ending with -"
            }
        }
        return nil
    }

    static func shown(_ c: Character) -> String {
        c == " " ? "a space" : c == "," ? "a comma" : c == ";" ? "a semicolon" : "\"\(c)\""
    }
}

extension RowReader {
    /// An optional e-mail column (`email`): `nil` when empty; a located issue when implausible.
    func email(_ column: String, _ issues: inout [ScenarioIssue]) -> String? {
        guard let v = text(column) else { return nil }
        if let problem = EmailAddress.problem(with: v) {
            issues.append(issue(column, problem, hint: "write one address, e.g. name@example.org, or leave it empty"))
            return nil
        }
        return v
    }
}
