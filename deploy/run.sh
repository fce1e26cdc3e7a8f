#!/usr/bin/env bash
# Installs what is missing, builds the release preset, and runs the kiosk on the
# bundled exhibit. Arguments go to the kiosk (default: a 1280x800 window).
set -euo pipefail
cd "$(dirname "$0")/.."
bash deploy/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc 2>/dev/null || echo 2)"
if [ $# -eq 0 ]; then set -- --windowed 1280x800; fi
exec build/release/vitrine "$@"
