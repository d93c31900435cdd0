import Foundation
import Testing

@testable import ScalePlanKit

/// `check --prometheus` against a real Prometheus on loopback, `check --observed` with saved
/// responses, and `rules` checked by promtool and loaded into the same server.
@Suite struct PrometheusTests {
    /// The issue's done-when, and everything around it, against one live server: 48 businesses
    /// and a request counter past sayar's 500,000 a month. (`rate(…[5m])` divides by the whole
    /// five minutes while the series is seconds old, so the counter grows by 1,000 a second:
    /// millions a month from the second scrape on.)
    @Test(.requires(Tools.prometheus), .requires(Tools.promtool), .requires(Tools.python))
    func checkReadsALivePrometheus() throws {
        let rules = runCLI(["rules", "sayar", "--for", "0s"])
        #expect(rules.status == 0, "\(rules.stderr)")
        let server = try PrometheusServer.start(businesses: 48, requestsPerSecond: 1000, rules: rules.stdout)
        defer { server.stop() }

        // The done-when: the upgrade trigger fires, exit 1.
        let now = runCLI(["check", "sayar", "--prometheus", server.url])
        #expect(now.status == 1, "\(now.stdout)\(now.stderr)")
        // From here on at one fixed time, so every run reads the same numbers: a second ago,
        // after two more scrapes (one a second), so no scrape still in flight lands before it.
        usleep(2_000_000)
        let at = NumberFormatting.fixed(Date().timeIntervalSince1970 - 1, decimals: 3)
        let live = runCLI(["check", "sayar", "--prometheus", server.url, "--at", at])
        #expect(live.status == 1, "\(live.stdout)\(live.stderr)")
        #expect(live.stdout.contains("starter-upgrade: api_requests_month = "), "\(live.stdout)")
        #expect(live.stdout.contains("Active tier from the observed businesses."))
        #expect(live.stderr.contains("starter-upgrade (warning)"))
        let json = try #require(
            expectValidJSON(runCLI(["check", "sayar", "--prometheus", server.url, "--at", at, "--format", "json"]).stdout)
                as? [String: Any])
        let values = try #require(json["values"] as? [[String: Any]])
        let businesses = try #require(values.first { $0["name"] as? String == "businesses" })
        #expect(businesses["value"] as? Double == 48 && businesses["observed"] as? Bool == true)
        let requests = try #require(values.first { $0["name"] as? String == "api_requests_month" })
        #expect((requests["value"] as? Double ?? 0) > 500_000 && requests["observed"] as? Bool == true)
        #expect(json["observed_from"] as? String == "Prometheus \(server.url)")
        // The queries the target does not answer (no postgres_exporter here) are said, not guessed.
        let unobserved = try #require(json["unobserved"] as? [[String: Any]])
        #expect(!unobserved.isEmpty && unobserved.allSatisfy { ($0["reason"] as? String)?.contains("no series") == true })

        // --fail-on critical: the warnings are reported, and do not fail the check.
        let quiet = runCLI(["check", "sayar", "--prometheus", server.url, "--fail-on", "critical"])
        #expect(quiet.status == 0, "\(quiet.stderr)")

        // The same answers saved, as curl would, give the same report and status.
        let profile = try ProfileLoader.load(path: repositoryRoot + "/profiles/sayar.json").compiled.profile
        var saved: [String] = []
        for query in profile.observe {
            saved.append(
                "\(JSONOutput.quote(query.name)): \(String(decoding: try server.response(query.query, at: at), as: UTF8.self))")
        }
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileIO.writeAtomically(Array("{\(saved.joined(separator: ", "))}".utf8), to: folder + "/saved.json")
        let offline = runCLI(["check", "sayar", "--observed", folder + "/saved.json"])
        #expect(offline.status == live.status)
        #expect(offline.stdout == live.stdout)
        // A single saved response is the driver's value; piped on standard input.
        let piped = runCLI(
            ["check", "sayar", "--observed", "-", "--format", "json"], stdin: try server.response("count(sayar_active_business)"))
        #expect(piped.status == 0 || piped.status == 1, "\(piped.stderr)")
        #expect(piped.stdout.contains("\"name\": \"businesses\",\n      \"value\": 48,\n      \"observed\": true"))

        // --at a time before the server existed: no samples, so no driver, so no tier.
        let before = runCLI(["check", "sayar", "--prometheus", server.url, "--at", "2001-09-09T01:46:40Z"])
        #expect(
            before.status == 65
                && before.stderr.contains("no observed value for the driver 'businesses' (the query returned no series"),
            "\(before.stderr)")

        // A query Prometheus rejects: 65 with the name, the query and Prometheus's message.
        let broken = try String(contentsOfFile: repositoryRoot + "/profiles/sayar.json", encoding: .utf8)
            .replacingOccurrences(of: "\"count(sayar_active_business)\"", with: "\"count(sayar_active_business\"")
        try FileIO.writeAtomically(Array(broken.utf8), to: folder + "/broken.json")
        let rejected = runCLI(["check", folder + "/broken.json", "--prometheus", server.url])
        #expect(rejected.status == 65, "\(rejected.stderr)")
        #expect(
            rejected.stderr.contains("Prometheus rejected the query for 'businesses' (count(sayar_active_business): bad_data"))

        // The generated rule fires in the same server: the pager and the plan agree.
        let alert = "ALERTS{alertname=\"ScaleplanSayarStarterUpgrade\",alertstate=\"firing\"}"
        #expect(server.waitUntil(seconds: 20) { server.value("count(\(alert))") == 1 }, "the starter-upgrade alert never fired")
        // And one whose condition does not hold stays quiet (the Growth tier's, guarded by its range).
        #expect(server.value("count(ALERTS{alertname=\"ScaleplanSayarGrowthUpgrade\"})") == nil)
    }

    /// A server that is not there: 69 within the timeout, with the address and the reason, and
    /// never the credentials.
    @Test(.requires(Tools.python))
    func unreachableServersAreUnavailable() throws {
        let closed = try PrometheusServer.freePort()
        let started = HTTPClient.now()
        let refused = runCLI(
            ["check", "sayar", "--prometheus", "http://scaleplan:s3cret@127.0.0.1:\(closed)", "--timeout", "3"],
            environment: ["SCALEPLAN_PROMETHEUS_TOKEN": "t0ken-value"])
        #expect(refused.status == 69, "\(refused.stderr)")
        #expect(HTTPClient.now() - started < 3)
        #expect(refused.stderr.contains("Prometheus http://127.0.0.1:\(closed): cannot connect to http://127.0.0.1:\(closed): "))
        #expect(refused.stderr.lowercased().contains("refused"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("s3cret") && !refused.stderr.contains("t0ken-value"))

        // A server that accepts the connection and never answers: 69 after the timeout.
        let python = try Tools.python.required()
        let silent = Process()
        silent.executableURL = URL(fileURLWithPath: python)
        silent.arguments = [
            "-c",
            "import socket, time; s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(); print(s.getsockname()[1], flush=True); time.sleep(30)",
        ]
        let port = try PrometheusServer.launchReadingPort(silent)
        defer { PrometheusServer.kill(silent) }
        let waited = HTTPClient.now()
        let timedOut = runCLI(["check", "sayar", "--prometheus", "http://127.0.0.1:\(port)", "--timeout", "1.5"])
        let elapsed = HTTPClient.now() - waited
        #expect(timedOut.status == 69 && timedOut.stderr.contains("timed out"), "\(timedOut.stderr)")
        #expect(elapsed >= 1.4 && elapsed < 4, "\(elapsed) s")

        // https is said plainly, not attempted.
        let tls = runCLI(["check", "sayar", "--prometheus", "https://127.0.0.1:\(closed)"])
        #expect(tls.status == 69 && tls.stderr.contains("https is not supported"), "\(tls.stderr)")
    }

    /// What a real server will not do, from a stand-in (`Tests/Tools/fake_prometheus.py`): the
    /// credentials are sent (a bearer token from the environment, Basic from the URL, decoded),
    /// chunked answers are read, and an answer that is not Prometheus's — an HTML page, bytes
    /// that are not HTTP — is exit 65 with the reason.
    @Test(.requires(Tools.python))
    func credentialsAndOddAnswers() throws {
        let python = try Tools.python.required()
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A profile whose only mapping is the driver: one request per run.
        let profile = try String(contentsOfFile: repositoryRoot + "/profiles/sayar.json", encoding: .utf8)
        let start = try #require(profile.range(of: "\"observe\": {"))
        let end = try #require(profile.range(of: "\n  \"scenarios\"", range: start.upperBound..<profile.endIndex))
        let single = profile.replacingCharacters(
            in: start.lowerBound..<end.lowerBound, with: "\"observe\": {\"businesses\": \"count(sayar_active_business)\"},")
        try FileIO.writeAtomically(Array(single.utf8), to: folder + "/single.json")
        func serve(_ mode: String, _ body: (Int) throws -> Void) throws -> [String] {
            let headers = folder + "/headers-\(mode).txt"
            let server = Process()
            server.executableURL = URL(fileURLWithPath: python)
            server.arguments = [repositoryRoot + "/Tests/Tools/fake_prometheus.py", mode, headers]
            let port = try PrometheusServer.launchReadingPort(server)
            defer { PrometheusServer.kill(server) }
            try body(port)
            return (try? String(contentsOfFile: headers, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        }
        let sent = try serve("scalar") { port in
            let token = runCLI(
                ["check", folder + "/single.json", "--prometheus", "http://127.0.0.1:\(port)"],
                environment: ["SCALEPLAN_PROMETHEUS_TOKEN": "t0ken"])
            #expect(
                token.status == 1 && token.stdout.contains("businesses                   48  observed"),
                "\(token.stdout)\(token.stderr)")
            let basic = runCLI(["check", folder + "/single.json", "--prometheus", "http://ops:p%40ss@127.0.0.1:\(port)"])
            #expect(basic.status == 1, "\(basic.stderr)")
            #expect(!token.stdout.contains("t0ken") && !basic.stdout.contains("p@ss") && !basic.stdout.contains("p%40ss"))
        }
        // "ops:p@ss" in base64.
        #expect(sent == ["Bearer t0ken", "Basic b3BzOnBAc3M="], "\(sent)")
        _ = try serve("chunked") { port in
            let chunked = runCLI([
                "check", folder + "/single.json", "--prometheus", "http://127.0.0.1:\(port)", "--format", "json",
            ])
            #expect(chunked.status == 1 && chunked.stdout.contains("\"value\": 48"), "\(chunked.stderr)")
        }
        _ = try serve("html") { port in
            let html = runCLI(["check", folder + "/single.json", "--prometheus", "http://127.0.0.1:\(port)"])
            #expect(html.status == 65, "\(html.stderr)")
            #expect(html.stderr.contains("Prometheus's answer for 'businesses' (count(sayar_active_business)) is not usable"))
            #expect(html.stderr.contains("is it a Prometheus server"), "\(html.stderr)")
        }
        _ = try serve("garbage") { port in
            let garbage = runCLI(["check", folder + "/single.json", "--prometheus", "http://127.0.0.1:\(port)"])
            #expect(garbage.status == 65 && garbage.stderr.contains("is not HTTP"), "\(garbage.stderr)")
        }
    }

    /// Usage mistakes around the source of the values.
    @Test(arguments: [
        (["check", "sayar"], "give the observed values"),
        (["check", "sayar", "--observed", "x.json", "--prometheus", "http://127.0.0.1:9"], "not both"),
        (["check", "sayar", "--observed", "x.json", "--at", "1"], "--at is for --prometheus"),
        (["check", "sayar", "--prometheus", "ftp://host"], "expected an http:// URL"),
        (["check", "sayar", "--prometheus", "http://127.0.0.1:99999"], "port '99999' is not a number"),
        (["check", "sayar", "--prometheus", "http://127.0.0.1:9", "--timeout", "0"], "--timeout '0'"),
        (["check", "sayar", "--prometheus", "http://127.0.0.1:9", "--at", "yesterday"], "RFC 3339"),
        (["rules", "sayar", "--for", "15 minutes"], "Prometheus duration"),
    ])
    func sourceMistakesAreUsageErrors(arguments: [String], message: String) {
        let result = runCLI(arguments)
        #expect(result.status == 64 && result.stderr.contains(message), "\(result.stderr)")
    }

    /// Saved responses: an object of name → response beside plain numbers; the unusable ones
    /// left to the model with the reason; Prometheus's error and a malformed one are 65.
    @Test func savedResponsesAreObservedValues() throws {
        func vector(_ values: [String]) -> String {
            let series = values.enumerated().map {
                #"{"metric": {"i": "\#($0.offset)"}, "value": [1796083200, "\#($0.element)"]}"#
            }
            return #"{"status": "success", "data": {"resultType": "vector", "result": [\#(series.joined(separator: ", "))]}}"#
        }
        let input = """
            {"businesses": \(vector(["48"])), "api_requests_month": 600000,
             "db_connections": \(vector([])), "db_storage_gb": \(vector(["1", "2"])),
             "ram_gb": {"status": "success", "data": {"resultType": "scalar", "result": [1796083200, "NaN"]}}}
            """
        let result = runCLI(["check", "sayar", "--observed", "-", "--format", "json"], stdin: Array(input.utf8))
        #expect(result.status == 1, "\(result.stderr)")
        let json = try #require(expectValidJSON(result.stdout) as? [String: Any])
        let reasons = Dictionary(
            (json["unobserved"] as? [[String: Any]] ?? []).map { ($0["name"] as? String ?? "", $0["reason"] as? String ?? "") },
            uniquingKeysWith: { a, _ in a })
        #expect(reasons["db_connections"]?.contains("no series") == true)
        #expect(reasons["db_storage_gb"]?.contains("2 series") == true)
        #expect(reasons["ram_gb"]?.contains("NaN") == true)
        let table = runCLI(["check", "sayar", "--observed", "-"], stdin: Array(input.utf8))
        #expect(table.stdout.contains("NOT OBSERVED"), "\(table.stdout)")

        let error = #"{"status": "error", "errorType": "bad_data", "error": "parse error at char 6"}"#
        let rejected = runCLI(["check", "sayar", "--observed", "-"], stdin: Array("{\"businesses\": \(error)}".utf8))
        #expect(rejected.status == 65 && rejected.stderr.contains("bad_data: parse error at char 6"), "\(rejected.stderr)")
        let malformed = runCLI(
            ["check", "sayar", "--observed", "-"], stdin: Array(#"{"businesses": {"status": "success"}}"#.utf8))
        #expect(malformed.status == 65 && malformed.stderr.contains("data.resultType"), "\(malformed.stderr)")
    }

    /// `rules` for every bundled profile passes promtool, and expresses some of its triggers.
    @Test(.requires(Tools.promtool), arguments: bundledIDs)
    func rulesPassPromtool(id: String) throws {
        let promtool = try Tools.promtool.required()
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = runCLI(["rules", id, "-o", folder + "/rules.yml"])
        #expect(result.status == 0, "\(result.stderr)")
        let check = try runProcess(promtool, ["check", "rules", folder + "/rules.yml"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let rules = Int(check.stdout.components(separatedBy: "SUCCESS: ").last?.split(separator: " ").first ?? "") ?? 0
        #expect(rules > 0, "\(check.stdout)")
    }

    /// A plan's text that is template syntax or YAML syntax stays text.
    @Test(.requires(Tools.promtool))
    func hostileTextStaysText() throws {
        let promtool = try Tools.promtool.required()
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let profile = """
            { "version": 1, "id": "hostile", "name": "Hostile: {{ .Labels }} # not a comment", "currency": "USD",
              "driver": { "name": "users", "unit": "user" },
              "observe": { "users": "sum(up{job=\\"a: b\\"})" },
              "tiers": [ { "id": "t0", "name": "T: {{ 1 }}", "range": { "min": 0 },
                "costs": [ { "item": "Server", "category": "compute", "amount": 5 } ],
                "triggers": [ { "id": "t0-big", "when": "users > 100", "severity": "warning",
                  "action": "Move {{ $labels.x }} \\"now\\"\\n- item: x" } ] } ],
              "triggers": [ { "id": "never", "when": "month > 3", "severity": "info", "action": "A month trigger" } ],
              "scenarios": [ { "id": "base", "default": true, "growth": { "kind": "linear", "start": 1, "step": 10 } } ] }
            """
        try FileIO.writeAtomically(Array(profile.utf8), to: folder + "/hostile.json")
        let result = runCLI(["rules", folder + "/hostile.json", "-o", folder + "/rules.yml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("not expressed: never: it reads month, which monitoring does not measure"))
        let check = try runProcess(promtool, ["check", "rules", folder + "/rules.yml"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let text = try String(contentsOfFile: folder + "/rules.yml", encoding: .utf8)
        // JSON-quoted in the YAML: the text is {{ "{{" }} $labels.x }}, which Go templates print as {{ $labels.x }}.
        #expect(text.contains(#"{{ \"{{\" }} $labels.x }}"#), "\(text)")
    }

    /// `validate` checks every `observe` name against the plan, where it is written.
    @Test func observeNamesAreValidated() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let sayar = try String(contentsOfFile: repositoryRoot + "/profiles/sayar.json", encoding: .utf8)
        let observe = #""observe": {"#
        #expect(sayar.contains(observe))
        let cases: [(String, String)] = [
            (#""busineses": "count(x)", "#, "observe names 'busineses', which is not a name in this profile"),
            (#""busineses": "count(x)", "#, "did you mean 'businesses'?"),
            (#""month": "vector(3)", "#, "observe names 'month'"),
            (#""merchant_scale": "1", "peak_to_average": "2", "#, "the param 'peak_to_average', which is not marked observed"),
            (#""latency.apx": "1", "#, "observe names 'latency.apx'"),
            (#""ram_gb": "  ", "#, "the query for 'ram_gb' is empty"),
            (#""ram_gb": 5, "#, #"expected a PromQL query or {"query": …, "note": …}, found a number"#),
            (#""ram_gb": {"query": "sum(x)", "exampel": true}, "#, "exampel"),
        ]
        for (index, (members, message)) in cases.enumerated() {
            let text = sayar.replacingOccurrences(of: observe, with: observe + members)
            try FileIO.writeAtomically(Array(text.utf8), to: folder + "/\(index).json")
            let result = runCLI(["validate", folder + "/\(index).json"])
            #expect(result.status == 65 && result.stderr.contains(message), "\(members): \(result.stderr)")
            #expect(result.stderr.contains("$.observe"), "\(result.stderr)")
        }
    }

    /// The PromQL a trigger becomes, for the shapes the profile language has.
    @Test func conditionsBecomePromQL() throws {
        let profile = """
            { "version": 1, "id": "shapes", "name": "Shapes", "currency": "USD",
              "driver": { "name": "users", "unit": "user" },
              "params": { "per_user": { "value": 0.5 } },
              "metrics": { "load": "users * per_user" },
              "observe": { "users": "count(u)", "load": "sum(l)" },
              "tiers": [ { "id": "small", "name": "Small", "range": { "min": 0, "max": 100 },
                  "costs": [ { "item": "S", "category": "compute", "amount": 1 } ],
                  "triggers": [ { "id": "both", "all": ["load > per_user * 80", "not (users < 10)"], "severity": "warning", "action": "a" },
                                { "id": "bounded", "when": "min(load, users) >= 5", "severity": "info", "action": "b" } ] },
                { "id": "big", "name": "Big", "range": { "min": 100 },
                  "costs": [ { "item": "B", "category": "compute", "amount": 2 } ] } ],
              "scenarios": [ { "id": "base", "default": true, "growth": { "kind": "linear", "start": 1, "step": 10 } } ] }
            """
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileIO.writeAtomically(Array(profile.utf8), to: folder + "/shapes.json")
        let loaded = try ProfileLoader.load(path: folder + "/shapes.json").compiled
        let (rules, skipped) = PrometheusRules.build(loaded)
        #expect(skipped.isEmpty)
        #expect(
            rules.first?.expr
                == "((vector(scalar(sum(l))) > (0.5 * 80)) and (absent(vector(scalar(count(u))) < 10))) and on() ((vector(scalar(count(u))) >= 0) < 100)"
        )
        #expect(rules.last?.expr.hasPrefix("(vector(scalar(clamp_max(vector(scalar(sum(l))), scalar(count(u))))) >= 5)") == true)
        #expect(PrometheusRules.build(loaded, tier: 0).rules.first?.expr.contains("and on()") == false)
    }
}
