#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) in build/fuzz with clang, AddressSanitizer
# and UBSan, and runs each one for SECONDS (default 60) on a scratch copy of its seed
# corpus. Prints, per target, the executions, execs/s, the coverage gained over the
# seeds and whether it crashed; exits non-zero on any crash, naming the crash file.
#
#   tests/fuzz/run-fuzzers.sh                      every target, 60 s each
#   tests/fuzz/run-fuzzers.sh 300 fuzz_image       one target, five minutes
#   tests/fuzz/run-fuzzers.sh --replay [target...] run the seeds and tests/fuzz/regressions
#                                                  once each (no fuzzing): a regression test
#
# Environment: FUZZ_JOBS (build jobs, default 1), FUZZ_KEEP_CORPUS=1 (keep growing the
# scratch corpus of earlier runs instead of starting again from the seeds),
# FUZZ_ARGS (extra libFuzzer options).
# The scratch corpora, logs and crash files go under build/fuzz/run/; the committed
# seeds in tests/fuzz/corpus never change.
set -euo pipefail

cd "$(dirname "$0")/../.."
root=$PWD
fuzz_dir=tests/fuzz
build=build/fuzz
all_targets=(fuzz_pack_manifest fuzz_image fuzz_pack_archive fuzz_timelinejs fuzz_replay)

replay=0
seconds=60
if [ "${1:-}" = "--replay" ]; then
    replay=1
    shift
elif [[ "${1:-}" =~ ^[0-9]+$ ]]; then
    seconds=$1
    shift
fi
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")
for t in "${targets[@]}"; do
    [[ " ${all_targets[*]} " == *" $t "* ]] || { echo "run-fuzzers: unknown target '$t' (${all_targets[*]})" >&2; exit 2; }
done

# --- What the build needs: the project's packages, then clang and libFuzzer. ---
bash deploy/install-deps.sh fuzz
missing=()
command -v clang++ >/dev/null || missing+=("clang (clang++)")
if command -v clang++ >/dev/null; then
    probe=$(mktemp -d)
    printf '#include <cstdint>\n#include <cstddef>\nextern "C" int LLVMFuzzerTestOneInput(const uint8_t*, size_t) { return 0; }\n' > "$probe/p.cpp"
    if ! clang++ -fsanitize=fuzzer,address,undefined "$probe/p.cpp" -o "$probe/p" 2>"$probe/err"; then
        version=$(clang++ --version | sed -n 's/.*clang version \([0-9]*\).*/\1/p' | head -1)
        missing+=("libclang-rt-${version:-14}-dev (libFuzzer and the sanitizer runtimes for clang: $(head -1 "$probe/err"))")
    fi
    rm -rf "$probe"
fi
command -v pkg-config >/dev/null && pkg-config --exists zlib || missing+=("zlib1g-dev")
if [ ${#missing[@]} -gt 0 ]; then
    echo "run-fuzzers: missing: ${missing[*]}" >&2
    echo "run-fuzzers: install with: sudo apt-get install ${missing[*]%% *}" >&2
    exit 2
fi

# --- Build (clang; the sanitizer flags cover the kiosk and platform code too). ---
cmake -S . -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g -O1" \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="" -DBUILD_TESTING=OFF -DVITRINE_WERROR=OFF -DVITRINE_FUZZ=ON >/dev/null
cmake --build "$build" -j "${FUZZ_JOBS:-1}" --target "${targets[@]}"

export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
run_root="$build/run"
mkdir -p "$run_root"

failed=()
summary=()
for t in "${targets[@]}"; do
    bin="$root/$build/tests/fuzz/$t"
    dict=()
    [ -f "$fuzz_dir/$t.dict" ] && dict=(-dict="$root/$fuzz_dir/$t.dict")
    log="$root/$run_root/$t.log"
    artifacts="$root/$run_root/$t-artifacts/"
    mkdir -p "$artifacts"

    if [ "$replay" = 1 ]; then
        inputs=("$fuzz_dir/corpus/$t"/*)
        [ -d "$fuzz_dir/regressions/$t" ] && inputs+=("$fuzz_dir/regressions/$t"/*)
        echo "== $t: replaying ${#inputs[@]} inputs"
        if "$bin" -artifact_prefix="$artifacts" "${inputs[@]}" >"$log" 2>&1; then
            summary+=("$t: ${#inputs[@]} inputs replayed, no crash")
        else
            summary+=("$t: CRASH replaying (log $log)")
            failed+=("$t")
            grep -E "^(==[0-9]+==ERROR|SUMMARY|Running: )|runtime error|invariant|fuzz harness" "$log" | tail -5 || true
        fi
        continue
    fi

    corpus="$root/$run_root/$t-corpus"
    [ "${FUZZ_KEEP_CORPUS:-0}" = 1 ] || rm -rf "$corpus"
    mkdir -p "$corpus"
    cp -n "$fuzz_dir/corpus/$t"/* "$corpus/"
    echo "== $t: fuzzing for ${seconds}s (corpus $corpus, log $log)"
    status=0
    (cd "$root/$run_root" && "$bin" -max_total_time="$seconds" -print_final_stats=1 -timeout=20 -rss_limit_mb=2048 \
        -artifact_prefix="$artifacts" "${dict[@]}" ${FUZZ_ARGS:-} "$corpus") >"$log" 2>&1 || status=$?

    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    new_units=$(sed -n 's/^stat::new_units_added: *//p' "$log" | tail -1)
    rate=$(grep -oE 'exec/s: [0-9]+' "$log" | tail -1 | awk '{print $2}')
    cov0=$(grep -E 'INITED cov: ' "$log" | head -1 | sed -E 's/.*cov: ([0-9]+) ft: ([0-9]+).*/\1 \2/')
    cov1=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -1 | sed -E 's/.*cov: ([0-9]+) ft: ([0-9]+).*/\1 \2/')
    read -r c0 f0 <<<"${cov0:-0 0}"
    read -r c1 f1 <<<"${cov1:-$c0 $f0}"
    crash=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
    line="$t: ${execs:-?} executions, ${rate:-?} execs/s, coverage $c0 -> $c1 edges (+$((c1 - c0))), features $f0 -> $f1, ${new_units:-0} new inputs"
    if [ "$status" -ne 0 ] || [ -n "$crash" ]; then
        line+=", CRASH: ${crash:-exit status $status} (log $log)"
        failed+=("$t")
        grep -E "^==[0-9]+==ERROR|^SUMMARY|runtime error|invariant|harness|not valid TOML|broken at" "$log" | head -5 || true
    else
        line+=", no crash"
    fi
    echo "$line"
    summary+=("$line")
done

echo
echo "== Summary"
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
    echo "run-fuzzers: crashes in ${failed[*]}; reproduce with: $build/tests/fuzz/TARGET CRASH-FILE" >&2
    exit 1
fi
