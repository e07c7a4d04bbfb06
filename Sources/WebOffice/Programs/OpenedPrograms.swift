import Foundation
import ProgramOffice
import Reports

/// Programs opened and checked, kept while their files do not change: a
/// page shows a program's check without reading its files again for every
/// visitor. A file's size and modification time stand for its bytes.
actor OpenedPrograms {
    struct Entry: Sendable {
        var stamp: [String]
        var opened: Result<OpenedProgram, OfficeError>
        var check: CheckResult?
        /// What `check` says before and after its findings, worded once per change of the files.
        var checkSummary = ""
        var checkVerdict = ""
    }

    private var entries: [String: Entry] = [:]

    func opened(_ program: ShelvedProgram, office: Office) -> Entry {
        let stamp = Self.stamp(program.path)
        if let entry = entries[program.id], entry.stamp == stamp { return entry }
        let opened = Result { () throws(OfficeError) -> OpenedProgram in try office.open(program.path) }
        var entry = Entry(stamp: stamp, opened: opened, check: opened.map { office.check($0) })
        if case .success(let p) = opened, let check = entry.check {
            entry.checkSummary = IntakePage.paragraph(
                CheckReport.summary(p.scenario, path: program.id, choices: check.choices))
            entry.checkVerdict = CheckReport.verdict(blocking: check.findings.filter(\.blocking).count)
        }
        entries[program.id] = entry
        return entry
    }

    /// Size and modification time of the program's file or of each file in its folder.
    static func stamp(_ path: String) -> [String] {
        let fm = FileManager.default
        var paths = [path]
        if let names = try? fm.contentsOfDirectory(atPath: path) {
            paths = names.sorted().map { (path as NSString).appendingPathComponent($0) }
        }
        return stamps(paths)
    }

    /// Size and modification time of each of `paths` that is a regular file.
    static func stamps(_ paths: [String]) -> [String] {
        let fm = FileManager.default
        return paths.compactMap { p in
            guard let a = try? fm.attributesOfItem(atPath: p), (a[.type] as? FileAttributeType) == .typeRegular
            else { return nil }
            let date = (a[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(p)|\(a[.size] ?? 0)|\(date)"
        }
    }
}

extension Result where Success == OpenedProgram {
    fileprivate func map<T>(_ f: (OpenedProgram) -> T) -> T? {
        if case .success(let p) = self { return f(p) }
        return nil
    }
}
