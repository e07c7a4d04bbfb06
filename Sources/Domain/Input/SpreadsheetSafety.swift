/// CSV cells that a spreadsheet would run as a formula (OWASP, "CSV
/// Injection"): a text cell starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return is written with a leading `'`, which spreadsheets show as
/// text and do not evaluate. Numbers (`-5`, `+1.5`) stay numbers.
///
/// FellowMatch writes its CSV outputs through ``neutralize(_:)`` and reads
/// them back (`--keep`) through ``restore(_:)``, so an id such as `-f1`
/// survives the round trip.
public enum SpreadsheetSafety {
    static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    public static func neutralize(_ cell: String) -> String {
        guard let first = cell.first, triggers.contains(first), Double(cell) == nil else { return cell }
        return "'" + cell
    }

    public static func restore(_ cell: String) -> String {
        guard cell.hasPrefix("'"), let second = cell.dropFirst().first, triggers.contains(second),
            Double(cell.dropFirst()) == nil
        else { return cell }
        return String(cell.dropFirst())
    }
}
