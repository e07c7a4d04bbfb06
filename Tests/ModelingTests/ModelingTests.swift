import Modeling
import Testing

@Suite struct LinearExpressionTests {
    @Test func operatorsBuildTheExpectedAffineFunction() {
        var m = Model()
        let x = m.addVariable("x"), y = m.addVariable("y")
        let e = 2 * x + y - 3 * y + 5.0 - x
        let n = e.normalized()
        #expect(n.terms == [Term(1, x), Term(-2, y)])
        #expect(n.constant == 5)
        let expected: Double = 2 * 4 + 1 - 3 + 5 - 4
        #expect(e.value(at: [4, 1]) == expected)
    }

    @Test func sumsOverSequences() {
        var m = Model()
        let xs = (0..<4).map { m.addVariable("x\($0)") }
        #expect(xs.sum().value(at: [1, 2, 3, 4]) == 10)
        let weighted = xs.enumerated().sum { Double($0.offset) * $0.element }
        #expect(weighted.value(at: [1, 1, 1, 1]) == 6)
    }

    @Test func constraintsFoldConstantsIntoBounds() {
        var m = Model()
        let x = m.addVariable("x"), y = m.addVariable("y")
        let c = x + 2 <= y + 7
        #expect(c.lower == nil)
        #expect(c.upper == 5)
        #expect(c.expression.normalized().terms == [Term(1, x), Term(-1, y)])
        let eq = x + y == 3
        #expect(eq.lower == 3 && eq.upper == 3)
        let ge = 2 * x >= 1
        #expect(ge.lower == 1 && ge.upper == nil)
        let r = (1.0...4.0).contains(x + y + 1)
        #expect(r.lower == 0 && r.upper == 3)
    }
}

@Suite struct LPNameTests {
    @Test func readableNamesStayAsTheyAre() {
        #expect(LPName.sanitize("assign(f017,lab03,m12)") == "assign(f017,lab03,m12)")
        #expect(LPName.sanitize("budget(nlm_t15)") == "budget(nlm_t15)")
    }

    @Test func unsafeCharactersAndLeadingDigitsAreRewritten() {
        #expect(LPName.sanitize("a b+c") == "a_b_c")
        #expect(LPName.sanitize("017") == "_017")
        #expect(LPName.sanitize(".x") == "_.x")
        #expect(LPName.sanitize("end") == "_end")
        #expect(LPName.sanitize("Ünïcode") == "_n_code")
        #expect(LPName.sanitize(String(repeating: "a", count: 300)).count == 255)
    }

    @Test func repeatedNamesAreMadeUnique() {
        var m = Model()
        let a = m.addVariable("x"), b = m.addVariable("x"), c = m.addVariable("x~2")
        #expect(m.definition(of: a).name == "x")
        #expect(m.definition(of: b).name == "x~2")
        #expect(m.definition(of: c).name == "x~2~2")
    }
}

@Suite struct ValidationTests {
    @Test func rejectsEveryBadCoefficientAndBoundAtOnce() {
        var m = Model()
        let x = m.addVariable("x", .integer, lower: 0.5, upper: 3)
        let y = m.addVariable("y", .continuous, lower: 5, upper: 1)
        m.add(Double.nan * x + y <= 4, name: "cap")
        m.minimize(Double.infinity * y)
        do {
            try m.validate()
            Issue.record("validation accepted an invalid model")
        } catch {
            let kinds = error.issues.map(\.kind)
            #expect(kinds.contains(.fractionalIntegerBound))
            #expect(kinds.contains(.crossedBounds))
            #expect(kinds.filter { $0 == .nonFiniteCoefficient }.count == 2)
            #expect(error.description.contains("cap: coefficient of x is nan"))
        }
    }

    @Test func acceptsAWellFormedModel() throws {
        var m = Model()
        let x = m.addBinary("x")
        m.add(x <= 1, name: "c")
        m.maximize(x)
        try m.validate()
    }

    @Test func standardFormMergesRepeatedTermsAndDropsZeros() {
        var m = Model()
        let x = m.addVariable("x"), y = m.addVariable("y")
        m.add(x + y + x - y <= 4, name: "c")
        let f = StandardForm(m)
        #expect(f.values == [2])
        #expect(f.columns == [0])
        #expect(f.rowUpper == [4])
    }

    @Test func feasibilityCheckSeesBoundsIntegralityAndRows() {
        var m = Model()
        let x = m.addVariable("x", .integer, lower: 0, upper: 5)
        m.add(x <= 3, name: "c")
        #expect(m.isFeasible([3]))
        #expect(!m.isFeasible([4]))
        #expect(!m.isFeasible([2.5]))
    }
}
