extension Duration {
    /// The duration in seconds, as time limits are given.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
