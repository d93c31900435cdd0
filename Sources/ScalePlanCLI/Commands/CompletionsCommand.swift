import ScalePlanKit

/// `scaleplan completions bash|zsh|fish`: a completion script, generated from the command specs.
/// Profile ids, tier ids and scenario names are looked up at completion time through the hidden
/// `scaleplan __complete <shell> <index> <word>...` (hidden), which the scripts call.
enum CompletionsCommand: Command {
    static let spec = CommandSpec(
        name: "completions",
        abstract: "Print a shell completion script.",
        discussion:
            "Completes commands, options, option values, bundled profile ids, and the tier ids and scenario names of the profile already typed. Install with: scaleplan completions bash > /etc/bash_completion.d/scaleplan, scaleplan completions zsh > \"${fpath[1]}/_scaleplan\", or scaleplan completions fish > ~/.config/fish/completions/scaleplan.fish (make install does this).",
        arguments: [ArgumentSpec(name: "shell", help: "bash, zsh or fish.", completion: .shell)],
        examples: [
            Example("scaleplan completions bash > ~/.local/share/bash-completion/completions/scaleplan", "Completion for bash."),
            Example("scaleplan completions fish > ~/.config/fish/completions/scaleplan.fish", "Completion for fish."),
        ])

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

    /// The hidden `__complete <shell> <index> <word>...`: the candidates for `word[index]`, one
    /// per line as the shell's script reads them, then `:files` or `:json` when files from the
    /// disk belong among them. Prints nothing (and exits 0) on anything unexpected: a completion
    /// must never print an error into the user's command line.
    static func answer(_ arguments: [String], _ context: CommandContext) -> ExitCode {
        guard arguments.count >= 3, let index = Int(arguments[1]) else { return .success }
        let shell = arguments[0]
        var words = Array(arguments.dropFirst(2)), cursor = index, replaced = ""
        if shell == "bash" { (words, cursor, replaced) = joiningEquals(words, cursor: index) }
        let engine = CompletionEngine(commands: CompletionScripts.commands, root: ScalePlan.rootSpec, context: context)
        let answer = engine.answer(words: words, index: cursor)
        var out = ""
        for candidate in answer.candidates {
            var word = TextSafety.terminal(candidate.word)
            // bash replaces only the part after the `=` (COMP_WORDBREAKS): drop `--opt=`.
            if !replaced.isEmpty, word.hasPrefix(replaced) { word.removeFirst(replaced.count) }
            let description = TextSafety.terminal(candidate.description)
            switch shell {
            case "zsh": out += word.replacingAll(":", with: "\\:") + (description.isEmpty ? "" : ":" + description) + "\n"
            case "fish": out += word + (description.isEmpty ? "" : "\t" + description) + "\n"
            default: out += word + "\n"
            }
        }
        switch answer.files {
        case .none: break
        case .any: out += ":files\n"
        case .json: out += ":json\n"
        }
        context.stdout.write(out)
        return .success
    }

    /// bash splits `--format=json` into `--format`, `=`, `json` (`=` is in COMP_WORDBREAKS):
    /// the words joined back, the cursor's index among them, and — when the cursor is on the
    /// value — the `--format=` prefix that bash will not replace.
    static func joiningEquals(_ words: [String], cursor: Int) -> (words: [String], cursor: Int, prefix: String) {
        var joined: [String] = [], newCursor = cursor, prefix = ""
        var index = 0
        while index < words.count {
            let word = words[index]
            if word == "=", let last = joined.last, last.hasPrefix("--"), !last.contains("=") {
                let option = last + "="
                let hasValue = index + 1 < words.count && index + 1 <= cursor
                joined[joined.count - 1] = option + (hasValue ? words[index + 1] : "")
                if cursor == index || (hasValue && cursor == index + 1) {
                    newCursor = joined.count - 1
                    prefix = option
                } else if cursor > index {
                    newCursor -= hasValue ? 2 : 1
                }
                index += hasValue ? 2 : 1
                continue
            }
            joined.append(word)
            index += 1
        }
        return (joined, newCursor, prefix)
    }
}

/// The three scripts. Each passes the command line to `scaleplan __complete`, which decides
/// (`CompletionEngine`), and shows the answer the shell's way: bash words, zsh words with
/// descriptions (`_describe`), fish words with descriptions; files and folders from the shell's
/// own file completion, so paths complete into folders.
enum CompletionScripts {
    static var commands: [CommandSpec] { ScalePlan.commands.map { $0.spec } }

    static func bash() -> String {
        """
        # bash completion for scaleplan (generated by `scaleplan completions bash`)
        _scaleplan() {
            local cur="${COMP_WORDS[COMP_CWORD]}" line
            # Just after `--option=`, bash's current word is the `=` itself.
            [[ $cur == "=" ]] && cur=""
            local IFS=$'\\n'
            local -a answers
            COMPREPLY=()
            answers=($(scaleplan __complete bash "$COMP_CWORD" "${COMP_WORDS[@]}" 2>/dev/null))
            for line in "${answers[@]}"; do
                case "$line" in
                    :files) COMPREPLY+=($(compgen -f -- "$cur")) ;;
                    :json) COMPREPLY+=($(compgen -d -- "$cur") $(compgen -f -X '!*.json' -- "$cur")) ;;
                    *) COMPREPLY+=("$line") ;;
                esac
            done
        }
        complete -o filenames -F _scaleplan scaleplan

        """
    }

    static func zsh() -> String {
        """
        #compdef scaleplan
        # zsh completion for scaleplan (generated by `scaleplan completions zsh`)
        _scaleplan() {
            local line
            local -a answers candidates
            answers=("${(@f)$(scaleplan __complete zsh $((CURRENT - 1)) "${words[@]}" 2>/dev/null)}")
            for line in "${answers[@]}"; do
                case "$line" in
                    :files) _files ;;
                    :json) _files -g '*.json' ;;
                    '') ;;
                    *) candidates+=("$line") ;;
                esac
            done
            (( ${#candidates} )) && _describe -t values scaleplan candidates
            return 0
        }
        compdef _scaleplan scaleplan

        """
    }

    static func fish() -> String {
        """
        # fish completion for scaleplan (generated by `scaleplan completions fish`)
        function __scaleplan_complete
            set -l tokens (commandline -opc)
            # Quoted, an empty current token is still one (empty) word.
            set -l current (commandline -ct)
            for line in (scaleplan __complete fish (count $tokens) $tokens "$current" 2>/dev/null)
                switch $line
                    case ':files'
                        __fish_complete_path (commandline -ct)
                    case ':json'
                        # fish lists every file, JSON first; keep JSON files and folders.
                        string match -r -- '^[^\\t]*(\\.json|/)(\\t.*)?$' (__fish_complete_suffix (commandline -ct) .json)
                    case '*'
                        echo $line
                end
            end
        end
        complete -c scaleplan -f -a '(__scaleplan_complete)'

        """
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self { if character == target { out += replacement } else { out.append(character) } }
        return out
    }
}
