// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "scaleplan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "scaleplan", targets: ["scaleplan"]),
        .library(name: "ScalePlanKit", targets: ["ScalePlanKit"]),
    ],
    targets: [
        // All the logic: JSON with source locations, the profile language, the expression
        // compiler and (later) the engine and the report renderers.
        .target(name: "ScalePlanKit"),
        // The command line: a hand-written argument parser, one file per command, help and
        // exit codes. `run(arguments:…)` returns a status and never calls `exit`.
        .target(name: "ScalePlanCLI", dependencies: ["ScalePlanKit"]),
        // Stops a release binary built for x86-64-v3 (`make release`) with a clear message on a
        // CPU without AVX2 and FMA, before any Swift code runs.
        .target(name: "CPUCheck"),
        .executableTarget(name: "scaleplan", dependencies: ["ScalePlanCLI", "ScalePlanKit", "CPUCheck"]),
        // `make bench`: wall-clock medians of the release build.
        .executableTarget(name: "scaleplan-bench", dependencies: ["ScalePlanKit"]),
        .testTarget(name: "ScalePlanKitTests", dependencies: ["ScalePlanKit"]),
        .testTarget(name: "ScalePlanCLITests", dependencies: ["ScalePlanCLI", "ScalePlanKit"]),
    ],
    swiftLanguageModes: [.v6]
)
