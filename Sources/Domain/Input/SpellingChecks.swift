/// Warnings for input that reads without error but likely says something
/// other than what was meant, each at the cell concerned.
///
/// - **Area words** (fellows' `interests`, labs', mentors' and grants'
///   `areas`): a word used once whose normal form (``ColumnNames/normal(_:)``)
///   equals, or (five letters or more) is one edit from, that of a word used
///   at least twice (one edit, not more: `pediatrics` and `geriatrics` are
///   two areas). Rule 3 matches areas only when spelled alike, so
///   `health equity` beside `health-equity` silently costs a fellow a lab.
/// - **Tracks**: a track whose normal form equals another's, or a track of at
///   most two fellows one edit from a track with more fellows
///   (`Population Health` beside `population-health` falls outside the track
///   limits of the latter).
/// - **Absences** on dates on which no session is held (when sessions.csv is
///   given): they block nothing, so the date is likely mistyped.
extension ScenarioBuilder {
    struct AreaUse {
        var word: String
        var file: String
        var line: Int
        var column: String
    }

    mutating func checkSpellings() {
        checkAreaWords()
        checkTrackNames()
        checkAbsenceDates()
    }

    /// The most used word that `word` may be a misspelling of.
    static func meant(_ word: String, among counts: [String: Int], atLeast: Int) -> String? {
        let n = ColumnNames.normal(word)
        return counts.filter { other, count in
            other != word && count >= atLeast
                && (ColumnNames.normal(other) == n
                    || (n.count >= 5 && Identifier.distance(n, ColumnNames.normal(other)) <= 1))
        }.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    mutating func checkAreaWords() {
        var uses: [AreaUse] = []
        for f in scenario.fellows {
            uses += f.interests.map { AreaUse(word: $0, file: "fellows.csv", line: f.line, column: "interests") }
        }
        for l in scenario.labs {
            uses += l.areas.map { AreaUse(word: $0, file: "labs.csv", line: l.line, column: "areas") }
        }
        for m in scenario.mentors {
            uses += m.areas.map { AreaUse(word: $0, file: "mentors.csv", line: m.line, column: "areas") }
        }
        for g in scenario.funding {
            uses += g.areas.map { AreaUse(word: $0, file: "funding.csv", line: g.line, column: "areas") }
        }
        let counts = Dictionary(uses.map { ($0.word, 1) }, uniquingKeysWith: +)
        for use in uses where counts[use.word] == 1 {
            guard let other = Self.meant(use.word, among: counts, atLeast: 2) else { continue }
            issues.append(
                ScenarioIssue(
                    file: use.file, line: use.line, column: use.column,
                    message:
                        "\"\(use.word)\" appears nowhere else; did you mean \(other) (used \(counts[other]!) times)?",
                    hint: "areas and interests match only when spelled alike (rule 3); correct it, or ignore this "
                        + "if it is a different area",
                    severity: .warning))
        }
    }

    mutating func checkTrackNames() {
        let counts = Dictionary(scenario.fellows.map { ($0.track, 1) }, uniquingKeysWith: +)
        for (track, count) in counts.sorted(by: { $0.key < $1.key }) {
            let same = counts.filter { $0.key != track && ColumnNames.normal($0.key) == ColumnNames.normal(track) }
            let meant = Self.meant(track, among: counts.filter { $0.value >= count || same[$0.key] != nil }, atLeast: 1)
            let limits = scenario.settings.tracks
            // Which spelling was meant: more fellows, then named in scenario.toml, then plain (lower case, no spaces).
            func weight(_ t: String) -> (Int, Int, Int) {
                (counts[t]!, limits[t] != nil ? 1 : 0, t == t.lowercased() && !t.contains(" ") ? 1 : 0)
            }
            guard let meant, count <= 2 || same[meant] != nil,
                weight(track) < weight(meant) || (weight(track) == weight(meant) && track > meant)
            else { continue }
            guard let first = scenario.fellows.first(where: { $0.track == track }) else { continue }
            let outside =
                limits[meant] != nil && limits[track] == nil
                ? "; the limits of [tracks.\(meant)] do not apply to it" : ""
            issues.append(
                ScenarioIssue(
                    file: "fellows.csv", line: first.line, column: "track",
                    message: "track \"\(track)\" (\(count) fellow\(count == 1 ? "" : "s")) is close to \"\(meant)\" "
                        + "(\(counts[meant]!) fellow\(counts[meant]! == 1 ? "" : "s"))\(outside)",
                    hint: "did you mean \(meant)? tracks match only when spelled alike", severity: .warning))
        }
    }

    mutating func checkAbsenceDates() {
        // Only when every session was read: a session left out for a problem would make false warnings.
        guard let sessions = scenario.sessions, !sessions.isEmpty,
            sessions.count == (registered["sessions.csv"]?.count ?? 0)
        else { return }
        let held = Set(sessions.map(\.date))
        // A day of a thesis defense slot is a day an absence matters.
        let defenses = Set((scenario.defenseSlots ?? []).map(\.date))
        let byLine = Dictionary(grouping: scenario.availability.filter { $0.date != nil }, by: \.line)
        // Rows (one per line) whose days hold no session, grouped by those days: one warning per mistake.
        var empty: [[CalendarDate]: [Int]] = [:]
        for (line, rows) in byLine
        where !rows.contains(where: { held.contains($0.date!) || defenses.contains($0.date!) }) {
            empty[rows.map { $0.date! }.sorted(), default: []].append(line)
        }
        for (days, lines) in empty.sorted(by: { $0.value.min()! < $1.value.min()! }) {
            let first = days[0]
            let nearest = held.min {
                (abs(Self.dayNumber($0) - Self.dayNumber(first)), $0) < (
                    abs(Self.dayNumber($1) - Self.dayNumber(first)), $1
                )
            }
            let others =
                lines.count > 1
                ? " (also on line\(lines.count > 2 ? "s" : "") \(lines.sorted().dropFirst().map(String.init).prefix(5).joined(separator: ", "))\(lines.count > 6 ? ", ..." : ""))"
                : ""
            issues.append(
                ScenarioIssue(
                    file: "availability.csv", line: lines.min()!, column: "date",
                    message:
                        "no session is held on \(days.count == 1 ? DateText.long(first) : "any of these \(days.count) days"), "
                        + "so this absence blocks nothing\(others)",
                    hint: "check the date" + (nearest.map { "; the nearest session is on \(DateText.long($0))" } ?? ""),
                    severity: .warning))
        }
    }

    /// Days since 1 January of year 0 (for distances between dates).
    static func dayNumber(_ d: CalendarDate) -> Int {
        let y = d.month <= 2 ? d.year - 1 : d.year, m = d.month <= 2 ? d.month + 12 : d.month
        return 365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + d.day
    }
}
