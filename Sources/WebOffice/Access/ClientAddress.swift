import Foundation

/// The address the sign-in throttle counts a request against.
///
/// Served directly, it is the connection's peer. Behind a reverse proxy on
/// the same machine (`serve --behind-proxy`), every connection comes from
/// the proxy, so the client is the **last** address of `X-Forwarded-For`:
/// the one the proxy appended itself (nginx's `$proxy_add_x_forwarded_for`,
/// Caddy's default). Earlier entries are whatever the client claimed and are
/// never trusted. The header is trusted only when the peer is this machine
/// (a loopback address, or no network peer at all); a request reaching the
/// server from anywhere else is counted against its own address.
struct ClientAddress {
    /// The connection's peer, `nil` when there is no network peer.
    let peer: String?
    /// Every `X-Forwarded-For` header's value, in order.
    let forwardedFor: [String]

    func counted(behindProxy: Bool) -> String {
        let direct = peer ?? "local"
        guard behindProxy, peer.map(ProgramOfficeSite.isLoopback) ?? true else { return direct }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return hops.last ?? direct
    }
}
