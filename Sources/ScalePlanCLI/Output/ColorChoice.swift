import ScalePlanKit

/// When output is coloured: `--color auto|always|never`, with `--no-color` for never. In `auto`
/// (the default) only a terminal gets colour, and never when `NO_COLOR` is set to anything but
/// the empty string (no-color.org) or `TERM` is `dumb`. An explicit `--color always` wins over
/// both, as no-color.org asks of command-line flags.
enum ColorChoice: String, CaseIterable, Sendable {
    case auto, always, never

    static let option = OptionSpec(
        name: "color", valueName: "when",
        help: "Colour: on a terminal (auto, unless NO_COLOR is set or TERM=dumb), always, or never.",
        defaultValue: ColorChoice.auto.rawValue, choices: allCases.map(\.rawValue))
    static let noColorOption = OptionSpec(name: "no-color", help: "The same as --color never.", hiddenFromUsage: true)

    /// Both options, for a command that prints.
    static let options = [option, noColorOption]

    /// The choice on a parsed command line; `auto` when the command takes neither option.
    init(_ arguments: ParsedArguments, spec: CommandSpec) {
        if arguments.has(Self.noColorOption.name) {
            self = .never
        } else {
            self = arguments.value(Self.option.name, in: spec).flatMap(ColorChoice.init(rawValue:)) ?? .auto
        }
    }

    /// Whether output to a stream that is (or is not) a terminal gets colour.
    func enabled(isTerminal: Bool, environment: [String: String]) -> Bool {
        switch self {
        case .always: true
        case .never: false
        case .auto: isTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        }
    }
}
