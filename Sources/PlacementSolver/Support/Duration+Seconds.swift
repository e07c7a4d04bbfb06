extension Duration {
    /// The duration in seconds, as time limits are given.
    public var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
