/// A scan of scenario.toml before TOMLKit parses it.
///
/// toml++ (inside TOMLKit) asserts, and so aborts the whole process, on a
/// table header whose name does not start with a key character: `[` then a
/// line end, `[[`, `[[[`, `[#`, `[.]`. This scan finds every such header at
/// the top level (outside strings and multi-line values) and reports it at
/// its line and column, so TOMLKit is only called on text it handles.
///
/// The scan is linear in the text: each scalar is looked at a bounded number
/// of times (a string's opening quote checks at most the next two for a
/// triple quote; the search for a closing triple starts after the opening).
enum TOMLPreScan {
    struct Problem: Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    static func problems(in text: String) -> [Problem] {
        var problems: [Problem] = []
        var depth = 0
        var multiline: String? = nil  // the closing delimiter of an open multi-line string
        for (index, raw) in text.physicalLines().enumerated() {
            let line = Array(raw.unicodeScalars)
            var i = 0
            if let close = multiline {
                guard let end = find(close, in: line, from: 0) else { continue }
                multiline = nil
                i = end + close.count
            } else if depth == 0 {
                while i < line.count, line[i] == " " || line[i] == "\t" { i += 1 }
                if i < line.count, line[i] == "[" {
                    if let p = headerProblem(line, at: i) {
                        problems.append(Problem(line: index + 1, column: p.column, message: p.message))
                    }
                    continue
                }
            }
            scanValue(line, from: i, depth: &depth, multiline: &multiline)
        }
        return problems
    }

    /// Checks the start of a table header `[name]` or `[[name]]` at `start`.
    static func headerProblem(_ line: [Unicode.Scalar], at start: Int) -> (column: Int, message: String)? {
        var i = start + 1
        func skipBlanks() { while i < line.count, line[i] == " " || line[i] == "\t" { i += 1 } }
        skipBlanks()
        if i < line.count, line[i] == "[" {
            i += 1
            skipBlanks()
        }
        guard i < line.count else { return (i + 1, "a table header needs a name after '['") }
        let c = line[i]
        if c == "]" || c == "\"" || c == "'" || isBareKey(c) { return nil }
        return (i + 1, "a table header needs a name after '[', not '\(c == "\r" ? "a line end" : String(c))'")
    }

    static func isBareKey(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "_" || c == "-"
    }

    /// Follows strings, comments and brackets of a value to the line's end.
    static func scanValue(_ line: [Unicode.Scalar], from start: Int, depth: inout Int, multiline: inout String?) {
        var i = start
        while i < line.count {
            let c = line[i]
            if c == "#" { return }
            if c == "\"" || c == "'" {
                let triple = String(repeating: String(c), count: 3)
                if starts(triple, in: line, at: i) {
                    guard let end = find(triple, in: line, from: i + 3) else {
                        multiline = triple
                        return
                    }
                    i = end + 3
                    continue
                }
                i += 1
                while i < line.count, line[i] != c {
                    if c == "\"" && line[i] == "\\" { i += 1 }
                    i += 1
                }
                i += 1
                continue
            }
            if c == "[" || c == "{" { depth += 1 }
            if (c == "]" || c == "}") && depth > 0 { depth -= 1 }
            i += 1
        }
    }

    /// Whether `needle` (a few scalars) starts at `i`: O(|needle|).
    static func starts(_ needle: String, in line: [Unicode.Scalar], at i: Int) -> Bool {
        var k = i
        for n in needle.unicodeScalars {
            guard k < line.count, line[k] == n else { return false }
            k += 1
        }
        return true
    }

    /// The first position at or after `start` where `needle` starts: O(|line| · |needle|), with no allocation.
    static func find(_ needle: String, in line: [Unicode.Scalar], from start: Int) -> Int? {
        var i = max(0, start)
        while i < line.count {
            if starts(needle, in: line, at: i) { return i }
            i += 1
        }
        return nil
    }
}
