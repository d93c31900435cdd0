import ScalePlanKit

/// `scaleplan diff <profile> <tierA> <tierB>` and `scaleplan diff <old.json> <new.json>`.
enum DiffCommand: Command {
    static let spec = CommandSpec(
        name: "diff",
        abstract: "Compare two tiers of a plan, or two versions of a plan.",
        discussion:
            "With a profile and two tier ids: cost items added, removed and changed with monthly low/high deltas, limits before → after, SLO changes, and how far each tier carries the load, like a cost diff in a pull request. Costs are evaluated at --at, else the second tier's minimum. With two profile files: what changed (params, metrics, tiers, limits, costs, triggers, scenarios) and what it does to the projection along the new version's default scenario: cost at the horizon, the first month of each trigger, plan gaps appearing or disappearing. --fail-on-increase exits 1 when the projected monthly cost at the horizon rises by more than AMOUNT or PCT%.",
        arguments: [
            ArgumentSpec(
                name: "profile-or-old", help: "A profile (bundled id or path), or the old version of a plan.",
                completion: .profile),
            ArgumentSpec(
                name: "tier-a-or-new",
                help: "A tier id of that profile (a tier's option: tier/option), or the new version of the plan.",
                completion: .tierOrProfile),
            ArgumentSpec(name: "tier-b", help: "The tier to compare with (tier mode).", isOptional: true, completion: .tier),
        ],
        options: [
            ParamOverrideOption.option,
            OptionSpec(name: "at", valueName: "n", help: "Driver value to evaluate usage-priced costs at (tier mode)."),
            OptionSpec(
                name: "fail-on-increase", valueName: "amount",
                help:
                    "Exit 1 if the projected monthly cost at the horizon rises by more than this amount (e.g. 500) or percentage (e.g. 10%) (plan mode)."
            ),
            .format(TierDiffReport.formatNames),
            OutputWriter.option,
        ] + ColorChoice.options,
        examples: [
            Example("scaleplan diff sayar starter growth", "What moving from the starter tier to growth adds and removes."),
            Example(
                "scaleplan diff main/plan.json plan.json --fail-on-increase 10% --format markdown",
                "In a pull request: the plan change and its projected effect, exit 1 if the cost rises by more than 10%."),
        ])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws(CLIError) -> ExitCode {
        let format = ListFormat(rawValue: arguments.value("format", in: spec) ?? "table") ?? .table
        let positionals = arguments.positionals
        if positionals.count == 3 {
            if arguments.value("fail-on-increase", in: spec) != nil {
                throw .usage(
                    UsageError(
                        "--fail-on-increase applies to a plan diff (two profile files), not to a diff of two tiers.",
                        command: spec))
            }
            let loaded = try context.loadProfile(positionals[0], for: spec, arguments: arguments)
            // A tier's options are named `tier/option`, as `optimize` lays them out.
            let laidOut = loaded.compiled.layingOutOptions()
            let from = try context.tierIndex(positionals[1], in: laidOut.profile, for: spec)
            let to = try context.tierIndex(positionals[2], in: laidOut.profile, for: spec)
            var at: Double?
            if let text = arguments.value("at", in: spec) {
                guard let value = NumberSyntax.decimal(text), value >= 0 else {
                    throw .usage(
                        UsageError(
                            "The value '\(UsageError.echo(text))' is invalid for '--at <n>': expected a number ≥ 0.",
                            command: spec))
                }
                at = value
            }
            let diff = TierDiff(laidOut, from: from, to: to, at: at)
            try OutputWriter.write(
                TierDiffReport.render(diff, format: format, layout: context.layout), arguments, spec: spec, context: context)
            return .success
        }
        if arguments.value("at", in: spec) != nil {
            throw .usage(
                UsageError(
                    "--at applies to a diff of two tiers (a profile and two tier ids); a plan diff follows the new version's default scenario.",
                    command: spec))
        }
        var limit: CostIncreaseLimit?
        if let text = arguments.value("fail-on-increase", in: spec) {
            guard let parsed = CostIncreaseLimit(text) else {
                throw .usage(
                    UsageError(
                        "The value '\(UsageError.echo(text))' is invalid for '--fail-on-increase <amount>': expected an amount or a percentage of at least 0, such as 500 or 10%.",
                        command: spec))
            }
            limit = parsed
        }
        // `--set` applies to each version that has the param; a name neither has is an error.
        var old = try context.loadProfile(positionals[0], for: spec)
        if old.profile.tiers.contains(where: { $0.id == positionals[1] }) && FileIO.identity(of: positionals[1]) == nil {
            throw .usage(
                UsageError(
                    "Missing expected argument '<tier-b>': '\(UsageError.echo(positionals[1]))' is a tier of '\(old.profile.id)'; a tier diff takes two tier ids.",
                    command: spec))
        }
        var new = try context.loadProfile(positionals[1], for: spec)
        let overrides = try ParamOverrideOption.overrides(arguments, spec: spec)
        for override in overrides {
            let problems = [old, new].map { $0.compiled.problems(with: [override]) }
            if let problem = problems.first(where: { !$0.isEmpty })?.first, !problems.contains(where: \.isEmpty) {
                throw .usage(UsageError("Invalid '--set <name=value>': \(problem) (nor of the other version).", command: spec))
            }
        }
        old.compiled = old.compiled.withParams(overrides.filter { old.compiled.problems(with: [$0]).isEmpty })
        new.compiled = new.compiled.withParams(overrides.filter { new.compiled.problems(with: [$0]).isEmpty })
        let subject = PlanDiffReport.Subject(diff: PlanDiff(old: old.compiled, new: new.compiled), limit: limit)
        try OutputWriter.write(
            PlanDiffReport.render(subject, format: format, layout: context.layout), arguments, spec: spec, context: context)
        guard let reason = subject.failureReason else { return .success }
        ScalePlan.reportFailure("diff failed (--fail-on-increase): \(reason)", context)
        return .failure
    }
}
