#!/usr/bin/env bash
# Builds the libFuzzer targets into .build-fuzz/ (or $FUZZ_BUILD):
#   fuzz-profile    profile bytes → validate → simulate, capacity, Monte Carlo, renderers
#   fuzz-arguments  a command line → ScalePlan.run (no files written)
#   fuzz-csv        growth CSV, --growth spec and observed values (JSON or CSV)
#
# SwiftPM cannot add -sanitize=fuzzer to one product, so this calls swiftc directly:
#   1. ScalePlanKit as a static library and module, instrumented (fuzzer coverage + ASan);
#   2. ScalePlanCLI the same, against that module;
#   3. each entry point (Tests/Fuzz/Fuzz*.swift, -parse-as-library, which defines
#      LLVMFuzzerTestOneInput) linked with both libraries and libFuzzer's main.
# Works with the Swift 6.3 toolchain on Linux (the fuzzer runtime ships in
# usr/lib/swift/clang/lib/linux/libclang_rt.fuzzer-x86_64.a).
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT="${FUZZ_BUILD:-.build-fuzz}"
# The sources to instrument (another checkout's Sources/ folder may be given).
SOURCES="${FUZZ_SOURCES:-Sources}"
SWIFTC="${SWIFTC:-swiftc}"
FLAGS=(-O -g -sanitize=fuzzer,address -parse-as-library -swift-version 6)
mkdir -p "$OUT"

# Sorted so the module is the same whatever the file system's order.
mapfile -t KIT < <(find "$SOURCES/ScalePlanKit" -name '*.swift' | LC_ALL=C sort)
mapfile -t CLI < <(find "$SOURCES/ScalePlanCLI" -name '*.swift' | LC_ALL=C sort)

echo "fuzz: building ScalePlanKit (${#KIT[@]} files)"
"$SWIFTC" "${FLAGS[@]}" -module-name ScalePlanKit -emit-library -static -emit-module \
    -emit-module-path "$OUT/ScalePlanKit.swiftmodule" -o "$OUT/libScalePlanKit.a" "${KIT[@]}"
echo "fuzz: building ScalePlanCLI (${#CLI[@]} files)"
"$SWIFTC" "${FLAGS[@]}" -module-name ScalePlanCLI -emit-library -static -emit-module -I "$OUT" \
    -emit-module-path "$OUT/ScalePlanCLI.swiftmodule" -o "$OUT/libScalePlanCLI.a" "${CLI[@]}"

for pair in profile:FuzzProfile arguments:FuzzArguments csv:FuzzCSV; do
    target="${pair%%:*}"
    echo "fuzz: linking fuzz-$target"
    "$SWIFTC" "${FLAGS[@]}" -use-ld=lld -module-name "${pair#*:}" -I "$OUT" "Tests/Fuzz/${pair#*:}.swift" \
        "$OUT/libScalePlanCLI.a" "$OUT/libScalePlanKit.a" -o "$OUT/fuzz-$target"
done
echo "fuzz: built $OUT/fuzz-profile $OUT/fuzz-arguments $OUT/fuzz-csv"
