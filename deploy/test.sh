#!/usr/bin/env bash
# Builds Vitrine and runs every test: natively with AddressSanitizer and UBSan,
# then cross-built for arm64 and armhf with the test binaries running under
# qemu-user. Installs what is missing first (deploy/install-deps.sh).
#
#   deploy/test.sh            all three
#   deploy/test.sh native     only this machine's architecture
#   deploy/test.sh arm64      only the arm64 cross build
#   deploy/test.sh armhf      only the armhf cross build
set -euo pipefail
cd "$(dirname "$0")/.."

what=${1:-all}
case "$what" in
    all) presets=(debug arm64 armhf); arches=(arm64 armhf) ;;
    native) presets=(debug); arches=() ;;
    arm64|armhf) presets=("$what"); arches=("$what") ;;
    *) echo "usage: deploy/test.sh [all|native|arm64|armhf]" >&2; exit 2 ;;
esac

bash deploy/install-deps.sh "${arches[@]}"

jobs=$(nproc 2>/dev/null || echo 2)
for preset in "${presets[@]}"; do
    echo "== $preset: configure, build, test"
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset" -j "$jobs"
    # Prove cross-built programs are foreign ones, not host ones that happen to pass:
    # the ELF header's machine field (AArch64 0xb7, ARM 0x28).
    case "$preset" in arm64) machine=b700 ;; armhf) machine=2800 ;; *) machine="" ;; esac
    if [ -n "$machine" ]; then
        for bin in vitrine vitrine-pack tests/vitrine-core-tests tests/vitrine-render-tests tests/vitrine-platform-tests; do
            file_kind=$(od -An -t x1 -j 18 -N 2 "build/$preset/$bin" | tr -d ' ')
            [ "$file_kind" = "$machine" ] || { echo "build/$preset/$bin is not a $preset ELF file" >&2; exit 1; }
        done
        echo "$preset binaries are $preset ELF files; running them under qemu-user"
    fi
    # The golden screens through opengles2 (Mesa's EGL, llvmpipe) must run, not
    # skip, natively and under qemu-aarch64 (arm64 Mesa, installed beside the
    # native one); the armhf sysroot has no Mesa, and there they skip saying so.
    if [ "$preset" = debug ] || [ "$preset" = arm64 ]; then
        VITRINE_REQUIRE_OPENGLES2=1 ctest --preset "$preset" -j "$jobs"
    else
        ctest --preset "$preset" -j "$jobs"
    fi
done
if [ -z "${VITRINE_SOURCE_ARTICLE:-}" ]; then
    echo "note: source_article_test (every quote checked against the newspaper article the exhibit is built"
    echo "      from) is skipped without the article: VITRINE_SOURCE_ARTICLE=/path/to/phnom-penh-post-ieng-sary.txt bash deploy/test.sh"
fi
