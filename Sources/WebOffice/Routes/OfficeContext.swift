import Hummingbird

/// What a request carries through the office's routes: the signed-in
/// coordinator's session (set by ``SessionGate``) and the client's address
/// (for the login throttle).
public struct OfficeContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    var session: OfficeSession?
    let address: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        address = source.channel.remoteAddress?.ipAddress ?? "local"
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
