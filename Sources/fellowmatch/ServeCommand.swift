import ArgumentParser
import Foundation
import Hummingbird
import ProgramOffice
import WebOffice

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the program office in a browser: check, run, compare, publish, upload and download.",
        discussion:
            "Serves the scenario folders and workbooks directly in FOLDER to coordinators signed in with an account from `fellowmatch user add`. Stops cleanly on Ctrl-C or SIGTERM (solves under way end with what they have)."
    )

    @Argument(help: "The folder that holds the scenario folders and workbooks (default: the current folder).")
    var folder: String = "."

    @Option(name: .long, help: "The address to listen on. Default 127.0.0.1 (this machine only).")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on (1 to 65535).")
    var port = 8080

    @Flag(name: .long, help: "Mark cookies Secure: the server is behind a TLS reverse proxy.")
    var secureCookies = false

    @Flag(
        name: .long,
        help:
            "Behind a reverse proxy on this machine: count sign-in failures by the client address the proxy appends to X-Forwarded-For."
    )
    var behindProxy = false

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be from 1 to 65535") }
    }

    func run() throws {
        let (folder, secureCookies, behindProxy) = (folder, secureCookies, behindProxy)
        let opened = Result { () throws(WebError) -> (ProgramOfficeSite, Int) in
            let accounts = try OfficeAccounts(path: OfficeAccounts.path(in: folder))
            let site = try ProgramOfficeSite(
                folder: folder, accounts: accounts, secureCookies: secureCookies, behindProxy: behindProxy)
            return (site, try accounts.names().count)
        }
        let site: ProgramOfficeSite
        switch opened {
        case .failure(let error):
            printError(error.message)
            throw ExitCode(2)
        case .success(let (s, coordinators)):
            guard coordinators > 0 else {
                printError(
                    "There is no coordinator account for \(folder) yet, so nobody could sign in. "
                        + "Add one with: fellowmatch user add NAME --folder \(folder)")
                throw ExitCode(2)
            }
            site = s
        }
        if !ProgramOfficeSite.isLoopback(host) && !secureCookies {
            printError(
                "warning: serving on \(host) without TLS: passwords and sessions would cross the network in clear. "
                    + "Put the server behind a reverse proxy that terminates TLS (nginx, Caddy) on this machine, "
                    + "keep --host 127.0.0.1 for the proxy to reach it, and add --secure-cookies.")
        }
        print("FellowMatch program office: http://\(host):\(port)/ serving \(folder). Stop with Ctrl-C.")
        let app = site.application(host: host, port: port)
        let done = DispatchSemaphore(value: 0)
        let failure = ServeFailure()
        Task {
            do { try await app.runService() } catch { failure.set("\(error)") }
            await site.stopSolves()
            done.signal()
        }
        done.wait()
        if let message = failure.message {
            printError("The server stopped: \(message)")
            throw ExitCode(1)
        }
    }
}

/// Why the server stopped, handed from its task to the command.
private final class ServeFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var text: String?
    func set(_ message: String) { lock.withLock { text = message } }
    var message: String? { lock.withLock { text } }
}
