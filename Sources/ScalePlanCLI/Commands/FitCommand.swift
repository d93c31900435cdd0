import ScalePlanKit

/// `scaleplan fit growth FILE` and `scaleplan fit usl FILE`: fit a model to the user's own
/// data — a monthly history, or a load test.
enum FitCommand: Command {
    static let models = ["growth", "usl"]

    static let spec = CommandSpec(
        name: "fit",
        abstract: "Fit growth curves to a monthly history, or the USL to a load test.",
        discussion:
            "fit growth FILE reads month,value or YYYY-MM,value rows (a header, blank lines and # comments allowed) and fits each of --kinds by nonlinear least squares (Levenberg–Marquardt; exponential, logistic and Gompertz on ln(value), linear on the value): parameters with 80% intervals from the Jacobian's covariance and Student's t, RMSE, R², AICc, the best kind by AICc, a 12-month forecast with its 80% prediction band, and (in JSON) a scenario to paste into a profile; simulate and roadmap take the file itself with --growth-fit. fit usl FILE reads concurrency,throughput[,latency] rows and fits Gunther's Universal Scalability Law X(N) = λN / (1 + σ(N − 1) + κN(N − 1)): σ (contention), κ (coherency), λ (the throughput of one), the peak N* = √((1 − σ)/κ) and X(N*), which term limits, and each point's residual; --emit-limit prints the fit as a capacity limit for a tier. Data that cannot be fitted (too few points, values ≤ 0, months out of order, no convergence, a parameter at its bound or not identifiable) is an error (65) with the line or the reason; a fit that converges but follows the data poorly says so beside its numbers.",
        arguments: [
            ArgumentSpec(name: "model", help: "What to fit: growth or usl.", completion: .choices(models)),
            ArgumentSpec(
                name: "file", help: "The data: a CSV file, or '-' for standard input.", completion: .file),
        ],
        options: [
            OptionSpec(
                name: "kinds", valueName: "kinds",
                help: "fit growth: the curves to fit, comma-separated.",
                defaultValue: GrowthFit.fittableKinds.map(\.rawValue).joined(separator: ",")),
            OptionSpec(
                name: "method", valueName: "method",
                help:
                    "fit usl: nls fits σ, κ and λ by least squares on the throughputs (as R's usl ≥ 2.0 and codahale/usl); gcap is Guerrilla Capacity Planning's regression with λ fixed at the measured X(1) (as R's usl 1.x).",
                defaultValue: "nls", choices: USLFit.Method.allCases.map(\.rawValue)),
            OptionSpec(
                name: "emit-limit", valueName: "name",
                help: "fit usl: also print a capacity limit NAME whose value is the fitted throughput of --units units."),
            OptionSpec(
                name: "units", valueName: "param",
                help: "fit usl: the param of the tier counting the units (servers, workers) in the emitted limit.",
                defaultValue: "nodes"),
            .format(GrowthFitReport.formatNames),
            OutputWriter.option,
        ] + ColorChoice.options,
        examples: [
            Example("scaleplan fit growth signups.csv", "Which curve the sign-ups follow, and the next 12 months."),
            Example(
                "scaleplan fit usl loadtest.csv --emit-limit peak_rps", "Scalability from a load test, as a tier's limit."),
            Example(
                "scaleplan fit growth signups.csv --format json | jq .scenario", "The fitted scenario, to paste into a profile."),
        ])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws(CLIError) -> ExitCode {
        let model = arguments.positionals[0]
        guard models.contains(model) else {
            throw .usage(
                UsageError(
                    "Unknown model '\(UsageError.echo(model))'."
                        + (Suggestions.closest(to: model, in: models).map { " Did you mean '\($0)'?" } ?? "")
                        + " Fit growth (a monthly history) or usl (a load test).", command: spec))
        }
        let onlyFor = model == "growth" ? ["method", "emit-limit", "units"] : ["kinds"]
        if let misplaced = onlyFor.first(where: { arguments.values[$0] != nil }) {
            throw .usage(
                UsageError("--\(misplaced) is for fit \(model == "growth" ? "usl" : "growth"), not fit \(model).", command: spec))
        }
        let format = FitFormat(rawValue: arguments.value("format", in: spec) ?? "table") ?? .table
        let rendered: String
        if model == "growth" {
            let kinds = try parseKinds(arguments.value("kinds", in: spec))
            let result = try GrowthOptions.fitHistory(
                arguments.positionals[1], kinds: kinds, what: "the history", spec: spec, context: context)
            rendered = GrowthFitReport.render(result, format: format, layout: context.layout)
        } else {
            let input = try context.inputs.read(
                arguments.positionals[1], limit: 64 * 1024 * 1024, what: "the load test", for: spec)
            let method = USLFit.Method(rawValue: arguments.value("method", in: spec) ?? "nls") ?? .nls
            let test: LoadTest
            switch LoadTest.read(input.bytes) {
            case .success(let read): test = read
            case .failure(let errors):
                throw .invalidProfile(
                    path: input.name, diagnostics: errors.diagnostics, text: String(decoding: input.bytes, as: UTF8.self))
            }
            var limit: USLFitReport.LimitRequest?
            if let name = arguments.value("emit-limit", in: spec) {
                let units = arguments.value("units", in: spec) ?? "nodes"
                for (option, value) in [("emit-limit <name>", name), ("units <param>", units)] {
                    if let problem = USLFitReport.LimitRequest.problem(with: value) {
                        throw .usage(
                            UsageError(
                                "The value '\(UsageError.echo(value))' is invalid for '--\(option)': \(problem).", command: spec))
                    }
                }
                limit = USLFitReport.LimitRequest(name: name, units: units)
            }
            do {
                let fit = try USLFit.fit(test, method: method, source: input.name)
                rendered = USLFitReport.render(USLFitReport.Subject(fit, limit: limit), format: format, layout: context.layout)
            } catch {
                throw .data("\(input.name): \(error.message)")
            }
        }
        try OutputWriter.write(rendered, arguments, spec: spec, context: context)
        return .success
    }

    /// `--kinds exponential,logistic`: known fittable kinds, each once.
    static func parseKinds(_ text: String?) throws(CLIError) -> [GrowthKind] {
        guard let text else { return GrowthFit.fittableKinds }
        let names = GrowthFit.fittableKinds.map(\.rawValue)
        var kinds: [GrowthKind] = []
        for name in text.split(separator: ",", omittingEmptySubsequences: false).map({ String($0.filter { $0 != " " }) }) {
            guard let kind = GrowthKind(rawValue: name), GrowthFit.fittableKinds.contains(kind) else {
                throw .usage(
                    UsageError(
                        "The value '\(UsageError.echo(text))' is invalid for '--kinds <kinds>': '\(UsageError.echo(name))' is not a kind a history can be fitted to."
                            + (Suggestions.closest(to: name, in: names).map { " Did you mean '\($0)'?" } ?? "")
                            + " Kinds: \(names.joined(separator: ", ")).", command: spec))
            }
            if !kinds.contains(kind) { kinds.append(kind) }
        }
        return kinds
    }
}
