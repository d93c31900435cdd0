import ScalePlanKit

/// What to offer at the cursor, worked out from the same `CommandSpec`s and option rules as the
/// parser: the shell scripts only pass their words to the hidden `scaleplan __complete` and show
/// what it answers. So an option's value is never taken for the profile, and `diff <profile>`
/// offers that profile's tier ids.
struct CompletionEngine {
    /// One candidate word and what it is.
    struct Candidate: Equatable {
        var word: String
        var description: String
    }

    /// Candidates, and whether the shell should also offer files from the disk.
    struct Answer: Equatable {
        enum Files: Equatable { case none, any, json }
        var candidates: [Candidate] = []
        var files: Files = .none
    }

    let commands: [CommandSpec]
    let root: CommandSpec
    let context: CommandContext

    /// The answer for `words` (the command line, `scaleplan` first) with the cursor on
    /// `words[index]` (the word being typed, possibly empty).
    func answer(words: [String], index: Int) -> Answer {
        guard index >= 1, index < words.count else { return Answer() }
        let current = words[index]
        if index == 1 {
            if current.hasPrefix("-") { return filtered(options(root), current) }
            return filtered(commands.map { Candidate(word: $0.name, description: $0.abstract) }, current)
        }
        guard let spec = commands.first(where: { $0.name == words[1] }) else { return Answer() }
        let state = scan(Array(words[2..<index]), spec: spec)
        if let option = state.pendingOption {
            return value(for: option, prefix: "", current: current, positionals: state.positionals)
        }
        if !state.optionsEnded, current.hasPrefix("--"), let equals = current.firstIndex(of: "=") {
            let name = String(current[current.index(current.startIndex, offsetBy: 2)..<equals])
            guard let option = spec.option(named: name), !option.isFlag else { return Answer() }
            let prefix = String(current[...equals])
            return value(
                for: option, prefix: prefix, current: String(current[current.index(after: equals)...]),
                positionals: state.positionals)
        }
        if !state.optionsEnded && current.hasPrefix("-") { return filtered(options(spec), current) }
        let position = state.positionals.count
        let argument =
            spec.arguments.indices.contains(position)
            ? spec.arguments[position] : spec.arguments.last.flatMap { $0.isRepeating ? $0 : nil }
        guard let argument else { return Answer() }
        return positional(argument.completion, current: current, positionals: state.positionals)
    }

    /// The words before the cursor, read as the parser reads them: which are positionals, and
    /// whether the cursor is on the value of an option.
    func scan(_ words: [String], spec: CommandSpec) -> (positionals: [String], pendingOption: OptionSpec?, optionsEnded: Bool) {
        var positionals: [String] = []
        var pending: OptionSpec?
        var optionsEnded = false
        for word in words {
            if pending != nil {
                pending = nil  // this word is the option's value
                continue
            }
            if optionsEnded || !ArgumentParser.isOptionToken(word) {
                positionals.append(word)
            } else if word == "--" {
                optionsEnded = true
            } else if word.hasPrefix("--") {
                let name = String(word.dropFirst(2).prefix { $0 != "=" })
                if let option = spec.option(named: name), !option.isFlag, !word.contains("=") { pending = option }
            } else {
                // A short cluster: the first value-taking letter takes the rest, or the next word.
                for (position, letter) in word.dropFirst().enumerated() {
                    guard let option = spec.option(short: letter), !option.isFlag else { continue }
                    if position == word.count - 2 { pending = option }
                    break
                }
            }
        }
        return (positionals, pending, optionsEnded)
    }

    func options(_ spec: CommandSpec) -> [Candidate] {
        spec.allOptions.filter { !$0.hiddenFromUsage || $0.name == OptionSpec.help.name }.map {
            Candidate(word: "--\($0.name)", description: $0.fullHelp)
        }
    }

    /// The values of an option; `prefix` (`--format=`) is put back in front of each.
    func value(for option: OptionSpec, prefix: String, current: String, positionals: [String]) -> Answer {
        var answer: Answer
        switch option.completion {
        case .choices(let words): answer = filtered(words.map { Candidate(word: $0, description: "") }, current)
        case .file: answer = Answer(files: .any)
        case .tier: answer = filtered(tiers(positionals.first), current)
        case .scenario: answer = filtered(scenarios(positionals.first), current)
        case .none: answer = Answer()
        }
        answer.candidates = answer.candidates.map { Candidate(word: prefix + $0.word, description: $0.description) }
        return answer
    }

    func positional(_ kind: ArgumentSpec.Completion, current: String, positionals: [String]) -> Answer {
        switch kind {
        case .profile:
            var answer = filtered(profiles(), current)
            answer.files = .json
            return answer
        case .tierOrProfile:
            // `diff <profile> <tier> <tier>` or `diff <old.json> <new.json>`: after a file, a file.
            guard let first = positionals.first, !ProfileLibrary.looksLikePath(first) else { return Answer(files: .json) }
            var answer = filtered(tiers(first, options: true), current)
            answer.files = .json
            return answer
        case .tier: return filtered(tiers(positionals.first, options: true), current)
        case .shell: return filtered(["bash", "zsh", "fish"].map { Candidate(word: $0, description: "") }, current)
        case .command: return filtered(commands.map { Candidate(word: $0.name, description: $0.abstract) }, current)
        case .choices(let words): return filtered(words.map { Candidate(word: $0, description: "") }, current)
        case .file: return Answer(files: .any)
        case .none: return Answer()
        }
    }

    func filtered(_ candidates: [Candidate], _ current: String) -> Answer {
        Answer(candidates: candidates.filter { $0.word.hasPrefix(current) })
    }

    func profiles() -> [Candidate] {
        context.library.ids.map { id in
            Candidate(
                word: id,
                description: context.library.path(of: id).flatMap { try? ProfileLoader.load(path: $0).profile.name } ?? "")
        }
    }

    func load(_ argument: String?) -> Profile? {
        guard let argument else { return nil }
        let path = ProfileLibrary.looksLikePath(argument) ? argument : context.library.path(of: argument)
        return path.flatMap { try? ProfileLoader.load(path: $0).profile }
    }

    /// The profile's tiers; with `options`, each tier's options too (`tier/option`, as `diff`
    /// takes them).
    func tiers(_ profile: String?, options: Bool = false) -> [Candidate] {
        guard let loaded = load(profile) else { return [] }
        let tiers = options ? loaded.layingOutOptions().tiers : loaded.tiers
        return tiers.map { Candidate(word: $0.id, description: $0.name) }
    }

    func scenarios(_ profile: String?) -> [Candidate] {
        load(profile)?.scenarios.map { Candidate(word: $0.id, description: $0.name ?? $0.growth.kind.rawValue) } ?? []
    }
}
