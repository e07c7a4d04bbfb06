/// `[input] date_order`: how a date written with slashes or hyphens and the
/// year last (`9/10/2026`, `09-10-2026`) is read when both of its first two
/// numbers could be the month. US spreadsheets write the month first,
/// most others the day first; FellowMatch never guesses.
public enum DateOrder: String, Sendable, Hashable, CaseIterable {
    /// `9/10/2026` is 10 September 2026.
    case monthFirst = "month-first"
    /// `9/10/2026` is 9 October 2026.
    case dayFirst = "day-first"
}
