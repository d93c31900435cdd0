/// Observed values as `check` takes them, from any source — a file of numbers, saved Prometheus
/// responses, a live Prometheus — with the names a source was asked for but gave no usable value
/// for (derived from the model instead, and the reason said).
public struct ObservedInput: Sendable {
    public var observations: [ObservedCheck.Observation]
    public var unobserved: [Unobserved]

    /// A name monitoring was asked for that has no value: why, and the query when there is one.
    public struct Unobserved: Sendable, Equatable {
        public var name: String
        public var reason: String
        public var query: String?
    }

    public init(observations: [ObservedCheck.Observation], unobserved: [Unobserved] = []) {
        self.observations = observations
        self.unobserved = unobserved
    }

    /// A query Prometheus rejected: for the name, the query and Prometheus's message.
    public struct Rejected: Error, Sendable {
        public var name: String
        public var query: String
        public var type: String
        public var message: String
    }

    /// The values of live readings: a single number is observed, anything else unobserved.
    /// - Throws: `Rejected` for the first query Prometheus rejected.
    public init(readings: [PrometheusSource.Reading]) throws(Rejected) {
        self.init(observations: [])
        for reading in readings {
            let name = reading.query.name
            switch reading.answer {
            case .value(let value):
                observations.append(ObservedCheck.Observation(name: name, value: value, path: JSONReader.path("$.observe", name)))
            case .unusable(let reason):
                unobserved.append(Unobserved(name: name, reason: reason, query: reading.query.query))
            case .queryError(let type, let message):
                throw Rejected(name: name, query: reading.query.query, type: type, message: message)
            }
        }
    }

    /// Reads `--observed`: a JSON object of name → number or CSV rows (`ObservedCheck.parse`);
    /// a saved `/api/v1/query` response, which is the value of the driver (`driver`), the one
    /// name a check cannot do without; or an object of name → saved response (numbers may sit
    /// beside them). A response that is not one number leaves its name unobserved.
    public static func read(_ bytes: [UInt8], driver: String) -> Swift.Result<ObservedInput, GrowthInput.CSVErrors> {
        let first = bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        guard first == UInt8(ascii: "{"), CSVRows.encodingProblem(bytes) == nil, let root = try? JSONParser.parse(bytes),
            case .object(let members) = root.value,
            PrometheusAnswer.isResponse(root) || members.contains(where: { PrometheusAnswer.isResponse($0.value) })
        else { return ObservedCheck.parse(bytes).map { ObservedInput(observations: $0) } }
        var input = ObservedInput(observations: [])
        var bag = DiagnosticBag()
        func take(_ name: String, _ node: JSONNode, path: String) {
            do {
                switch try PrometheusAnswer.read(node) {
                case .value(let value):
                    input.observations.append(
                        ObservedCheck.Observation(name: name, value: value, location: node.location, path: path))
                case .unusable(let reason):
                    input.unobserved.append(Unobserved(name: name, reason: reason, query: nil))
                case .queryError(let type, let message):
                    bag.error(
                        "the saved response for '\(name)' is Prometheus's error: \(type): \(TextSafety.terminal(message))",
                        at: node.location, path: path, hint: "fix the query and save its answer again")
                }
            } catch {
                bag.error(error.message, at: error.location ?? node.location, path: path)
            }
        }
        if PrometheusAnswer.isResponse(root) {
            take(driver, root, path: "$")
        } else {
            for member in members where !member.key.hasPrefix("$") {
                let path = JSONReader.path("$", member.key)
                if case .number(let value) = member.value.value {
                    input.observations.append(
                        ObservedCheck.Observation(name: member.key, value: value, location: member.value.location, path: path))
                } else if PrometheusAnswer.isResponse(member.value) {
                    take(member.key, member.value, path: path)
                } else {
                    bag.error(
                        "\"\(member.key)\" must be a number or a saved Prometheus response, found \(member.value.value.typeName)",
                        at: member.value.location, path: path)
                }
            }
        }
        return bag.hasErrors ? .failure(GrowthInput.CSVErrors(diagnostics: bag.diagnostics)) : .success(input)
    }
}
