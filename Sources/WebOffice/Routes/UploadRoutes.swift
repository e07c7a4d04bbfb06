import Domain
import Foundation
import Hummingbird
import ProgramOffice

/// Replacing a program's files from the browser. The upload is checked as
/// the program it would make (a copy of the folder with the uploaded files
/// in place, read by the scenario reader) before anything is replaced: an
/// upload with a problem changes nothing and shows every problem. Each file
/// replaced is first kept in `.replaced/TIME-N/` beside it, then written
/// atomically (`Office.replaceInputs`). Uploads and closing a preference
/// round take turns per program (``FileTurns``).
struct UploadRoutes {
    let site: ProgramOfficeSite
    static let limit = 50 << 20

    func add(to router: Router<OfficeContext>) {
        router.post("/p/:program/upload") { request, context in
            let session = try context.signedIn
            let p = try IntakeRoutes(site: site).program(context)
            let form = try await FormBody.read(request, limit: Self.limit).checked(session)
            let uploads = form.files.map { (name: ($0.name as NSString).lastPathComponent, data: $0.data) }
            if let refusal = Self.misnamed(uploads.map(\.name), workbook: p.isWorkbook) {
                return refused(p, session, summary: refusal, problems: [])
            }
            // Staged, checked and written in one turn per program (never against files another upload replaces meanwhile).
            let site = self.site
            let refusal: OfficeError? = try await site.fileTurns.exclusive(p.id) {
                let staging = (site.shelf.folder as NSString).appendingPathComponent(
                    ".fellowmatch-uploads/\(UUID().uuidString)")
                defer { try? FileManager.default.removeItem(atPath: staging) }
                let candidate = try Self.stage(p, uploads, in: staging)
                let office = site.office
                do { _ = try await OwnThread.run { () throws(OfficeError) in try office.open(candidate) } } catch let e
                    as OfficeError
                {
                    var shown = e
                    shown.message = e.message.replacingOccurrences(of: candidate, with: p.id)
                    return shown
                }
                let folder = p.isWorkbook ? (p.path as NSString).deletingLastPathComponent : p.path
                try office.replaceInputs(
                    in: folder, uploads.map { (name: p.isWorkbook ? p.id : $0.name, data: $0.data) })
                return nil
            }
            if let e = refusal {
                return refused(
                    p, session, summary: e.message + ". Nothing was replaced; correct the files and upload them again.",
                    problems: e.problems.filter { $0.severity == .error })
            }
            return Response.redirect(to: "/p/\(WebPath.component(p.id))?said=uploaded")
        }
    }

    /// Why the uploaded names cannot be a program's files, if they cannot.
    static func misnamed(_ names: [String], workbook: Bool) -> String? {
        if names.isEmpty { return "No file was chosen." }
        if workbook {
            return names.count == 1 && names[0].lowercased().hasSuffix(".xlsx")
                ? nil : "This program is a workbook: upload one .xlsx file."
        }
        let unknown = names.filter { !ScenarioReader.fileNames.contains($0) }
        if !unknown.isEmpty {
            return "\(unknown.joined(separator: ", ")): not a file of a scenario folder; the names are "
                + ScenarioReader.fileNames.joined(separator: ", ") + "."
        }
        return Set(names).count == names.count ? nil : "The same file was chosen twice."
    }

    /// The program as the upload would make it, in `staging`; returns the path to open.
    static func stage(_ p: ShelvedProgram, _ uploads: [(name: String, data: Data)], in staging: String) throws -> String
    {
        let fm = FileManager.default
        try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
        if p.isWorkbook {
            let path = (staging as NSString).appendingPathComponent(p.id)
            try uploads[0].data.write(to: URL(fileURLWithPath: path))
            return path
        }
        for name in (try? fm.contentsOfDirectory(atPath: p.path)) ?? [] where ScenarioReader.fileNames.contains(name) {
            try fm.copyItem(
                atPath: (p.path as NSString).appendingPathComponent(name),
                toPath: (staging as NSString).appendingPathComponent(name))
        }
        for u in uploads {
            try u.data.write(to: URL(fileURLWithPath: (staging as NSString).appendingPathComponent(u.name)))
        }
        return staging
    }

    private func refused(_ p: ShelvedProgram, _ session: OfficeSession, summary: String, problems: [ScenarioIssue])
        -> Response
    {
        WebPage(
            title: "Upload refused", template: "uploadRefused",
            context: [
                "summary": summary, "problems": problems.map(IntakePage.problemRow), "id": p.id,
                "path": WebPath.component(p.id)
            ], session: session, program: p.id, status: .unprocessableContent
        ).response
    }
}
