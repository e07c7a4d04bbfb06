import Domain
import Foundation
import ProgramOffice
import Reports

/// Shows the solver's progress on a terminal (standard error) once a solve
/// has run for a second: incumbent, bound, gap and time on one line.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private var shown = false
    let enabled: Bool

    init() { enabled = isatty(STDERR_FILENO) != 0 }

    func report(_ p: SolveProgress) {
        guard enabled, p.elapsedSeconds >= 1 else { return }
        var text = "  solving: \(NumberText.seconds(p.elapsedSeconds))"
        if let i = p.incumbent { text += "  incumbent \(NumberText.number(i))" } else { text += "  no incumbent yet" }
        if let b = p.bound { text += "  bound \(NumberText.number(b))" }
        if let g = p.gap { text += "  gap \(NumberText.percent(g))" }
        text += "  nodes \(p.nodes)"
        lock.withLock {
            shown = true
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
        }
    }

    /// Clears the line before normal output continues.
    func finish() {
        lock.withLock {
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            shown = false
        }
    }
}
