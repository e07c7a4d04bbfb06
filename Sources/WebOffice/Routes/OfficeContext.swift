import Hummingbird

/// What a request carries through the office's routes: the signed-in
/// coordinator's session (set by ``SessionGate``) and the connection's peer
/// (for the login throttle, through ``ClientAddress``).
public struct OfficeContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    var session: OfficeSession?
    /// The connection's peer address, `nil` without a network peer.
    let peer: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peer = source.channel.remoteAddress?.ipAddress
    }

    /// Uploads are read by the upload route itself, with its own limit.
    public var maxUploadSize: Int { 64 << 20 }

    /// The session of a route behind the gate (the gate refused every other request).
    var signedIn: OfficeSession {
        get throws {
            guard let session else { throw HTTPError(.unauthorized) }
            return session
        }
    }
}
