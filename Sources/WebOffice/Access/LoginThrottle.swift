import Foundation

/// Slows guessing of passwords: after ``limit`` failed logins within
/// ``window`` seconds, for one name or from one address, further attempts
/// are refused (without checking the password) until the oldest failure is
/// older than the window. Every attempt counts as a failure until its
/// password is verified (so parallel guesses cannot all pass); a successful
/// login clears the name's failures and takes its attempt back from the address.
actor LoginThrottle {
    let limit: Int
    let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    init(limit: Int = 5, window: TimeInterval = 15 * 60) {
        self.limit = limit
        self.window = window
    }

    /// Whether an attempt for `name` from `address` may be checked now; an
    /// attempt allowed is counted as a failure in the same step (one call on
    /// the actor: parallel attempts cannot all pass before any is counted).
    func attempt(name: String, address: String, now: Date = Date()) -> Bool {
        prune(now)
        let keys = [key(name: name), key(address: address)]
        guard keys.allSatisfy({ (failures[$0]?.count ?? 0) < limit }) else { return false }
        for k in keys { failures[k, default: []].append(now) }
        return true
    }

    /// A sign-in that succeeded: its attempt (counted before the check) is
    /// taken back from the address, and the name's failures are cleared.
    func succeeded(name: String, address: String) {
        failures[key(name: name)] = nil
        _ = failures[key(address: address)]?.popLast()
    }

    private func prune(_ now: Date) {
        failures = failures.compactMapValues { dates in
            let kept = dates.filter { now.timeIntervalSince($0) < window }
            return kept.isEmpty ? nil : kept
        }
    }

    private func key(name: String) -> String { "name:" + name.lowercased() }
    private func key(address: String) -> String { "address:" + address }
}
