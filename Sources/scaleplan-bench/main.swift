// `make bench`: wall-clock benchmarks of the release build, as medians of repeated runs.
//
// For each bundled profile it times (1) the whole process — `scaleplan simulate <id>
// --months 120 --format json` spawned afresh, start-up included — and (2) the simulation alone,
// in process. Timed with CLOCK_MONOTONIC; the machine is noisy, so the median is reported with
// the minimum and maximum beside it.
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

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    print("usage: scaleplan-bench <scaleplan binary> <profiles folder> [runs]")
    exit(64)
}
let binary = arguments[1]
let folder = arguments[2]
let runs = arguments.count > 3 ? Int(arguments[3]) ?? 21 : 21
let months = 120
var checksum = 0.0
func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(1, width - text.count)) }
print("scaleplan bench: \(months)-month deterministic simulate, median of \(runs) runs (min–max), release build")
print("")
print("PROFILE     PROCESS WALL (ms)        SIMULATE IN-PROCESS (ms)   MONTHS/S IN-PROCESS")
for id in ["inphrone", "million", "musician", "oviya", "sayar"] {
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
    func cell(_ values: [Double]) -> String {
        "\(NumberFormatting.fixed(median(values), decimals: 2)) (\(NumberFormatting.fixed(values.min() ?? 0, decimals: 2))–\(NumberFormatting.fixed(values.max() ?? 0, decimals: 2)))"
    }
    print(pad(id, 12) + pad(cell(wall), 25) + pad(cell(inProcess), 27) + NumberFormatting.grouped(Double(months) / (m / 1000)))
}

if !checksum.isFinite { print("(non-finite checksum)") }

// Monte Carlo: 10,000 trials × 120 months per profile, all threads vs one, and 100,000 trials.
let mcRuns = max(3, runs / 3)
let cores = sysconf(Int32(_SC_NPROCESSORS_ONLN))
print("")
print("Monte Carlo, \(months) months, median of \(mcRuns) runs, all \(cores) threads unless noted (release build)")
print("")
print("PROFILE     10K TRIALS (s)  TRIAL-MONTHS/S  PEAK RSS 10K  1 THREAD (s)  SPEEDUP  100K (s)  100K/10K  PEAK RSS 100K")
for id in ["inphrone", "million", "musician", "oviya", "sayar"] {
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
    print(
        pad(id, 12) + pad(NumberFormatting.fixed(t10, decimals: 3), 16)
            + pad(NumberFormatting.grouped(Double(10_000 * months) / t10), 16)
            + pad(NumberFormatting.fixed(Double(rss10) / 1024, decimals: 1) + " MB", 14)
            + pad(NumberFormatting.fixed(t1, decimals: 3), 14) + pad(NumberFormatting.fixed(t1 / t10, decimals: 2) + "x", 9)
            + pad(NumberFormatting.fixed(t100, decimals: 3), 10) + pad(NumberFormatting.fixed(t100 / t10, decimals: 2), 10)
            + NumberFormatting.fixed(Double(rss100) / 1024, decimals: 1) + " MB")
}

// Sensitivity at the default sample size: the whole process, the default target (the horizon's
// monthly cost) and total spend, interleaved.
print("")
print("Sensitivity, default sample size, median of \(mcRuns) runs, all \(cores) threads (release build)")
print("")
print("PROFILE     COST TARGET (s)  SPEND TARGET (s)  PEAK RSS")
for id in ["inphrone", "million", "musician", "oviya", "sayar"] {
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
    print(
        pad(id, 12) + pad(NumberFormatting.fixed(median(cost.map(\.seconds)), decimals: 3), 17)
            + pad(NumberFormatting.fixed(median(spend.map(\.seconds)), decimals: 3), 18)
            + NumberFormatting.fixed(Double(rss) / 1024, decimals: 1) + " MB")
}

// Optimize over 120 months: deterministic and with 10,000 trials (--allow-gaps, since under
// trials some bundled profiles have months no schedule carries in 90% of them), whole process,
// interleaved.
print("")
print("Optimize, \(months) months, median of \(mcRuns) runs, all \(cores) threads (release build)")
print("")
print("PROFILE     DETERMINISTIC (s)  10K TRIALS (s)  PEAK RSS 10K")
for id in ["inphrone", "million", "musician", "oviya", "sayar"] {
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
    print(
        pad(id, 12) + pad(NumberFormatting.fixed(median(deterministic.map(\.seconds)), decimals: 3), 19)
            + pad(NumberFormatting.fixed(median(sampled.map(\.seconds)), decimals: 3), 16)
            + NumberFormatting.fixed(Double(sampled.map(\.peakKiB).max() ?? 0) / 1024, decimals: 1) + " MB")
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
