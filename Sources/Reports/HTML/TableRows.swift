import Domain
import PlacementSolver

/// The long tables of `report.html` (one row per fellow, lab, mentor or
/// funding source), written directly rather than through the template
/// engine: at 1,000 new fellows, rendering these rows through swift-mustache's
/// dictionary contexts took a fifth of the whole run. The markup is the one
/// the template had; every text is escaped as swift-mustache escapes it.
enum TableRows {
    /// `&`, `<`, `>`, `"` and `'` escaped, as `{{value}}` in a template.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for c in text {
            switch c {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    static func cell(_ text: String, numeric: Bool = false) -> String {
        (numeric ? "<td class=\"num\">" : "<td>") + escape(text) + "</td>"
    }

    static func named(_ name: String, _ id: String) -> String {
        "<td>\(escape(name)) <span class=\"id\">\(escape(id))</span></td>"
    }

    static func meter(_ percent: Int, full: Bool, tag: String) -> String {
        "<td><span class=\"meter\"><span class=\"\(full ? "full" : "")\" style=\"width: \(percent)%\"></span></span>"
            + (full ? "<span class=\"tag full\">\(tag)</span>" : "") + "</td>"
    }

    /// One row per fellow; the public variant leaves out citizenship, external funding and funding.
    static func placements(_ o: PlacementOutcome, _ s: Scenario, _ names: Directory, public isPublic: Bool) -> String {
        let fellows = Dictionary(s.fellows.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var html = ""
        for p in o.placements {
            let f = fellows[p.fellow]
            html +=
                "<tr class=\"fellow-row\"><td><span class=\"fellow-name\">\(escape(names.fellowName(p.fellow)))</span> "
                + "<span class=\"id\">\(escape(p.fellow))</span></td>"
                + cell(f?.track ?? "") + cell(p.status.rawValue) + cell(p.lab.map(names.labName) ?? "")
                + cell(p.mentor.map(names.mentorName) ?? "") + cell(p.rank.map(NumberText.ordinal) ?? "", numeric: true)
            if !isPublic {
                html +=
                    cell(f.map { $0.citizenship.rawValue.split(separator: "_").joined(separator: " ") } ?? "")
                    + cell(
                        f.map { $0.externalFunding > 0 ? MoneyText.dollars($0.externalFunding) : "" } ?? "",
                        numeric: true)
                    + "<td>"
                    + p.funding.map {
                        "<div class=\"share\">\(escape(names.sourceName($0.source))): \(escape(MoneyText.cents($0.cents)))</div>"
                    }.joined()
                    + "</td>"
            }
            html += "</tr>\n"
        }
        return html
    }

    /// One row per lab or mentor: name, where (institution or lab), load against capacity.
    static func loads(_ loads: [Load], name: (String) -> String, place: (String) -> String) -> String {
        var html = ""
        for l in loads {
            let percent = l.capacity > 0 ? min(100, Int((Double(l.total) / Double(l.capacity) * 100).rounded())) : 100
            html +=
                "<tr>" + named(name(l.id), l.id) + cell(place(l.id)) + cell("\(l.continuing)", numeric: true)
                + cell("\(l.new)", numeric: true) + cell("\(l.capacity)", numeric: true)
                + meter(percent, full: l.isFull, tag: "at capacity")
                + "</tr>\n"
        }
        return html
    }

    /// One row per funding source: restrictions, budget, use.
    static func budgets(_ o: PlacementOutcome, _ s: Scenario, _ names: Directory) -> String {
        let median = o.medianNewNeed
        let sources = Dictionary(s.funding.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var html = ""
        for b in o.budgets {
            let source = sources[b.source]
            var restrictions: [String] = []
            switch source?.kind {
            case .trainingGrant: restrictions.append("training grant (federal)")
            case .federal: restrictions.append("federal")
            case .institutional: restrictions.append("institutional")
            case nil: break
            }
            if let slots = source?.slots { restrictions.append("\(slots) slot\(slots == 1 ? "" : "s")") }
            if let lab = source?.lab { restrictions.append("grant of \(names.labName(lab))") }
            if source?.citizensOnly == true { restrictions.append("citizens and permanent residents only") }
            if let areas = source?.areas, !areas.isEmpty {
                restrictions.append("areas: " + areas.joined(separator: ", "))
            }
            let percent =
                b.budget > 0 ? min(100, Int((Double(b.usedCents) / Double(b.budget * 100) * 100).rounded())) : 0
            let binds = b.budget > 0 && b.leftCents < max(1, median) * 100
            html +=
                "<tr>" + named(names.sourceName(b.source), b.source)
                + cell(restrictions.isEmpty ? "any fellow, any lab" : restrictions.joined(separator: "; "))
                + cell(MoneyText.dollars(b.budget), numeric: true) + cell(MoneyText.cents(b.usedCents), numeric: true)
                + cell(MoneyText.cents(b.leftCents), numeric: true) + meter(percent, full: binds, tag: "used up")
                + "</tr>\n"
        }
        return html
    }
}
