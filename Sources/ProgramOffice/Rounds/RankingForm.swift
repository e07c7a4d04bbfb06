import Domain

/// A ranking as a form sends it: one value per choice box, best first, an
/// empty box meaning no choice. Valid when no box is skipped before a filled
/// one, nothing is chosen twice, and every value is one the person may rank;
/// certifying needs at least one choice. Every mistake is reported, one
/// problem per mistake, located at its choice.
enum RankingForm {
    static func validate(_ boxes: [String], allowed: Set<String>, certify: Bool) throws(OfficeError) -> [String] {
        var problems: [ScenarioIssue] = []
        func problem(_ position: Int, _ message: String, _ hint: String) {
            problems.append(
                ScenarioIssue(
                    file: "ranking", line: position, column: "choice \(position)", message: message, hint: hint))
        }
        let values = boxes.map { $0.trimmingCharacters(in: .whitespaces) }
        let lastFilled = values.lastIndex { !$0.isEmpty } ?? -1
        var seen: [String: Int] = [:]
        for (i, value) in values.enumerated() where i <= lastFilled {
            let position = i + 1
            if value.isEmpty {
                problem(position, "choice \(position) is empty but a later choice is filled", "rank without gaps")
            } else if !allowed.contains(value) {
                problem(position, "choice \(position) is not one you may rank", "choose from the list")
            } else if let first = seen[value] {
                problem(position, "choice \(position) repeats choice \(first)", "choose each once")
            } else {
                seen[value] = position
            }
        }
        if certify && lastFilled < 0 {
            problem(1, "there is nothing to certify yet", "choose at least one, then certify")
        }
        guard problems.isEmpty else {
            throw OfficeError(
                .badRanking,
                "\(problems.count) problem\(problems.count == 1 ? "" : "s") in the ranking; nothing was saved",
                problems: problems)
        }
        return Array(values.prefix(lastFilled + 1))
    }
}
