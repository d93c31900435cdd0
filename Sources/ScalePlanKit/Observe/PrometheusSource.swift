/// The observed values of a profile's `observe` mapping, read from a Prometheus server's HTTP API
/// (`GET /api/v1/query?query=…[&time=…]`), one instant query per name, all within one deadline.
public struct PrometheusSource: Sendable {
    public var address: HTTPAddress
    /// `SCALEPLAN_PROMETHEUS_TOKEN`: sent as a bearer token, never printed.
    public var token: String?
    /// `--at`: the evaluation time, as Prometheus takes it (RFC 3339 or Unix seconds); nil for now.
    public var time: String?
    /// Seconds for the whole run, connection included.
    public var timeout: Double
    /// The `User-Agent` header.
    public var userAgent: String

    public init(address: HTTPAddress, token: String?, time: String?, timeout: Double, userAgent: String) {
        self.address = address
        self.token = token
        self.time = time
        self.timeout = timeout
        self.userAgent = userAgent
    }

    /// One name's query and what Prometheus answered.
    public struct Reading: Sendable {
        public var query: ObserveQuery
        public var answer: PrometheusAnswer
    }

    /// Why the run stopped.
    public enum Failure: Error, Sendable, Equatable {
        /// The server could not be reached or refused us (EX_UNAVAILABLE, 69).
        case unavailable(String)
        /// An answer that is not Prometheus's API (65), for this name and query.
        case malformed(name: String, query: String, reason: String)
    }

    /// Runs every query in order; stops at the first failure (a server that cannot be reached
    /// for one query cannot be for the next, and the deadline is shared).
    public func read(_ queries: [ObserveQuery]) throws(Failure) -> [Reading] {
        let deadline = HTTPClient.now() + timeout
        var headers = [("User-Agent", userAgent)]
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        var readings: [Reading] = []
        for query in queries {
            var target = "/api/v1/query?query=" + HTTPClient.percentEncoded(query.query)
            if let time { target += "&time=" + HTTPClient.percentEncoded(time) }
            let response: HTTPResponse
            do {
                response = try HTTPClient.get(address, target: target, headers: headers, deadline: deadline)
            } catch {
                switch error {
                case .unavailable(let reason): throw .unavailable(reason)
                case .malformed(let reason), .invalid(let reason):
                    throw .malformed(name: query.name, query: query.query, reason: "\(address.display): \(reason)")
                }
            }
            readings.append(Reading(query: query, answer: try answer(response, query)))
        }
        return readings
    }

    /// The answer in `response`: Prometheus's JSON on success and on a rejected query (400, 422,
    /// 503 with an error body); an HTTP error without it is the server's, not the query's.
    private func answer(_ response: HTTPResponse, _ query: ObserveQuery) throws(Failure) -> PrometheusAnswer {
        let status = "HTTP \(response.status)\(response.reason.isEmpty ? "" : " " + TextSafety.terminal(response.reason))"
        if response.status == 401 || response.status == 403 {
            throw .unavailable(
                "\(address.display) refused the request (\(status)): set SCALEPLAN_PROMETHEUS_TOKEN to a bearer token, or give user:password in the URL"
            )
        }
        var parsed: PrometheusAnswer?
        var problem: String?
        do {
            parsed = try PrometheusAnswer.parse(response.body)
        } catch {
            problem = error.message
        }
        if let parsed {
            if response.status == 200 { return parsed }
            if case .queryError = parsed { return parsed }
        }
        if response.status >= 500 { throw .unavailable("\(address.display) answered \(status)") }
        throw .malformed(
            name: query.name, query: query.query,
            reason: "\(address.display) answered \(status)\(problem.map { " and \($0)" } ?? ""); "
                + "is it a Prometheus server (GET \(address.prefix)/api/v1/query)?")
    }

    /// Whether `text` is a time Prometheus takes for `time=`: Unix seconds (`1796083200`,
    /// `1796083200.5`) or RFC 3339 (`2026-12-01T09:00:00Z`, `…+01:00`).
    public static func isTime(_ text: String) -> Bool {
        if let seconds = Double(text), seconds.isFinite, seconds >= 0, text.allSatisfy({ $0.isNumber || $0 == "." }) {
            return true
        }
        let characters = Array(text)
        func digits(_ range: Range<Int>) -> Bool {
            range.upperBound <= characters.count && characters[range].allSatisfy { $0.isASCII && $0.isNumber }
        }
        guard characters.count >= 20, digits(0..<4), characters[4] == "-", digits(5..<7), characters[7] == "-",
            digits(8..<10), characters[10] == "T" || characters[10] == "t", digits(11..<13), characters[13] == ":",
            digits(14..<16), characters[16] == ":", digits(17..<19)
        else { return false }
        var rest = characters[19...]
        if rest.first == "." {
            rest = rest.dropFirst()
            let fraction = rest.prefix { $0.isASCII && $0.isNumber }
            guard !fraction.isEmpty else { return false }
            rest = rest.dropFirst(fraction.count)
        }
        if rest == ["Z"] || rest == ["z"] { return true }
        let zone = Array(rest)
        return zone.count == 6 && (zone[0] == "+" || zone[0] == "-") && zone[3] == ":"
            && [1, 2, 4, 5].allSatisfy { zone[$0].isASCII && zone[$0].isNumber }
    }
}
