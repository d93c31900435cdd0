import ScalePlanKit

/// `--trials`, `--seed`, `--threads` and `--quiet`, shared by `simulate` (and later `roadmap`).
enum MonteCarloOptions {
    static let options: [OptionSpec] = [
        OptionSpec(
            name: "trials", valueName: "n",
            help: "Run a Monte Carlo of this many trials (1 to 10,000,000) instead of the single deterministic projection."),
        OptionSpec(
            name: "seed", valueName: "s",
            help: "Random seed (an unsigned 64-bit integer); the same seed gives byte-identical output.",
            defaultValue: String(MonteCarlo.defaultSeed)),
        OptionSpec(
            name: "threads", valueName: "n", help: "Worker threads (default: all cores); the output does not depend on it."),
        OptionSpec(
            name: "confidence", valueName: "p",
            help:
                "How sure each safe start date is that the move is ready in time, 0.5 to 0.999 (the 50% date is shown beside it).",
            defaultValue: NumberFormatting.plain(MonteCarlo.defaultConfidence)),
        OptionSpec(name: "quiet", short: "q", help: "No progress bar."),
    ]

    /// Runs the Monte Carlo, with a progress bar on a terminal's standard error unless `--quiet`
    /// (or `TERM=dumb`, which cannot erase the bar's line).
    static func run(
        _ compiled: CompiledProfile, growth: GrowthOptions.Choice, options: MonteCarlo.Options, _ arguments: ParsedArguments,
        _ context: CommandContext
    ) -> MonteCarloResult {
        let runner = MonteCarlo(compiled, growth: growth.monteCarloGrowth)
        let drawable = context.terminal.stderrIsTerminal && context.environment["TERM"] != "dumb"
        let bar = drawable && !arguments.has("quiet") ? ProgressBar(output: context.stderr) : nil
        var progress: (@Sendable (Double) -> Void)?
        if let bar { progress = { fraction in bar.update(fraction) } }
        let result = runner.run(options, start: growth.start, growthSource: growth.source, progress: progress)
        bar?.finish()
        return result
    }

    /// `--seed`, or the default seed.
    static func seed(_ arguments: ParsedArguments, spec: CommandSpec) throws(CLIError) -> UInt64 {
        let seedText = arguments.value("seed", in: spec) ?? String(MonteCarlo.defaultSeed)
        guard let seed = UInt64(seedText) else {
            throw .usage(
                UsageError(
                    "The value '\(UsageError.echo(seedText))' is invalid for '--seed <s>': expected a whole number from 0 to 18446744073709551615.",
                    command: spec))
        }
        return seed
    }

    /// `--threads`, or every core.
    static func threads(_ arguments: ParsedArguments, spec: CommandSpec) throws(CLIError) -> Int {
        guard let threadText = arguments.value("threads", in: spec) else { return System.processorCount }
        guard let value = Int(threadText), (1...256).contains(value) else {
            throw .usage(
                UsageError(
                    "The value '\(UsageError.echo(threadText))' is invalid for '--threads <n>': expected a whole number from 1 to 256.",
                    command: spec))
        }
        return value
    }

    /// The parsed options, or nil when no `--trials` was given.
    static func parse(_ arguments: ParsedArguments, spec: CommandSpec, months: Int) throws(CLIError) -> MonteCarlo.Options? {
        guard let text = arguments.value("trials", in: spec) else {
            for name in ["threads", "confidence"] where arguments.values[name] != nil {
                throw .usage(UsageError("--\(name) needs --trials.", command: spec))
            }
            return nil
        }
        guard let trials = Int(text), (1...10_000_000).contains(trials) else {
            throw .usage(
                UsageError(
                    "The value '\(text)' is invalid for '--trials <n>': expected a whole number from 1 to 10,000,000.",
                    command: spec))
        }
        let seed = try Self.seed(arguments, spec: spec)
        let threads = try Self.threads(arguments, spec: spec)
        let confidenceText = arguments.value("confidence", in: spec) ?? NumberFormatting.plain(MonteCarlo.defaultConfidence)
        guard let confidence = NumberSyntax.decimal(confidenceText), MonteCarlo.confidenceRange.contains(confidence) else {
            throw .usage(
                UsageError(
                    "The value '\(UsageError.echo(confidenceText))' is invalid for '--confidence <p>': expected a number from 0.5 to 0.999, such as 0.9.",
                    command: spec))
        }
        return MonteCarlo.Options(trials: trials, seed: seed, threads: threads, months: months, confidence: confidence)
    }
}

/// A progress bar on stderr for long runs: only on a terminal, never with `--quiet`, and only
/// once a run has lasted half a second. Called from one worker thread while the main thread
/// waits, then finished by the main thread (hence `@unchecked Sendable`).
final class ProgressBar: @unchecked Sendable {
    private let output: TextOutput
    private let start = ContinuousClock.now
    private var shown = false
    private var lastPercent = -1

    init(output: TextOutput) {
        self.output = output
    }

    func update(_ fraction: Double) {
        guard ContinuousClock.now - start > .milliseconds(500) else { return }
        let percent = Int(fraction * 100)
        guard percent != lastPercent else { return }
        lastPercent = percent
        shown = true
        let filled = percent * 30 / 100
        output.write("\r[" + String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled) + "] \(percent)%")
    }

    func finish() {
        if shown { output.write("\r\u{1B}[K") }
    }
}
