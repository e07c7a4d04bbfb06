import Foundation

/// `xl/workbook.xml` with its relationships: the sheets in tab order with
/// the parts that hold them, and the date system.
struct WorkbookSheets {
    struct Sheet {
        var name: String
        var part: String
    }

    var sheets: [Sheet] = []
    var date1904 = false

    static func read(_ package: WorkbookPackage) throws(WorkbookError) -> WorkbookSheets {
        guard let workbook = try package.part("xl/workbook.xml") else {
            throw WorkbookError(
                package.name, "is not an Excel workbook: it has no xl/workbook.xml", hint: "save it as .xlsx")
        }
        let targets = relationships(try package.part("xl/_rels/workbook.xml.rels"))
        var result = WorkbookSheets()
        var named: [(String, String)] = []
        let ok = XMLElements.walk(
            workbook,
            start: { name, a in
                if name == "workbookPr", let d = a["date1904"] { result.date1904 = d == "1" || d == "true" }
                if name == "sheet", let sheetName = a["name"], let id = a["id"] { named.append((sheetName, id)) }
            }, end: { _, _ in })
        guard ok else { throw WorkbookError(package.name, "its xl/workbook.xml is not well-formed") }
        result.sheets = named.compactMap { name, id in targets[id].map { Sheet(name: name, part: $0) } }
        return result
    }

    /// Relationship id → part path (targets relative to `xl/`, or absolute).
    static func relationships(_ data: Data?) -> [String: String] {
        guard let data else { return [:] }
        var targets: [String: String] = [:]
        _ = XMLElements.walk(
            data,
            start: { name, a in
                guard name == "Relationship", let id = a["Id"], let target = a["Target"] else { return }
                targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            }, end: { _, _ in })
        return targets
    }
}
