/// Which character separates the fields of a CSV file.
///
/// Spreadsheet programs in most of Europe save "CSV" with semicolons, since
/// their decimal mark is the comma. The separator is read from the header
/// row (the first line that is not blank), outside quotes: a header with no
/// comma and at least one semicolon makes a semicolon-separated file; one
/// with neither but a tab (text pasted from a spreadsheet) a tab-separated
/// file; anything else is comma-separated. A one-column file is read the same
/// either way. Lists inside a cell also use `;`: such a file's spreadsheet
/// quotes a cell holding one, so it still reads as one cell.
enum FieldSeparator {
    static func of(_ text: String) -> Unicode.Scalar {
        var commas = 0, semicolons = 0, tabs = 0, quoted = false, started = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" {
                quoted.toggle()
            } else if !quoted && (scalar == "\n" || scalar == "\r") {
                if started { break }
            } else if !quoted && scalar == "," {
                commas += 1
            } else if !quoted && scalar == ";" {
                semicolons += 1
            } else if !quoted && scalar == "\t" && started {
                tabs += 1
            }
            if !scalar.properties.isWhitespace { started = true }
        }
        if commas == 0 && semicolons > 0 { return ";" }
        return commas == 0 && tabs > 0 ? "\t" : ","
    }
}

extension FieldSeparator {
    /// "comma", "semicolon" or "tab", for messages.
    static func name(_ separator: Unicode.Scalar) -> String {
        switch separator {
        case ";": return "semicolon"
        case "\t": return "tab"
        default: return "comma"
        }
    }
}
