// `make bench`: benchmarks of the release build, as medians of repeated runs, then every target
// of the performance issue with what was measured and whether it is met.
//
// For each bundled profile it times whole processes — `scaleplan simulate <id> --months 120
// --format json` spawned afresh, start-up included; Monte Carlo with all threads, one thread and
// 100k trials; sensitivity; optimize — and the simulation alone, in process; races the numpy
// peer (`--peer FILE`, when python3 has numpy), interleaved with scaleplan's runs; counts
// instructions per simulated world-month with callgrind (when valgrind is installed), the
// noise-free figure; and prints the binary's size. Timed with CLOCK_MONOTONIC; the machine is
// noisy, so the median is reported with the minimum and maximum beside it.
import ScalePlanKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

/// Runs a command with stdout and stderr sent to /dev/null; returns its wall time in seconds.
func timeProcess(_ arguments: [String]) -> Double? {
    measureProcess(arguments)?.seconds
}

/// Wall time and peak resident set (KiB, from wait4's rusage) of a command.
func measureProcess(_ arguments: [String]) -> (seconds: Double, peakKiB: Int)? {
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let start = now()
    guard posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ) == 0 else { return nil }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    let seconds = now() - start
    return status == 0 ? (seconds, Int(usage.ru_maxrss)) : nil
}

/// One performance target: what it is, the goal, what was measured and whether it is met.
struct Target {
    let what: String
    let goal: String
    let measured: String
    let met: Bool?
}
var targets: [Target] = []
@MainActor func target(_ what: String, _ goal: String, _ measured: String, _ met: Bool?) {
    targets.append(Target(what: what, goal: goal, measured: measured, met: met))
}
func seconds(_ value: Double) -> String { NumberFormatting.fixed(value, decimals: 3) + " s" }

var positional: [String] = []
var peer: String?
var callgrind = true
var options = CommandLine.arguments.dropFirst()
while let argument = options.popFirst() {
    switch argument {
    case "--peer": peer = options.popFirst()
    case "--no-callgrind": callgrind = false
    default: positional.append(argument)
    }
}
guard positional.count >= 2 else {
    print("usage: scaleplan-bench <scaleplan binary> <profiles folder> [runs] [--peer numpy_peer.py] [--no-callgrind]")
    exit(64)
}
let binary = positional[0]
let folder = positional[1]
let runs = positional.count > 2 ? Int(positional[2]) ?? 21 : 21
let profileIDs = ["inphrone", "million", "musician", "oviya", "sayar"]
let months = 120
var checksum = 0.0
func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(1, width - text.count)) }
print("scaleplan bench: \(months)-month deterministic simulate, median of \(runs) runs (min–max), release build")
print("")
print("PROFILE     PROCESS WALL (ms)        SIMULATE IN-PROCESS (ms)   MONTHS/S IN-PROCESS")
var deterministicWall: [(String, Double)] = []
for id in profileIDs {
    var wall: [Double] = []
    for _ in 0..<runs {
        if let seconds = timeProcess([binary, "simulate", folder + "/\(id).json", "--months", "\(months)", "--format", "json"]) {
            wall.append(seconds * 1000)
        }
    }
    guard let loaded = try? ProfileLoader.load(path: folder + "/\(id).json"),
        let scenario = loaded.profile.defaultScenario, let curve = scenario.growth.expectedCurve, !wall.isEmpty
    else {
        print("\(id): failed")
        continue
    }
    let simulator = Simulator(loaded.compiled)
    var inProcess: [Double] = []
    for _ in 0..<max(runs, 50) {
        let start = now()
        let projection = simulator.run(curve: curve, months: months)
        inProcess.append((now() - start) * 1000)
        checksum += projection.months.last?.cost.expected ?? 0  // keeps the work from being optimised away
    }
    let m = median(inProcess)
    deterministicWall.append((id, median(wall)))
    func cell(_ values: [Double]) -> String {
        "\(NumberFormatting.fixed(median(values), decimals: 2)) (\(NumberFormatting.fixed(values.min() ?? 0, decimals: 2))–\(NumberFormatting.fixed(values.max() ?? 0, decimals: 2)))"
    }
    print(pad(id, 12) + pad(cell(wall), 25) + pad(cell(inProcess), 27) + NumberFormatting.grouped(Double(months) / (m / 1000)))
}

if !checksum.isFinite { print("(non-finite checksum)") }
if let slowest = deterministicWall.max(by: { $0.1 < $1.1 }) {
    target(
        "deterministic 120-month simulate, whole process", "≤ 10 ms each",
        "slowest \(slowest.0) \(NumberFormatting.fixed(slowest.1, decimals: 2)) ms", slowest.1 <= 10)
}

// Monte Carlo: 10,000 trials × 120 months per profile, all threads vs one, and 100,000 trials.
let mcRuns = max(3, runs / 3)
let cores = sysconf(Int32(_SC_NPROCESSORS_ONLN))
print("")
print("Monte Carlo, \(months) months, median of \(mcRuns) runs, all \(cores) threads unless noted (release build)")
print("")
print("PROFILE     10K TRIALS (s)  TRIAL-MONTHS/S  PEAK RSS 10K  1 THREAD (s)  SPEEDUP  100K (s)  100K/10K  PEAK RSS 100K")
var monteCarlo: [(id: String, t10: Double, t1: Double, t100: Double, rss100: Double)] = []
for id in profileIDs {
    func run(_ trials: Int, threads: Int?, times: Int) -> [(seconds: Double, peakKiB: Int)] {
        var arguments = [
            binary, "simulate", folder + "/\(id).json", "--trials", "\(trials)", "--months", "\(months)",
            "--format", "json", "-o", "/dev/null",
        ]
        if let threads { arguments += ["--threads", "\(threads)"] }
        return (0..<times).compactMap { _ in measureProcess(arguments) }
    }
    // Interleaved, so that the ratios compare runs made side by side on a noisy machine.
    var ten: [(seconds: Double, peakKiB: Int)] = []
    var single: [(seconds: Double, peakKiB: Int)] = []
    var hundred: [(seconds: Double, peakKiB: Int)] = []
    for _ in 0..<mcRuns {
        ten += run(10_000, threads: nil, times: 1)
        single += run(10_000, threads: 1, times: 1)
        hundred += run(100_000, threads: nil, times: 1)
    }
    guard !ten.isEmpty, !single.isEmpty, !hundred.isEmpty else {
        print("\(id): failed")
        continue
    }
    let t10 = median(ten.map(\.seconds)), t1 = median(single.map(\.seconds)), t100 = median(hundred.map(\.seconds))
    let rss10 = ten.map(\.peakKiB).max() ?? 0, rss100 = hundred.map(\.peakKiB).max() ?? 0
    monteCarlo.append((id, t10, t1, t100, Double(rss100) / 1024))
    print(
        pad(id, 12) + pad(NumberFormatting.fixed(t10, decimals: 3), 16)
            + pad(NumberFormatting.grouped(Double(10_000 * months) / t10), 16)
            + pad(NumberFormatting.fixed(Double(rss10) / 1024, decimals: 1) + " MB", 14)
            + pad(NumberFormatting.fixed(t1, decimals: 3), 14) + pad(NumberFormatting.fixed(t1 / t10, decimals: 2) + "x", 9)
            + pad(NumberFormatting.fixed(t100, decimals: 3), 10) + pad(NumberFormatting.fixed(t100 / t10, decimals: 2), 10)
            + NumberFormatting.fixed(Double(rss100) / 1024, decimals: 1) + " MB")
}

func each(_ rows: [(String, Double)], format: (Double) -> String) -> String {
    rows.map { "\($0.0) \(format($0.1))" }.joined(separator: ", ")
}
if !monteCarlo.isEmpty {
    target(
        "10⁴ trials × 120 months, whole process", "≤ 0.10 s each",
        each(monteCarlo.map { ($0.id, $0.t10) }, format: seconds), monteCarlo.allSatisfy { $0.t10 <= 0.10 })
    target(
        "1 → 2 threads", "≥ 1.8× each",
        each(monteCarlo.map { ($0.id, $0.t1 / $0.t10) }) { NumberFormatting.fixed($0, decimals: 2) + "×" },
        monteCarlo.allSatisfy { $0.t1 / $0.t10 >= 1.8 })
    target(
        "t(10⁵) / t(10⁴)", "≤ 10.5 each",
        each(monteCarlo.map { ($0.id, $0.t100 / $0.t10) }) { NumberFormatting.fixed($0, decimals: 2) },
        monteCarlo.allSatisfy { $0.t100 / $0.t10 <= 10.5 })
    target(
        "peak RSS at 10⁵ trials", "≤ 64 MB each",
        each(monteCarlo.map { ($0.id, $0.rss100) }) { NumberFormatting.fixed($0, decimals: 1) + " MB" },
        monteCarlo.allSatisfy { $0.rss100 <= 64 })
}

// Sensitivity at the default sample size: the whole process, the default target (the horizon's
// monthly cost) and total spend, interleaved.
print("")
print("Sensitivity, default sample size, median of \(mcRuns) runs, all \(cores) threads (release build)")
print("")
print("PROFILE     COST TARGET (s)  SPEND TARGET (s)  PEAK RSS")
var sensitivityTimes: [(String, Double)] = []
for id in profileIDs {
    var cost: [(seconds: Double, peakKiB: Int)] = []
    var spend: [(seconds: Double, peakKiB: Int)] = []
    for _ in 0..<mcRuns {
        let base = [binary, "sensitivity", folder + "/\(id).json", "--format", "json", "-o", "/dev/null"]
        if let run = measureProcess(base) { cost.append(run) }
        if let run = measureProcess(base + ["--target", "spend"]) { spend.append(run) }
    }
    guard !cost.isEmpty, !spend.isEmpty else {
        print("\(id): failed")
        continue
    }
    let rss = (cost + spend).map(\.peakKiB).max() ?? 0
    sensitivityTimes.append((id, Swift.max(median(cost.map(\.seconds)), median(spend.map(\.seconds)))))
    print(
        pad(id, 12) + pad(NumberFormatting.fixed(median(cost.map(\.seconds)), decimals: 3), 17)
            + pad(NumberFormatting.fixed(median(spend.map(\.seconds)), decimals: 3), 18)
            + NumberFormatting.fixed(Double(rss) / 1024, decimals: 1) + " MB")
}

if !sensitivityTimes.isEmpty {
    target(
        "sensitivity (default sample size, either target)", "≤ 1 s each", each(sensitivityTimes, format: seconds),
        sensitivityTimes.allSatisfy { $0.1 <= 1 })
}

// Optimize over 120 months: deterministic and with 10,000 trials (--allow-gaps, since under
// trials some bundled profiles have months no schedule carries in 90% of them), whole process,
// interleaved.
print("")
print("Optimize, \(months) months, median of \(mcRuns) runs, all \(cores) threads (release build)")
print("")
print("PROFILE     DETERMINISTIC (s)  10K TRIALS (s)  PEAK RSS 10K")
var optimizeTimes: [(String, Double)] = []
for id in profileIDs {
    var deterministic: [(seconds: Double, peakKiB: Int)] = []
    var sampled: [(seconds: Double, peakKiB: Int)] = []
    for _ in 0..<mcRuns {
        let base = [
            binary, "optimize", folder + "/\(id).json", "--months", "\(months)", "--allow-gaps", "--format", "json",
            "-o", "/dev/null",
        ]
        if let run = measureProcess(base) { deterministic.append(run) }
        if let run = measureProcess(base + ["--trials", "10000"]) { sampled.append(run) }
    }
    guard !deterministic.isEmpty, !sampled.isEmpty else {
        print("\(id): failed")
        continue
    }
    optimizeTimes.append((id, median(sampled.map(\.seconds))))
    print(
        pad(id, 12) + pad(NumberFormatting.fixed(median(deterministic.map(\.seconds)), decimals: 3), 19)
            + pad(NumberFormatting.fixed(median(sampled.map(\.seconds)), decimals: 3), 16)
            + NumberFormatting.fixed(Double(sampled.map(\.peakKiB).max() ?? 0) / 1024, decimals: 1) + " MB")
}

if !optimizeTimes.isEmpty {
    target(
        "optimize --trials 10000 (120 months)", "≤ 1 s each", each(optimizeTimes, format: seconds),
        optimizeTimes.allSatisfy { $0.1 <= 1 })
}

// Fits of 10⁴ points: a growth history (all four kinds, daily points as fractional months) and a
// load test, in process (the library's fit alone) and as a whole process from the CSV file.
print("")
print("Fit, 10,000 points, median of \(mcRuns) runs (release build)")
print("")
print("FIT                       IN PROCESS (s)  WHOLE PROCESS (s)")
let fitPoints = 10_000
var historyRows = "month,users\n"
var historyMonths: [Double] = [], historyValues: [Double] = []
for index in 0..<fitPoints {
    let month = Double(index) / 30
    let value =
        GrowthCurve.gompertz(start: 500, cap: 2_000_000, rate: 0.02).value(at: month)
        * (1 + 0.03 * sin(Double(index) * 12.9898))
    historyMonths.append(month)
    historyValues.append(value)
    historyRows += NumberFormatting.plain(month) + "," + NumberFormatting.plain(value) + "\n"
}
var loadRows = "clients,rps\n"
var loadConcurrency: [Double] = [], loadThroughput: [Double] = []
for index in 0..<fitPoints {
    let n = Double(index % 200 + 1)
    let x = 900 * n / (1 + 0.03 * (n - 1) + 0.0004 * n * (n - 1)) * (1 + 0.02 * sin(Double(index) * 78.233))
    loadConcurrency.append(n)
    loadThroughput.append(x)
    loadRows += NumberFormatting.plain(n) + "," + NumberFormatting.plain(x) + "\n"
}
let historyFile = "/tmp/scaleplan-bench-history.csv", loadFile = "/tmp/scaleplan-bench-load.csv"
try? FileIO.writeAtomically(historyRows, to: historyFile)
try? FileIO.writeAtomically(loadRows, to: loadFile)
let fitHistory = GrowthHistory(
    months: historyMonths, values: historyValues, firstMonth: nil, lines: Array(1...fitPoints))
let fitLoad = LoadTest(concurrency: loadConcurrency, throughput: loadThroughput, latency: nil, lines: Array(1...fitPoints))
let fits: [(String, () -> Double, [String])] = [
    (
        "growth (4 kinds)",
        { (try? GrowthFit.fit(fitHistory, kinds: GrowthFit.fittableKinds, source: "bench"))?.best.rmse ?? 0 },
        [binary, "fit", "growth", historyFile, "--format", "json", "-o", "/dev/null"]
    ),
    (
        "usl (nls)", { (try? USLFit.fit(fitLoad, source: "bench"))?.sigma.estimate ?? 0 },
        [binary, "fit", "usl", loadFile, "--format", "json", "-o", "/dev/null"]
    ),
]
for (name, inProcess, command) in fits {
    var inside: [Double] = [], whole: [Double] = []
    for _ in 0..<mcRuns {
        let start = now()
        checksum += inProcess()
        inside.append(now() - start)
        if let seconds = timeProcess(command) { whole.append(seconds) }
    }
    print(
        pad(name, 26) + pad(NumberFormatting.fixed(median(inside), decimals: 3), 16)
            + (whole.isEmpty ? "failed" : NumberFormatting.fixed(median(whole), decimals: 3)))
}

// The numpy peer (`../shared/bench/numpy_peer.py`: the same model, vectorised, what a capable user
// would write instead), raced on 10⁴ trials × 120 months, interleaved with scaleplan's runs of the
// same profile. The peer reads the first version of the profile language: a profile it cannot read
// (a stock metric, `accumulate`) is raced as a copy with each stock written as a flow (`initial +
// amount`), run by both programs, so that both do the same work.
/// The path of an executable on the usual folders, nil when it is not installed.
func installed(_ name: String) -> String? {
    let folders = (getenv("PATH").map { String(cString: $0) } ?? "").split(separator: ":").map(String.init)
    return (folders + ["/usr/local/bin", "/usr/bin", "/bin"]).map { $0 + "/" + name }.first { access($0, X_OK) == 0 }
}
print("")
let python = installed("python3")
let peerReady =
    peer.map { access($0, R_OK) == 0 } == true && python.flatMap { measureProcess([$0, "-c", "import numpy"]) } != nil
var peerRatios: [(String, Double)] = []
if let peer, let python, peerReady {
    print("The numpy peer (\(peer)), 10,000 trials × 120 months, median of \(mcRuns) interleaved runs, whole processes")
    print("")
    print("PROFILE     MODEL                  SCALEPLAN (s)  1 THREAD (s)  PEER (s)  PEER / SCALEPLAN  PEER / 1 THREAD")
    let flowCopy = """
        import json, sys
        profile = json.load(open(sys.argv[1]))
        for metric in (profile.get("metrics") or {}).values():
            if isinstance(metric, dict) and "accumulate" in metric:
                metric["expr"] = "(%r) + (%s)" % (metric.pop("initial", 0), metric.pop("accumulate"))
        json.dump(profile, open(sys.argv[2], "w"))
        """
    for id in profileIDs {
        var path = folder + "/\(id).json", model = "bundled"
        func peerRun(_ path: String, trials: Int) -> [String] {
            [python, peer, path, "--trials", "\(trials)", "--months", "\(months)", "--full", "-o", "/dev/null"]
        }
        if measureProcess(peerRun(path, trials: 10)) == nil {
            let copy = "/tmp/scaleplan-bench-\(id)-flows.json"
            guard measureProcess([python, "-c", flowCopy, path, copy]) != nil, measureProcess(peerRun(copy, trials: 10)) != nil
            else {
                print(pad(id, 12) + "the peer cannot read this profile: skipped")
                continue
            }
            path = copy
            model = "copy, stocks as flows"
        }
        let ours = [
            binary, "simulate", path, "--trials", "10000", "--months", "\(months)", "--format", "json", "-o", "/dev/null",
        ]
        var all: [Double] = [], single: [Double] = [], theirs: [Double] = []
        for _ in 0..<mcRuns {
            if let run = timeProcess(ours) { all.append(run) }
            if let run = timeProcess(peerRun(path, trials: 10_000)) { theirs.append(run) }
            if let run = timeProcess(ours + ["--threads", "1"]) { single.append(run) }
        }
        guard !all.isEmpty, !single.isEmpty, !theirs.isEmpty else {
            print(pad(id, 12) + "failed")
            continue
        }
        let a = median(all), s = median(single), p = median(theirs)
        peerRatios.append((id, p / a))
        print(
            pad(id, 12) + pad(model, 23) + pad(NumberFormatting.fixed(a, decimals: 3), 15)
                + pad(NumberFormatting.fixed(s, decimals: 3), 14) + pad(NumberFormatting.fixed(p, decimals: 3), 10)
                + pad(NumberFormatting.fixed(p / a, decimals: 2) + "×", 18) + NumberFormatting.fixed(p / s, decimals: 2) + "×")
    }
} else {
    print(
        "The numpy peer: skipped (\(peer == nil ? "no --peer FILE given" : peerReady ? "" : "python3 with numpy, or the peer's file, not found"))"
    )
}
let raced = peerRatios.filter { ["musician", "million"].contains($0.0) }
target(
    "against the numpy peer (musician, million)", "≥ 4× each",
    raced.isEmpty ? "not measured" : each(raced) { NumberFormatting.fixed($0, decimals: 2) + "×" },
    raced.count == 2 ? raced.allSatisfy { $0.1 >= 4 } : nil)

// Instructions per simulated world-month: callgrind's count of a 10⁴-trial run less a one-trial
// run (start-up, loading and output are in both), on one thread, ÷ (9,999 × 120).
print("")
var perWorldMonth: [(String, Double)] = []
if callgrind, let valgrind = installed("valgrind") {
    print("Instructions per world-month (callgrind, one thread, (10,000-trial run − 1-trial run) ÷ (9,999 × \(months)))")
    print("")
    print("PROFILE     10K TRIALS (M)  1 TRIAL (M)  PER WORLD-MONTH")
    func instructions(_ id: String, trials: Int) -> Double? {
        let log = "/tmp/scaleplan-bench-callgrind.log"
        guard
            measureProcess([
                valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", "--log-file=" + log, binary, "simulate",
                folder + "/\(id).json", "--trials", "\(trials)", "--threads", "1", "--months", "\(months)", "--format", "json",
                "-o", "/dev/null",
            ]) != nil, let text = try? FileIO.read(log, limit: 1 << 20)
        else { return nil }
        // "==123== Collected : 1174819822"
        let line = String(decoding: text, as: UTF8.self).split(separator: "\n").first { $0.contains(text: "Collected :") }
        return line.flatMap { Double($0.split(separator: " ").last ?? "") }
    }
    for id in ["musician", "million"] {
        guard let many = instructions(id, trials: 10_000), let one = instructions(id, trials: 1) else {
            print(pad(id, 12) + "failed")
            continue
        }
        let each = (many - one) / Double(9_999 * months)
        perWorldMonth.append((id, each))
        print(
            pad(id, 12) + pad(NumberFormatting.fixed(many / 1e6, decimals: 1), 16)
                + pad(NumberFormatting.fixed(one / 1e6, decimals: 1), 13) + NumberFormatting.grouped(each))
    }
} else {
    print("Instructions per world-month: skipped (\(callgrind ? "valgrind is not installed" : "--no-callgrind"))")
}
target(
    "instructions per world-month (musician, million)", "≤ 1,300 each",
    perWorldMonth.isEmpty ? "not measured" : each(perWorldMonth) { NumberFormatting.grouped($0) },
    perWorldMonth.count == 2 ? perWorldMonth.allSatisfy { $0.1 <= 1_300 } : nil)

// The binary as `make release` builds it (unstripped).
var status = stat()
if stat(binary, &status) == 0 {
    let bytes = Double(status.st_size)
    print("")
    print("Binary: \(binary), \(NumberFormatting.grouped(bytes)) bytes (\(NumberFormatting.fixed(bytes / 1e6, decimals: 1)) MB)")
    target(
        "static release binary, unstripped", "≤ 20 MB", NumberFormatting.fixed(bytes / 1e6, decimals: 1) + " MB", bytes <= 20e6)
}

print("")
print("Targets (issue 18)")
print("")
for entry in targets {
    let verdict = entry.met.map { $0 ? "met" : "NOT MET" } ?? "not measured"
    print(pad(verdict, 14) + entry.what + " — goal " + entry.goal + "; measured " + entry.measured)
}
