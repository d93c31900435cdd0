/// What one Prometheus `/api/v1/query` response says about a name, in the terms `check` needs:
/// one number, a reason there is none, or Prometheus's own error.
///
/// The response format is Prometheus's HTTP API: `{"status": "success", "data": {"resultType":
/// "vector", "result": [{"metric": {…}, "value": [<time>, "<value>"]}]}}`, a `scalar` result
/// as `[<time>, "<value>"]`, and `{"status": "error", "errorType": …, "error": …}`.
public enum PrometheusAnswer: Sendable, Equatable {
    /// A single finite sample: the observed value.
    case value(Double)
    /// A valid answer that is not one number (no series, several, NaN, a range vector): the
    /// value is then derived from the model, and the reason reported.
    case unusable(String)
    /// Prometheus rejected the query (`bad_data`, `execution`, …).
    case queryError(type: String, message: String)

    /// Reads a response body. Throws, with the reason, when it is not a Prometheus API answer.
    public static func parse(_ bytes: [UInt8]) throws(PrometheusAnswerError) -> PrometheusAnswer {
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw PrometheusAnswerError(message: "the response is not JSON: \(error.message)", location: error.location)
        }
        return try read(root)
    }

    /// Whether `node` looks like an API response (an object with a string `status`), so a saved
    /// response can be told from a name → number object.
    static func isResponse(_ node: JSONNode) -> Bool {
        guard case .object(let members) = node.value else { return false }
        return members.contains { member in
            if member.key == "status", case .string = member.value.value { return true }
            return false
        }
    }

    static func read(_ root: JSONNode) throws(PrometheusAnswerError) -> PrometheusAnswer {
        func fail(_ message: String, _ node: JSONNode) -> PrometheusAnswerError {
            PrometheusAnswerError(message: message, location: node.location)
        }
        guard case .object(let members) = root.value else {
            throw fail("expected a Prometheus API response object, found \(root.value.typeName)", root)
        }
        func member(_ key: String, in members: [JSONMember]) -> JSONNode? { members.first { $0.key == key }?.value }
        func text(_ node: JSONNode?) -> String? {
            if case .string(let text, _)? = node?.value { return text }
            return nil
        }
        guard let status = text(member("status", in: members)) else {
            throw fail("the response has no \"status\" (is this a Prometheus /api/v1/query answer?)", root)
        }
        if status == "error" {
            return .queryError(
                type: text(member("errorType", in: members)) ?? "error",
                message: text(member("error", in: members)) ?? "no message")
        }
        guard status == "success" else { throw fail("unknown status \"\(TextSafety.terminal(status))\"", root) }
        guard let data = member("data", in: members), case .object(let fields) = data.value,
            let type = text(member("resultType", in: fields)), let result = member("result", in: fields)
        else { throw fail("a success without data.resultType and data.result", root) }
        switch type {
        case "scalar":
            return try sample(result)
        case "vector":
            guard case .array(let series) = result.value else { throw fail("data.result of a vector is not an array", result) }
            guard !series.isEmpty else {
                return .unusable("the query returned no series (is the metric exported under this name?)")
            }
            guard series.count == 1 else {
                return .unusable(
                    "the query returned \(series.count) series, not one: aggregate it (sum, max, count) to a single value")
            }
            guard case .object(let fields) = series[0].value, let value = member("value", in: fields) else {
                throw fail("a series without a \"value\"", series[0])
            }
            return try sample(value)
        case "matrix":
            return .unusable(
                "the query returns a range vector; give an instant query (wrap it in rate, increase or max_over_time)")
        case "string":
            return .unusable("the query returns a string, not a number")
        default:
            throw fail("unknown resultType \"\(TextSafety.terminal(type))\"", data)
        }
    }

    /// `[<time>, "<value>"]`: the value, when it is a finite number.
    private static func sample(_ node: JSONNode) throws(PrometheusAnswerError) -> PrometheusAnswer {
        guard case .array(let pair) = node.value, pair.count == 2, case .string(let text, _) = pair[1].value else {
            throw PrometheusAnswerError(message: "a sample is not [time, \"value\"]", location: node.location)
        }
        guard let value = Double(text), value.isFinite, !text.lowercased().hasPrefix("0x") else {
            return .unusable("the value is \(TextSafety.terminal(text)), not a finite number")
        }
        return .value(value)
    }
}

/// A response that is not a Prometheus API answer, with where in it.
public struct PrometheusAnswerError: Error, Sendable, Equatable {
    public var message: String
    public var location: SourceLocation?
}
