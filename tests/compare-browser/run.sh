#!/usr/bin/env bash
# Vitrine vs the same exhibit in Chromium (kiosk mode) with TimelineJS, on this
# machine, in one go: cold start, PSS, idle CPU, disk footprint, and Vitrine's
# instruction counts (x86-64 and arm64 under qemu-user). Prints a Markdown table.
#
#   tests/compare-browser/run.sh            # 3 launches of each, 10 s idle windows
#   RUNS=5 IDLE_S=20 tests/compare-browser/run.sh
#
# Needs (Debian): chromium xvfb qemu-user build-essential npm python3 >= 3.11,
# util-linux (setpriv), and the release build (built here when missing).
# Setup fetches @knight-lab/timelinejs from the npm registry once, into $WORK;
# the measurement itself uses nothing from the network (Chromium is kept off it).
# Idempotent: everything goes to $WORK (default /tmp/vitrine-compare-browser).
# Nothing in the repository is written except build/release when it is missing.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${VITRINE_COMPARE_WORK:-/tmp/vitrine-compare-browser}
DISPLAY_NUM=${VITRINE_COMPARE_DISPLAY:-99}
RUNS=${RUNS:-3}
IDLE_S=${IDLE_S:-10}
SIZE=${SIZE:-1920x1080}
TIMELINEJS_VERSION=${TIMELINEJS_VERSION:-3.9.11}
RUN_AS=${RUN_AS:-65534}        # nobody: Chromium's sandbox on, as a kiosk user would have it

die() { echo "run.sh: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || die "missing '$1' (Debian package: $2)"; }

need Xvfb xvfb
need chromium chromium
need npm npm
need python3 python3
need cc build-essential
need qemu-aarch64 qemu-user
need qemu-x86_64 qemu-user
need setpriv util-linux
need apt-cache apt
need dpkg-deb dpkg
need cmake cmake
python3 -c 'import sys, tomllib; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
    || die "python3 >= 3.11 needed (tomllib)"

mkdir -p "$WORK"
chmod 755 "$WORK"

# --- the release build -------------------------------------------------------
VITRINE="$ROOT/build/release/vitrine"
if [[ ! -x "$VITRINE" ]]; then
    echo "run.sh: building release (missing $VITRINE)" >&2
    (cd "$ROOT" && cmake --preset release && cmake --build --preset release -j1) >&2
fi
DEB=$(ls "$ROOT"/build/release/vitrine_*_amd64.deb 2>/dev/null | head -1 || true)
VITRINE_ARM64="$ROOT/build/arm64/vitrine"

# --- TimelineJS from the npm registry (once) --------------------------------
TL="$WORK/npm/node_modules/@knight-lab/timelinejs"
if [[ ! -f "$TL/package.json" ]] || \
   [[ $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "$TL/package.json") != "$TIMELINEJS_VERSION" ]]; then
    mkdir -p "$WORK/npm"
    (cd "$WORK/npm" && npm install --no-audit --no-fund --silent "@knight-lab/timelinejs@$TIMELINEJS_VERSION") >&2 \
        || die "npm install @knight-lab/timelinejs@$TIMELINEJS_VERSION failed"
fi
TL_VERSION=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "$TL/package.json")

# --- the page, from the bundled exhibit --------------------------------------
rm -rf "$WORK/site"
python3 "$HERE/pack_to_timeline.py" "$ROOT/assets/ieng-sary" "$TL/dist" "$WORK/site" >&2
# No /etc/vitrine/vitrine.toml influence; a state folder of the run's own, where
# the uncounted first launch fills the photo cache as a board's first start does.
rm -rf "$WORK/state"
mkdir -p "$WORK/state"
chown "$RUN_AS" "$WORK/state"
printf '[state]\ndir = "%s"\n' "$WORK/state" > "$WORK/kiosk.toml"
: > "$WORK/chromium.log"
chmod -R a+rX "$WORK"

# --- instruction-count plugin for qemu-user -----------------------------------
PLUGIN="$WORK/insn_count.so"
cc -O2 -shared -fPIC -o "$PLUGIN" "$HERE/insn_count.c" || die "cannot build the qemu plugin"

# --- Xvfb ---------------------------------------------------------------------
XVFB_PID=
cleanup() {
    # measure.py kills what it starts, also on SIGINT/SIGTERM
    if [[ -n "$XVFB_PID" ]]; then
        kill -TERM "$XVFB_PID" 2>/dev/null || true
        wait "$XVFB_PID" 2>/dev/null || true
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ -e /tmp/.X11-unix/X$DISPLAY_NUM || -e /tmp/.X$DISPLAY_NUM-lock ]]; then
    die "display :$DISPLAY_NUM is in use (set VITRINE_COMPARE_DISPLAY=N for another)"
fi
Xvfb ":$DISPLAY_NUM" -screen 0 "${SIZE}x24" -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB_PID=$!
for _ in $(seq 100); do
    [[ -S /tmp/.X11-unix/X$DISPLAY_NUM ]] && break
    kill -0 "$XVFB_PID" 2>/dev/null || die "Xvfb exited: $(cat "$WORK/xvfb.log")"
    sleep 0.05
done
[[ -S /tmp/.X11-unix/X$DISPLAY_NUM ]] || die "Xvfb did not come up on :$DISPLAY_NUM"
export DISPLAY=":$DISPLAY_NUM"

# --- what is being compared --------------------------------------------------
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
DIRTY=$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo ", work tree has uncommitted changes" || true)
BUILT=$(date -u -r "$VITRINE" '+%Y-%m-%d %H:%M UTC')
CHROMIUM_VERSION=$(chromium --version 2>/dev/null | head -1)
CHROMIUM_PKG=$(dpkg-query -W -f '${Version}' chromium 2>/dev/null || echo '?')
GL=$(python3 - "$VITRINE" <<'EOF' 2>/dev/null || true
import subprocess, sys
# what Mesa gives an X client here: the same software rasteriser for both sides
try:
    out = subprocess.run(["glxinfo", "-B"], capture_output=True, text=True, timeout=10).stdout
    print(next(l.split(":", 1)[1].strip() for l in out.splitlines() if "OpenGL renderer" in l))
except Exception:
    print("")
EOF
)

python3 "$HERE/measure.py" \
    --vitrine "$VITRINE" --vitrine-arm64 "$VITRINE_ARM64" ${DEB:+--deb "$DEB"} \
    --pack "$ROOT/assets/ieng-sary" --config "$WORK/kiosk.toml" \
    --site "$WORK/site" --tl-dist "$TL/dist" \
    --xvfb-pid "$XVFB_PID" --work "$WORK" --size "$SIZE" \
    --runs "$RUNS" --idle "$IDLE_S" --uid "$RUN_AS" --plugin "$PLUGIN" \
    --meta "date=$(date -u '+%Y-%m-%d %H:%M UTC')" \
    --meta "machine=$(nproc) cores (nproc), $(free -g | awk '/Mem:/{print $2}') GiB" \
    --meta "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')" \
    --meta "os=$(. /etc/os-release; echo "$PRETTY_NAME"), kernel $(uname -r)" \
    --meta "chromium=$CHROMIUM_VERSION (Debian package chromium $CHROMIUM_PKG), --kiosk, sandbox on, offline flags (see run.sh / measure.py)" \
    --meta "timelinejs=@knight-lab/timelinejs $TL_VERSION (npm), served from a loopback HTTP server in the harness" \
    --meta "vitrine=commit $COMMIT$DIRTY; binary built $BUILT; Release; --windowed $SIZE" \
    --meta "display=Xvfb :$DISPLAY_NUM ${SIZE}x24, one server for both" \
    ${GL:+--meta "gl=$GL"} \
    > "$WORK/results.md" || die "measure.py failed (exit $?)"
cat "$WORK/results.md"
echo "run.sh: table also in $WORK/results.md" >&2
