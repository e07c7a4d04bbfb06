import Testing

extension Tag {
    /// Runs only with `FELLOWMATCH_SLOW_TESTS=1` (see `SlowTests`).
    @Tag static var slow: Self
}
