/// How monitoring measures one name of the plan: a Prometheus instant query, from the profile's
/// top-level `observe` (`"businesses": "count(sayar_active_business)"`). `check --prometheus`
/// runs each query as the observed value of its name; `rules` rewrites the triggers over them.
public struct ObserveQuery: Sendable, Equatable {
    /// The plan's name it measures: the driver, a param marked `observed`, a metric, or a
    /// trigger quantity (`cost`, `latency.<queue>`, `utilization.<limit>`).
    public var name: String
    /// The PromQL instant query.
    public var query: String
    /// Written as an example to adapt (the bundled profiles' queries name common exporters'
    /// metrics, not the user's own).
    public var example: Bool
    /// Why this query measures the name, or which exporter it assumes.
    public var note: String?
    public var origin: Origin

    public init(name: String, query: String, example: Bool = false, note: String? = nil, origin: Origin) {
        self.name = name
        self.query = query
        self.example = example
        self.note = note
        self.origin = origin
    }
}

extension JSONReader {
    static let observeKeys = ["query", "example", "note"]

    /// `observe`: name → PromQL, each a string or `{"query": …, "example": true, "note": …}`.
    /// Names are checked against the plan by the compiler.
    mutating func observeList(_ top: Object) -> [ObserveQuery] {
        guard let node = top["observe"], let members = map(node, "$.observe") else { return [] }
        var queries: [ObserveQuery] = []
        for member in members {
            let path = JSONReader.path("$.observe", member.key)
            let origin = Origin(location: member.keyLocation, path: path)
            if case .string(let text, _) = member.value.value {
                guard !text.trimmingWhitespace().isEmpty else {
                    bag.error(
                        "the query for '\(member.key)' is empty", at: member.value.location, path: path,
                        hint: "a PromQL instant query, e.g. \"count(sayar_active_business)\"")
                    continue
                }
                queries.append(ObserveQuery(name: member.key, query: text, origin: origin))
                continue
            }
            guard
                let object = object(
                    member.value, path, allowed: Self.observeKeys, what: "a PromQL query or {\"query\": …, \"note\": …}"),
                let query = string(object, "query", required: true)
            else { continue }
            queries.append(
                ObserveQuery(
                    name: member.key, query: query, example: bool(object, "example") ?? false, note: string(object, "note"),
                    origin: origin))
        }
        return queries
    }
}
