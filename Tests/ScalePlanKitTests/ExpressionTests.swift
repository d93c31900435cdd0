import Testing

@testable import ScalePlanKit

/// Evaluates an expression over named values.
private func eval(_ text: String, _ values: [String: Double] = [:]) throws -> Double {
    let names = values.keys.sorted()
    let compiled = try ExpressionCompiler.compile(text, as: .number) { (name, column) throws(ExpressionError) -> Int in
        guard let index = names.firstIndex(of: name) else {
            throw ExpressionError("unknown name '\(name)'", column: column, hint: Suggestions.didYouMean(name, in: names))
        }
        return index
    }
    return compiled.evaluate(names.map { values[$0] ?? 0 })
}

private func condition(_ text: String, _ values: [String: Double] = [:]) throws -> Bool {
    let names = values.keys.sorted()
    let compiled = try ExpressionCompiler.compile(text, as: .boolean) { (name, column) throws(ExpressionError) -> Int in
        guard let index = names.firstIndex(of: name) else { throw ExpressionError("unknown", column: column) }
        return index
    }
    return compiled.evaluate(names.map { values[$0] ?? 0 }) != 0
}

private func failure(_ text: String, as type: ValueType = .number, names: [String] = ["users", "dau_ratio"])
    -> ExpressionError?
{
    do {
        _ = try ExpressionCompiler.compile(text, as: type) { (name, column) throws(ExpressionError) -> Int in
            guard let index = names.firstIndex(of: name) else {
                throw ExpressionError("unknown name '\(name)'", column: column, hint: Suggestions.didYouMean(name, in: names))
            }
            return index
        }
        return nil
    } catch {
        return error
    }
}

@Suite struct ExpressionEvaluationTests {
    @Test(arguments: [
        ("1 + 2 * 3", 7.0),
        ("(1 + 2) * 3", 9),
        ("10 - 4 - 3", 3),  // left-associative
        ("64 / 4 / 2", 8),  // left-associative
        ("2 ^ 3 ^ 2", 512),  // right-associative: 2^(3^2)
        ("(2 ^ 3) ^ 2", 64),
        ("-2 ^ 2", -4),  // ^ binds tighter than unary minus
        ("2 ^ -1", 0.5),
        ("--3", 3),
        ("-3 * -2", 6),
        ("2 * 3 ^ 2", 18),
        ("50_000 * 0.00325", 162.5),
        ("1_0.2_5e1 + .5", 103.0),
        ("2.5E-1", 0.25),
        ("1e3 + 1.5e-1", 1000.15),
        (".5 * 4", 2),
    ])
    func precedenceAndAssociativity(text: String, expected: Double) throws {
        #expect(try eval(text) == expected)
    }

    @Test(arguments: [
        ("min(3, 1, 2)", 1.0), ("max(3, 1, 2)", 3), ("min(7)", 7), ("abs(-4.5)", 4.5),
        ("ceil(1.2)", 2), ("ceil(-1.2)", -1), ("floor(1.8)", 1), ("floor(-1.2)", -2),
        ("round(2.5)", 3), ("round(-2.5)", -3), ("round(2.4)", 2),  // half away from zero
        ("log(exp(2))", 2), ("exp(0)", 1), ("sqrt(16)", 4), ("sin(0)", 0), ("cos(0)", 1),
        ("sin(3.141592653589793 / 2)", 1), ("cos(3.141592653589793)", -1),
        ("clamp(5, 0, 3)", 3), ("clamp(-1, 0, 3)", 0), ("clamp(2, 0, 3)", 2),
        ("if(1 < 2, 10, 20)", 10), ("if(1 > 2, 10, 20)", 20),
    ])
    func everyFunction(text: String, expected: Double) throws {
        let value = try eval(text)
        #expect(Swift.abs(value - expected) < 1e-12, "\(text) = \(value)")
    }

    @Test func namesResolveToValues() throws {
        #expect(try eval("users * dau_ratio", ["users": 1000, "dau_ratio": 0.2]) == 200)
        #expect(try eval("max(0, users - 50000) * 0.00325", ["users": 100_000]) == 162.5)
        #expect(try eval("max(0, users - 50000) * 0.00325", ["users": 10_000]) == 0)
    }

    @Test(arguments: [
        ("1 < 2", true), ("2 <= 2", true), ("3 > 4", false), ("4 >= 4", true), ("1 == 1", true), ("1 != 1", false),
        ("1 < 2 and 2 < 3", true), ("1 < 2 and 3 < 2", false), ("1 > 2 or 2 < 3", true), ("not 1 > 2", true),
        ("not (1 < 2 and 2 < 3)", false), ("1 < 2 or 1 < 2 and 2 < 1", true),  // and binds tighter than or
        ("true", true), ("false or true", true), ("(1 < 2) == true", true),
    ])
    func conditions(text: String, expected: Bool) throws {
        #expect(try condition(text) == expected)
    }

    @Test func dottedNamesAreOneIdentifier() throws {
        #expect(try condition("utilization.db > 0.8", ["utilization.db": 0.9]))
        #expect(try condition("cost.compute >= 500", ["cost.compute": 400]) == false)
    }

    /// IEEE 754: nothing traps; see CompiledExpression's documentation.
    @Test func divisionByZeroOverflowAndNaNDoNotTrap() throws {
        #expect(try eval("1 / 0") == .infinity)
        #expect(try eval("-1 / 0") == -.infinity)
        #expect(try eval("0 / 0").isNaN)
        #expect(try eval("sqrt(-1)").isNaN)
        #expect(try eval("log(0)") == -.infinity)
        #expect(try eval("1e308 * 10") == .infinity)
        #expect(try eval("10 ^ 400") == .infinity)
        #expect(try eval("min(0 / 0, 1)").isNaN)
        #expect(try condition("0 / 0 > 1") == false)
        #expect(try condition("0 / 0 < 1") == false)
    }
}

@Suite struct ExpressionErrorTests {
    @Test(arguments: [
        // (text, expected message fragment, column)
        ("users *", "unexpected end of expression", 8),
        ("users * (dau_ratio + 1", "expected ')'", 23),
        ("users dau_ratio", "unexpected 'dau_ratio'", 7),
        ("users + + 1", "unary '+' is not supported", 9),
        ("users % 2", "unexpected character '%'", 7),
        ("users = 2", "unexpected character '='", 7),
        ("2users", "a number cannot run into a name", 1),
        ("foo(1)", "unknown function 'foo'", 1),
        ("mx(1, 2)", "unknown function 'mx'", 1),
        ("sqrt(1, 2)", "sqrt takes 1 argument, not 2", 1),
        ("clamp(1, 2)", "clamp takes 3 arguments, not 2", 1),
        ("users < 1 < 2", "comparisons cannot be chained", 11),
        ("", "empty expression", 1),
        ("userz * 2", "unknown name 'userz'", 1),
        ("1 + dau_ratoi", "unknown name 'dau_ratoi'", 5),
        (")", "unexpected ')'", 1),
        ("1e999", "out of range", 1),
        // Non-ASCII text: the column counts scalars, not UTF-8 bytes.
        ("users × 2", "unexpected character '\\u{00D7}'", 7),
        ("users * 2 €", "unexpected character '\\u{20AC}'", 11),
        ("é", "unexpected character '\\u{00E9}'", 1),
        ("1_0_e", "a number cannot run into a name: '1_0_e'", 1),
    ])
    func syntaxErrorsPointAtTheColumn(text: String, fragment: String, column: Int) throws {
        let error = try #require(failure(text))
        #expect(error.message.contains(fragment), "\(error.message)")
        #expect(error.column == column, "\(text): column \(error.column)")
    }

    @Test func unknownNamesAndFunctionsSuggest() throws {
        #expect(try #require(failure("userz * 2")).hint == "did you mean 'users'?")
        #expect(try #require(failure("dau_ratoi")).hint == "did you mean 'dau_ratio'?")
        #expect(try #require(failure("mx(1, 2)")).hint == "did you mean 'max'?")
        #expect(try #require(failure("sqr(4)")).hint == "did you mean 'sqrt'?")
    }

    @Test func typesAreChecked() throws {
        #expect(try #require(failure("users > 5")).message == "expected a quantity, but this is a condition")
        #expect(try #require(failure("users * 2", as: .boolean)).message.contains("a trigger needs a condition"))
        #expect(try #require(failure("(users > 1) + 1")).message.contains("needs a quantity"))
        #expect(try #require(failure("users and 1 > 0", as: .boolean)).message.contains("needs a condition"))
        #expect(try #require(failure("if(users, 1, 2)")).message.contains("the condition of if"))
        let mixed = try #require(failure("if(users > 1, 1, users > 2)"))
        #expect(mixed.message.contains("must both be quantities or both conditions"), "\(mixed.message)")
        #expect(
            try #require(failure("users == (users > 1)", as: .boolean)).message.contains("compares a quantity with a condition"))
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let deep = String(repeating: "(", count: 100) + "1" + String(repeating: ")", count: 100)
        #expect(try #require(failure(deep)).message.contains("nested more than"))
        let minus = String(repeating: "-", count: 100) + "1"
        #expect(try #require(failure(minus)).message.contains("nested more than"))
        let power = Array(repeating: "2", count: 100).joined(separator: " ^ ")
        #expect(try #require(failure(power)).message.contains("nested more than"))
        let veryDeep = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        #expect(try #require(failure(veryDeep)).message.contains("expression is too long"))
        // A long flat chain is limited by length, since it builds a tree as deep as it is long.
        let long = Array(repeating: "1", count: 20_000).joined(separator: " + ")
        #expect(try #require(failure(long)).message.contains("expression is too long"))
        let flat = Array(repeating: "1", count: 400).joined(separator: " + ")
        #expect(try eval(flat) == 400)
    }

    @Test func compiledFormIsReusable() throws {
        let compiled = try ExpressionCompiler.compile("users * 2 + 1", as: .number) { (_, _) throws(ExpressionError) in 0 }
        #expect(compiled.evaluate([1]) == 3)
        #expect(compiled.evaluate([10]) == 21)
        #expect(compiled.constantValue == nil)
        let constant = try ExpressionCompiler.compile("2 * 250", as: .number) { (_, c) throws(ExpressionError) -> Int in
            throw ExpressionError("none", column: c)
        }
        #expect(constant.constantValue == 500)
    }
}
