import ScalePlanKit

/// `scaleplan completions bash|zsh|fish`: a completion script, generated from the command specs.
/// Profile ids, tier ids and scenario names are looked up at completion time through the hidden
/// `scaleplan __complete profiles|tiers <profile>|scenarios <profile>`.
enum CompletionsCommand: Command {
    static let spec = CommandSpec(
        name: "completions",
        abstract: "Print a shell completion script.",
        discussion:
            "Completes commands, options, option values, bundled profile ids, and the tier ids and scenario names of the profile already typed. Install with: scaleplan completions bash > /etc/bash_completion.d/scaleplan, scaleplan completions zsh > \"${fpath[1]}/_scaleplan\", or scaleplan completions fish > ~/.config/fish/completions/scaleplan.fish (make install does this).",
        arguments: [ArgumentSpec(name: "shell", help: "bash, zsh or fish.")])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws(CLIError) -> ExitCode {
        let shell = arguments.positionals[0]
        let script: String
        switch shell {
        case "bash": script = CompletionScripts.bash()
        case "zsh": script = CompletionScripts.zsh()
        case "fish": script = CompletionScripts.fish()
        default:
            let suggestion = Suggestions.closest(to: shell, in: ["bash", "zsh", "fish"])
            throw .usage(
                UsageError(
                    "Unknown shell '\(shell)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? "")
                        + " Choose from: bash, zsh, fish.", command: spec))
        }
        context.stdout.write(script)
        return .success
    }

    /// The hidden `__complete` answers: one candidate per line, nothing (and status 0) on any problem.
    static func answer(_ arguments: [String], _ context: CommandContext) -> ExitCode {
        guard let kind = arguments.first else { return .success }
        if kind == "profiles" {
            for id in context.library.ids { context.stdout.write(id + "\n") }
            return .success
        }
        guard arguments.count > 1 else { return .success }
        let argument = arguments[1]
        let path = ProfileLibrary.looksLikePath(argument) ? argument : context.library.path(of: argument)
        guard let path, let loaded = try? ProfileLoader.load(path: path) else { return .success }
        let names: [String] =
            switch kind {
            case "tiers": loaded.profile.tiers.map(\.id)
            case "scenarios": loaded.profile.scenarios.map(\.id)
            default: []
            }
        for name in names { context.stdout.write(name + "\n") }
        return .success
    }
}

/// The three scripts, written from the same `CommandSpec`s as the help text.
enum CompletionScripts {
    static var commands: [CommandSpec] { ScalePlan.commands.map { $0.spec } }

    static func optionWords(_ spec: CommandSpec) -> [String] {
        spec.allOptions.flatMap { option in ["--\(option.name)"] + (option.short.map { ["-\($0)"] } ?? []) }
    }

    /// How one shell says each completion action (bash and zsh share the script's shape).
    struct Dialect: Sendable {
        var words: @Sendable (_ words: String) -> String
        var files: String
        var jsonFiles: String
        var dynamic: @Sendable (_ kind: String, _ argument: String) -> String
        var nothing: String
    }

    static let bashDialect = Dialect(
        words: { "COMPREPLY=($(compgen -W \"\($0)\" -- \"$cur\"))" },
        files: "COMPREPLY=($(compgen -f -- \"$cur\"))",
        jsonFiles:
            "COMPREPLY=($(compgen -W \"$(scaleplan __complete profiles 2>/dev/null)\" -- \"$cur\") $(compgen -f -X '!*.json' -- \"$cur\"))",
        dynamic: { "COMPREPLY=($(compgen -W \"$(scaleplan __complete \($0) \($1) 2>/dev/null)\" -- \"$cur\"))" },
        nothing: "COMPREPLY=()")

    static let zshDialect = Dialect(
        words: { "compadd -- \($0)" },
        files: "_files",
        jsonFiles: "compadd -- ${(f)\"$(scaleplan __complete profiles 2>/dev/null)\"}; _files -g '*.json'",
        dynamic: { "compadd -- ${(f)\"$(scaleplan __complete \($0) \($1) 2>/dev/null)\"}" },
        nothing: ":")

    /// The per-command `case` arms: option values after `$prev`, options after `-`, else the
    /// positional argument.
    static func cases(_ dialect: Dialect) -> String {
        var cases = ""
        for spec in commands {
            var valueCases = ""
            for option in spec.options where !option.isFlag {
                let names = (["--\(option.name)"] + (option.short.map { ["-\($0)"] } ?? [])).joined(separator: "|")
                let action: String =
                    switch option.completion {
                    case .choices(let words): dialect.words(words.joined(separator: " "))
                    case .file: dialect.files
                    case .tier: dialect.dynamic("tiers", "\"$profile\"")
                    case .scenario: dialect.dynamic("scenarios", "\"$profile\"")
                    case .none: dialect.nothing
                    }
                valueCases += "                \(names)) \(action); return ;;\n"
            }
            let positional: String =
                switch spec.arguments.first?.name {
                case "profile", "file", "profile-or-old": dialect.jsonFiles
                case "shell": dialect.words("bash zsh fish")
                case "command": dialect.words(commands.map(\.name).joined(separator: " "))
                default: dialect.nothing
                }
            cases += """
                    \(spec.name))
                        case "$prev" in
                \(valueCases)            esac
                        if [[ "$cur" == -* ]]; then
                            \(dialect.words(optionWords(spec).joined(separator: " ")))
                        else
                            \(positional)
                        fi
                        ;;

                """
        }
        return cases
    }

    static func bash() -> String {
        """
        # bash completion for scaleplan (generated by `scaleplan completions bash`)
        _scaleplan() {
            local cur prev command profile word
            cur="${COMP_WORDS[COMP_CWORD]}"
            prev="${COMP_WORDS[COMP_CWORD-1]}"
            if [[ $COMP_CWORD -eq 1 ]]; then
                COMPREPLY=($(compgen -W "\(commands.map(\.name).joined(separator: " ")) --help --version" -- "$cur"))
                return
            fi
            command="${COMP_WORDS[1]}"
            profile=""
            for word in "${COMP_WORDS[@]:2:COMP_CWORD-2}"; do
                if [[ "$word" != -* && -z "$profile" ]]; then profile="$word"; fi
            done
            case "$command" in
        \(cases(bashDialect))    esac
        }
        complete -o filenames -F _scaleplan scaleplan

        """
    }

    static func zsh() -> String {
        """
        #compdef scaleplan
        # zsh completion for scaleplan (generated by `scaleplan completions zsh`)
        _scaleplan() {
            local cur="${words[CURRENT]}" prev="${words[CURRENT-1]}" profile="" word
            if (( CURRENT == 2 )); then
                compadd -- \(commands.map(\.name).joined(separator: " ")) --help --version
                return
            fi
            for word in "${(@)words[3,CURRENT-1]}"; do
                if [[ "$word" != -* && -z "$profile" ]]; then profile="$word"; fi
            done
            case "${words[2]}" in
        \(cases(zshDialect))    esac
        }
        compdef _scaleplan scaleplan

        """
    }

    static func fish() -> String {
        var lines = [
            "# fish completion for scaleplan (generated by `scaleplan completions fish`)",
            "function __scaleplan_profile",
            "    set -l tokens (commandline -opc)",
            "    for token in $tokens[3..-1]",
            "        if not string match -q -- '-*' $token",
            "            echo $token",
            "            return",
            "        end",
            "    end",
            "end",
            "complete -c scaleplan -f",
            "complete -c scaleplan -n __fish_use_subcommand -l help -s h -d 'Show help information'",
            "complete -c scaleplan -n __fish_use_subcommand -l version -d 'Show the version'",
        ]
        func quote(_ text: String) -> String { "'" + text.replacingAll("'", with: "\\'") + "'" }
        for spec in commands {
            lines.append("complete -c scaleplan -n __fish_use_subcommand -a \(spec.name) -d \(quote(spec.abstract))")
            let condition = "'__fish_seen_subcommand_from \(spec.name)'"
            for option in spec.allOptions {
                var line = "complete -c scaleplan -n \(condition) -l \(option.name)"
                if let short = option.short { line += " -s \(short)" }
                switch option.completion {
                case .choices(let words): line += " -x -a \(quote(words.joined(separator: " ")))"
                case .file: line += " -r -F"
                case .tier: line += " -x -a '(scaleplan __complete tiers (__scaleplan_profile) 2>/dev/null)'"
                case .scenario: line += " -x -a '(scaleplan __complete scenarios (__scaleplan_profile) 2>/dev/null)'"
                case .none: if !option.isFlag { line += " -x" }
                }
                lines.append(line + " -d \(quote(option.help.split(separator: ".").first.map(String.init) ?? option.help))")
            }
            switch spec.arguments.first?.name {
            case "profile", "file", "profile-or-old":
                lines.append("complete -c scaleplan -n \(condition) -a '(scaleplan __complete profiles 2>/dev/null)' -F")
            case "shell": lines.append("complete -c scaleplan -n \(condition) -a 'bash zsh fish'")
            case "command":
                lines.append("complete -c scaleplan -n \(condition) -a \(quote(commands.map(\.name).joined(separator: " ")))")
            default: break
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self { if character == target { out += replacement } else { out.append(character) } }
        return out
    }
}
