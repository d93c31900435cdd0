#!/usr/bin/env bash
# Runs the libFuzzer targets one after another, each for SECONDS (default 600), and fails on
# the first crash, leak, timeout or out-of-memory. Usage:
#   Tests/Fuzz/run.sh [SECONDS] [profile|arguments|csv ...]
# Builds them first (Tests/Fuzz/build.sh) unless FUZZ_NO_BUILD=1. The working corpora grow in
# .build-fuzz/corpus/<target> (seeded each run from the bundled profiles, the bad-input
# fixtures and Tests/Fuzz/seeds/); a crashing input is saved as
# .build-fuzz/artifacts/<target>-crash-<sha1>; reproduce it with
#   .build-fuzz/fuzz-<target> .build-fuzz/artifacts/<file>
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
OUT="${FUZZ_BUILD:-.build-fuzz}"
SECONDS_EACH="${1:-600}"
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(profile arguments csv)
[ "${FUZZ_NO_BUILD:-0}" = 1 ] || Tests/Fuzz/build.sh

export SCALEPLAN_PROFILES="$ROOT/profiles"
export SCALEPLAN_FUZZ_FIXTURES="$ROOT/Tests/Fixtures/bad-inputs"
# Leaks of a single-run process are not bugs here; anything else ASan finds is.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1:handle_abort=1}"
# Swift's own crash reporter would catch a trap before libFuzzer does (and can stall under it):
# leave crashes to libFuzzer, which saves the input.
export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"
mkdir -p "$OUT/artifacts"
# Absolute: the arguments target changes into a scratch folder, and libFuzzer writes new
# corpus entries and crash inputs after that.
OUT="$(cd "$OUT" && pwd)"
export SCALEPLAN_FUZZ_SCRATCH="$OUT/scratch"
rm -rf "$SCALEPLAN_FUZZ_SCRATCH" && mkdir -p "$SCALEPLAN_FUZZ_SCRATCH"

seed() {  # seed TARGET: fill the working corpus
    local corpus="$OUT/corpus/$1"
    mkdir -p "$corpus"
    case "$1" in
        profile)
            cp profiles/*.json Tests/Fuzz/seeds/profile/* "$corpus/"
            find Tests/Fixtures/bad-inputs/profiles -type f -exec cp {} "$corpus/" \; ;;
        arguments)
            cp Tests/Fuzz/seeds/arguments/* "$corpus/" ;;
        csv)
            cp Tests/Fuzz/seeds/csv/* "$corpus/"
            find Tests/Fixtures/bad-inputs/growth Tests/Fixtures/bad-inputs/observed -type f -exec cp {} "$corpus/" \; ;;
    esac
}

status=0
for target in "${TARGETS[@]}"; do
    seed "$target"
    dict=()
    [ -f "Tests/Fuzz/$target.dict" ] && dict=(-dict="Tests/Fuzz/$target.dict")
    echo "fuzz: fuzz-$target for ${SECONDS_EACH}s"
    # -timeout: an input that takes over 10 s counts as a hang; -rss_limit_mb: as a memory blow-up.
    if ! "$OUT/fuzz-$target" "${dict[@]}" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=3072 \
        -max_len=65536 -print_final_stats=1 -artifact_prefix="$OUT/artifacts/$target-" "$OUT/corpus/$target" \
        2> "$OUT/fuzz-$target.log"; then
        status=1
        echo "fuzz: fuzz-$target FAILED; the input is in $OUT/artifacts/ (log: $OUT/fuzz-$target.log)"
        grep -E 'ERROR|Fatal error|runtime failure|SUMMARY|Test unit written' "$OUT/fuzz-$target.log" | head -20 || true
        [ "${FUZZ_KEEP_GOING:-0}" = 1 ] || exit 1
    fi
    grep -E '^(stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb|Done )' "$OUT/fuzz-$target.log" || true
done
exit $status
