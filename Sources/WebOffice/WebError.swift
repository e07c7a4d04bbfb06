/// Why the web office could not do something, as a value with a code; the
/// sentence is for the coordinator (or, for the server's setup, the terminal).
public struct WebError: Error, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable {
        public let name: String
        init(_ name: String) { self.name = name }

        /// The accounts database cannot be opened, read or written.
        public static let accountsUnavailable = Code("accounts-unavailable")
        /// A coordinator's name or password is not acceptable.
        public static let badAccount = Code("bad-account")
        /// The folder to serve is not a folder.
        public static let noFolder = Code("no-folder")
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
