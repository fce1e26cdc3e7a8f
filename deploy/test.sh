#!/usr/bin/env bash
# Builds Vitrine and runs every test: natively with AddressSanitizer and UBSan,
# then cross-built for arm64 with the test binaries running under qemu-user.
# Installs what is missing first (deploy/install-deps.sh).
#
#   deploy/test.sh            both
#   deploy/test.sh native     only this machine's architecture
#   deploy/test.sh arm64      only the arm64 cross build
set -euo pipefail
cd "$(dirname "$0")/.."

what=${1:-all}
case "$what" in
    all) presets=(debug arm64); arches=(arm64) ;;
    native) presets=(debug); arches=() ;;
    arm64) presets=(arm64); arches=(arm64) ;;
    *) echo "usage: deploy/test.sh [all|native|arm64]" >&2; exit 2 ;;
esac

bash deploy/install-deps.sh "${arches[@]}"

jobs=$(nproc 2>/dev/null || echo 2)
for preset in "${presets[@]}"; do
    echo "== $preset: configure, build, test"
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset" -j "$jobs"
    if [ "$preset" = arm64 ]; then
        # Prove these are arm64 programs, not host ones that happen to pass.
        for bin in build/arm64/vitrine build/arm64/tests/vitrine-core-tests build/arm64/tests/vitrine-render-tests; do
            file_kind=$(od -An -t x1 -j 18 -N 2 "$bin" | tr -d ' ')
            [ "$file_kind" = "b700" ] || { echo "$bin is not an aarch64 ELF file" >&2; exit 1; }
        done
        echo "arm64 binaries are aarch64 ELF; running them under qemu-aarch64"
    fi
    ctest --preset "$preset" -j "$jobs"
done
