import Reports
import Testing

/// Calendar file names worked out by hand from the rule in `CalendarFileNames`.
@Suite struct CalendarFileNamesTests {
    @Test func everyNameIsSafeAndNoTwoCollide() {
        let names = CalendarFileNames.names(
            fellows: ["f001", "program", ".", "..", ".hidden", "CON", "lpt1", "F002", "f002", "a/b", "é", "_"],
            mentors: ["m01", "PROGRAM"])
        let fellows = names["fellow"] ?? [:], mentors = names["mentor"] ?? [:]
        #expect(fellows["f001"] == "f001")
        #expect(fellows["program"] == "fellow-program" && mentors["PROGRAM"] == "mentor-PROGRAM")
        #expect(fellows["."] == "_" && fellows["_"] == "fellow-_" && fellows[".."] == "__")
        #expect(fellows[".hidden"] == "_hidden" && fellows["a/b"] == "a_b")
        #expect(fellows["CON"] == "fellow-CON" && fellows["lpt1"] == "fellow-lpt1")
        // "F002" sorts before "f002": the second, the same on a case-insensitive disk, is prefixed.
        #expect(fellows["F002"] == "F002" && fellows["f002"] == "fellow-f002")
        // In id order "_" comes before "é": "_" gets fellow-_ ("." took "_"), and "é" (safe: "_") the next, -2.
        #expect(fellows["é"] == "fellow-_-2")
        let all = Array(fellows.values) + Array(mentors.values)
        #expect(Set(all.map { $0.lowercased() }).count == all.count)
        #expect(!all.contains { $0.hasPrefix(".") || $0.contains("/") || $0.lowercased() == "program" })
    }
}
