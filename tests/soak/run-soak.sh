#!/bin/sh
# The soak test (issue 6, item 4): builds vitrine-soak in build/release, runs the
# long soak (default 1 000 000 frames, about 4.6 hours of virtual time at 60 fps)
# and then a shorter one under valgrind's leak checker.
#
#   tests/soak/run-soak.sh [FRAMES] [VALGRIND_FRAMES]
#
# Environment: SOAK_SEED (default 1), SOAK_SIZE (default 1280x800).
# Exit status: non-zero when either run fails (a check, resident memory growth
# over 1024 KB after the warm-up, or a valgrind error or leak).
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
frames=${1:-1000000}
valgrind_frames=${2:-20000}
seed=${SOAK_SEED:-1}
size=${SOAK_SIZE:-1280x800}
build="$here/build/release"
soak="$build/tests/vitrine-soak"

echo "== building vitrine-soak (Release, $build)"
cmake --build "$build" --target vitrine-soak -j1

echo "== long soak: $frames frames, seed $seed, $size"
status=0
"$soak" --frames "$frames" --seed "$seed" --size "$size" || status=$?

if command -v valgrind >/dev/null 2>&1; then
    echo "== valgrind --leak-check=full: $valgrind_frames frames, seed $seed"
    start=$(date +%s)
    valgrind --leak-check=full --error-exitcode=1 --errors-for-leak-kinds=definite,indirect \
        "$soak" --frames "$valgrind_frames" --seed "$seed" --size "$size" --max-rss-growth-kb -1 || status=$?
    echo "valgrind run: $(( $(date +%s) - start )) s"
else
    echo "valgrind is not installed (apt-get install valgrind): leak check skipped" >&2
    status=1
fi
[ "$status" -eq 0 ] && echo "run-soak: ok" || echo "run-soak: FAILED ($status)"
exit "$status"
