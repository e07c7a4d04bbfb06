import Modeling

extension SeminarModel {
    /// In a re-plan, each talk kept in its earlier session saves 1000, more
    /// than any soft aim can cost (talks already held are fixed instead):
    ///
    ///     − 1000 · Σ_{t kept} talk(t, earlier(t))
    func keepEarlierSessions() -> LinearExpression {
        var e = LinearExpression()
        for k in kept where !k.fixed {
            if let v = assign[k.talk][k.session] { e.add(-Self.keepWeight, v) }
        }
        return e
    }
}
