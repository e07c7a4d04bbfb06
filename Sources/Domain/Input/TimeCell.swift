extension TimeOfDay {
    /// A time as spreadsheets write it: `13:00`, `9:05`, with seconds
    /// (`13:00:00`, only `:00`), or on a 12-hour clock with `AM`/`PM` in any
    /// case, with or without a space or dots (`12:00 PM` is noon, `12:30 am`
    /// half past midnight, `1 PM` is 13:00).
    public init?(spreadsheet text: String) {
        let lower = text.lowercased()
        var v = Substring(lower.utf8.contains(0x2E) ? lower.replacingOccurrences(of: ".", with: "") : lower)
        var half: Int?
        for (suffix, offset) in [("am", 0), ("pm", 12)] where v.hasSuffix(suffix) {
            half = offset
            v = v.dropLast(2)
            while v.last == " " { v = v.dropLast() }
        }
        var parts = v.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 3 && parts[2] == "00" { parts.removeLast() }
        if half != nil && parts.count == 1 { parts.append("00") }
        guard let t = TimeOfDay(parts.joined(separator: ":")) else { return nil }
        guard let half else {
            self = t
            return
        }
        guard (1...12).contains(t.hour) else { return nil }
        self.init(hour: t.hour % 12 + half, minute: t.minute)
    }
}
