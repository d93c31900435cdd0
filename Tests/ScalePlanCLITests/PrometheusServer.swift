import Foundation
import Testing

@testable import ScalePlanKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A real Prometheus on loopback for the live tests: Debian's `prometheus` at a free port,
/// scraping every second a test-only target (`Tests/Tools/metrics_server.py`) that exports
/// `sayar_active_business` (one series per business) and a growing `http_requests_total`, and
/// evaluating the rule files it is given. `start` waits until the first scrapes have landed
/// (bounded); `stop` ends both processes. Every request goes to 127.0.0.1.
final class PrometheusServer {
    /// `http://127.0.0.1:PORT`.
    let url: String
    private let prometheus: Process
    private let target: Process
    private let folder: String

    private init(url: String, prometheus: Process, target: Process, folder: String) {
        self.url = url
        self.prometheus = prometheus
        self.target = target
        self.folder = folder
    }

    /// Starts the target and the server, with `rules` as a rule file when given, and waits (at
    /// most 60 s) until `count(sayar_active_business)` is `businesses` and the request rate is
    /// known (two scrapes).
    static func start(businesses: Int, requestsPerSecond: Double, rules: String? = nil) throws -> PrometheusServer {
        let binary = try Tools.prometheus.required()
        let python = try Tools.python.required()
        let folder = try temporaryFolder()
        let target = Process()
        target.executableURL = URL(fileURLWithPath: python)
        target.arguments = [
            repositoryRoot + "/Tests/Tools/metrics_server.py", String(businesses), NumberFormatting.plain(requestsPerSecond),
        ]
        let targetPort = try launchReadingPort(target)
        let port = try freePort()
        var config = """
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: app
                static_configs:
                  - targets: ["127.0.0.1:\(targetPort)"]

            """
        if let rules {
            try FileIO.writeAtomically(Array(rules.utf8), to: folder + "/rules.yml")
            config += "rule_files:\n  - \(folder)/rules.yml\n"
        }
        try FileIO.writeAtomically(Array(config.utf8), to: folder + "/prometheus.yml")
        let prometheus = Process()
        prometheus.executableURL = URL(fileURLWithPath: binary)
        prometheus.arguments = [
            "--config.file=\(folder)/prometheus.yml", "--storage.tsdb.path=\(folder)/data",
            "--web.listen-address=127.0.0.1:\(port)", "--log.level=warn",
        ]
        prometheus.standardOutput = FileHandle.nullDevice
        prometheus.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try prometheus.run()
        let server = PrometheusServer(url: "http://127.0.0.1:\(port)", prometheus: prometheus, target: target, folder: folder)
        let ready = server.waitUntil(seconds: 60) {
            server.value("count(sayar_active_business)") == Double(businesses)
                && (server.value("sum(rate(http_requests_total[5m]))") ?? 0) > 0
        }
        guard ready else {
            server.stop()
            throw ServerError(message: "Prometheus at \(server.url) did not scrape its target within 60 s")
        }
        return server
    }

    struct ServerError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Ends the server and its target; safe to call twice.
    func stop() {
        Self.kill(prometheus)
        Self.kill(target)
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Ends `process` for certain: SIGKILL, which no signal mask holds back (a child started
    /// from a test thread can inherit one that blocks SIGTERM, and python3 would then never end).
    static func kill(_ process: Process) {
        guard process.isRunning else { return }
        #if canImport(Darwin)
            _ = Darwin.kill(process.processIdentifier, SIGKILL)
        #else
            _ = Glibc.kill(process.processIdentifier, SIGKILL)
        #endif
        process.waitUntilExit()
    }

    /// The single value `query` has now, nil when it has none (checked with the kit's own
    /// client and answer reader, which the tests of `check` rely on too).
    func value(_ query: String) -> Double? {
        guard let body = try? response(query), case .value(let value)? = try? PrometheusAnswer.parse(body) else { return nil }
        return value
    }

    /// The raw answer to `query` (at `time`, Unix seconds, when given), as `curl
    /// …/api/v1/query?query=…` would save it.
    func response(_ query: String, at time: String? = nil) throws -> [UInt8] {
        guard case .success(let address) = HTTPAddress.parse(url) else { return [] }
        let target = "/api/v1/query?query=" + HTTPClient.percentEncoded(query) + (time.map { "&time=" + $0 } ?? "")
        return try HTTPClient.get(address, target: target, headers: [], deadline: HTTPClient.now() + 5).body
    }

    /// Polls `condition` every quarter second until it holds or `seconds` pass.
    func waitUntil(seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = HTTPClient.now() + seconds
        while HTTPClient.now() < deadline {
            if condition() { return true }
            usleep(250_000)
        }
        return condition()
    }

    /// A port nothing listens on now (bound, read and released).
    static func freePort() throws -> Int {
        let python = try Tools.python.required()
        let result = try runProcess(
            python,
            ["-c", "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1]); s.close()"])
        return try #require(Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// Runs `process`, which prints its port on its first line, and returns the port.
    static func launchReadingPort(_ process: Process) throws -> Int {
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            kill(process)
            throw ServerError(message: "the test server printed no port")
        }
        return port
    }
}
