import ArgumentParser
import Foundation
import WebOffice

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Coordinator accounts of the program office in a browser (`fellowmatch serve`).",
        subcommands: [UserAddCommand.self, UserListCommand.self])
}

struct UserAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a coordinator (or, with --replace, set a new password and end their sessions).",
        discussion:
            "Asks for the password twice (at least 10 characters); it is kept only as a bcrypt hash in FOLDER/fellowmatch-office.sqlite."
    )

    @Argument(help: "The coordinator's name, as they sign in with it.")
    var name: String

    @Option(name: .long, help: "The folder `fellowmatch serve` serves (default: the current folder).")
    var folder = "."

    @Flag(name: .long, help: "Read the password from one line of standard input (for scripts).")
    var passwordStdin = false

    @Flag(name: .long, help: "Set a new password for an existing coordinator.")
    var replace = false

    func run() throws {
        let password: String
        if passwordStdin {
            password = readLine(strippingNewline: true) ?? ""
        } else {
            let first = Self.ask("Password for \(name): ")
            guard Self.ask("Once more: ") == first else {
                printError("The two passwords differ; nothing was changed.")
                throw ExitCode(2)
            }
            password = first
        }
        let (folder, name, replace) = (folder, name, replace)
        let added = Result { () throws(WebError) in
            try OfficeAccounts(path: OfficeAccounts.path(in: folder)).add(name, password: password, replace: replace)
        }
        if case .failure(let error) = added {
            printError(error.message + "; nothing was changed.")
            throw ExitCode(2)
        }
        print("\(name) can now sign in to `fellowmatch serve \(folder)`.")
    }

    /// A line typed without echo.
    static func ask(_ prompt: String) -> String {
        guard let p = getpass(prompt) else { return "" }
        return String(cString: p)
    }
}

struct UserListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the coordinators.")

    @Option(name: .long, help: "The folder `fellowmatch serve` serves (default: the current folder).")
    var folder = "."

    func run() throws {
        let folder = folder
        switch Result(catching: { () throws(WebError) in
            try OfficeAccounts(path: OfficeAccounts.path(in: folder)).names()
        }) {
        case .success(let names): for name in names { print(name) }
        case .failure(let error):
            printError(error.message)
            throw ExitCode(2)
        }
    }
}
