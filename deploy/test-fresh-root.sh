#!/usr/bin/env bash
# The README's quick start as a newcomer meets it: a fresh Debian bookworm root
# (debootstrap minbase, amd64, made now and thrown away after), a clone of this
# commit in it with nothing beside it (no ../shared), and there
#
#   1. deploy/install-deps.sh arm64 armhf   every architecture's dependencies
#   2. bash deploy/run.sh                   under xvfb-run: after 10 s the kiosk is
#                                           alive and the screen shows the exhibit
#                                           (compared with the golden image)
#   3. bash deploy/test.sh native           the native suite, the article check
#                                           reported as skipped
#
# Each step's time is printed. Nothing from an earlier run is used: the root, its
# apt lists and every build are made during this one.
#
#   deploy/test-fresh-root.sh          needs root (debootstrap, chroot, mounts)
#
# Environment: VITRINE_MIRROR (see deploy/debian-mirror.sh), VITRINE_KEEP=1 to
# leave the root for a look, TMPDIR for where it is made (default /var/tmp).
set -euo pipefail

# Mounts live in a private mount namespace: however the test ends, the kernel
# takes them down with it.
if [ "${VITRINE_FRESH_NS:-}" != 1 ]; then
    [ "$(id -u)" -eq 0 ] || { echo "test-fresh-root: needs root (debootstrap, chroot, mounts)" >&2; exit 2; }
    export VITRINE_FRESH_NS=1
    exec unshare --mount --propagation private bash "$0" "$@"
fi

cd "$(dirname "$0")/.."
repo=$(pwd)
started=$SECONDS
step_started=-1
step() {
    [ "$step_started" -lt 0 ] || echo "   ($((SECONDS - step_started)) s)"
    step_started=$SECONDS
    echo "== fresh root: $*"
}
fail() { echo "test-fresh-root: FAILED: $*" >&2; exit 1; }

for tool in debootstrap git python3; do
    command -v "$tool" > /dev/null || fail "$tool is missing (deploy/install-deps.sh proofs installs it)"
done
source deploy/debian-mirror.sh
mirror=$(debian_mirror bookworm) || exit 2
security=$(debian_mirror bookworm-security 2> /dev/null) || security=""
debian_mirror_export_proxy

work=$(mktemp -d "${TMPDIR:-/var/tmp}/vitrine-fresh-root.XXXXXX")
root=$work/root
cleanup() {
    for m in dev/shm dev/pts dev sys proc; do mountpoint -q "$root/$m" 2> /dev/null && umount -l "$root/$m"; done
    if [ "${VITRINE_KEEP:-}" = 1 ]; then echo "test-fresh-root: the root is kept in $root"; else rm -rf "$work"; fi
}
trap cleanup EXIT

step "debootstrap --variant=minbase bookworm from $mirror"
debootstrap --variant=minbase bookworm "$root" "$mirror" > "$work/debootstrap.log" 2>&1 ||
    { tail -n 20 "$work/debootstrap.log"; fail "debootstrap; see $work/debootstrap.log"; }
# The root's apt: this machine's mirror, its updates and security suites, and
# its Acquire settings (a proxy, a snapshot mirror's validity dates).
{
    echo "deb $mirror bookworm main"
    echo "deb $mirror bookworm-updates main"
    [ -z "$security" ] || echo "deb $security bookworm-security main"
} > "$root/etc/apt/sources.list"
apt-config dump Acquire > "$root/etc/apt/apt.conf.d/00this-machine"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
mount -t sysfs sys "$root/sys"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
mount -t tmpfs shm "$root/dev/shm"
in_root() {
    chroot "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
        LANG=C.UTF-8 TERM=dumb "$@"
}

step "a clone of $(git rev-parse --short HEAD), on its own"
git clone --quiet --no-hardlinks "$repo" "$root/root/vitrine"
git -C "$root/root/vitrine" checkout --quiet "$(git rev-parse HEAD)"
[ ! -e "$root/root/shared" ] || fail "the clone must not have ../shared beside it"

step "bash deploy/install-deps.sh arm64 armhf"
in_root bash -c 'cd /root/vitrine && bash deploy/install-deps.sh arm64 armhf' > "$work/install-deps.log" 2>&1 ||
    { tail -n 40 "$work/install-deps.log"; fail "deploy/install-deps.sh arm64 armhf in a fresh root"; }
tail -n 1 "$work/install-deps.log"
in_root bash -c 'cd /root/vitrine && bash deploy/install-deps.sh arm64 armhf' > "$work/install-deps-again.log" 2>&1 ||
    fail "deploy/install-deps.sh a second time"
grep -q "installing" "$work/install-deps-again.log" && fail "a second deploy/install-deps.sh still installs: $(grep installing "$work/install-deps-again.log")"
echo "   a second run installs nothing"

step "bash deploy/run.sh under xvfb-run (the build, then the kiosk for 10 s)"
# The display and the screenshot are this test's, not the quick start's.
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends xvfb xauth x11-apps netpbm \
    > "$work/xvfb-install.log" 2>&1 || { tail -n 20 "$work/xvfb-install.log"; fail "installing xvfb"; }
cat > "$root/root/quick-start-run.sh" << 'EOF'
# Runs the README's run command on the virtual display, waits for the window,
# gives the kiosk 10 s, then checks it is alive and takes a screenshot.
cd /root/vitrine
bash deploy/run.sh > /root/run.log 2>&1 &
runner=$!
for _ in $(seq 1800); do  # the release build comes first: up to 30 minutes
    grep -q '^vitrine: display ' /root/run.log && break
    kill -0 "$runner" 2> /dev/null || { echo "deploy/run.sh ended before the window came up"; exit 1; }
    sleep 1
done
grep -q '^vitrine: display ' /root/run.log || { echo "no window after 30 minutes"; exit 1; }
sleep 10
kill -0 "$runner" 2> /dev/null || { echo "the kiosk did not live 10 s"; exit 1; }
xwd -root -silent | xwdtopnm 2> /dev/null | pnmtopng > /root/screen.png
kill -TERM "$runner"
wait "$runner"
echo "the kiosk exited with status $? on SIGTERM"
EOF
in_root xvfb-run -a -s "-screen 0 1280x800x24" bash /root/quick-start-run.sh > "$work/quick-start-run.log" 2>&1 ||
    { cat "$work/quick-start-run.log"; tail -n 30 "$root/root/run.log"; fail "the README's run command"; }
grep -E '^vitrine: (loaded|display)' "$root/root/run.log" | sed 's/^/   /'
grep -q "^vitrine: loaded /root/vitrine/assets/ieng-sary (ieng-sary " "$root/root/run.log" ||
    fail "the kiosk did not load the bundled exhibit"
# SDL draws with OpenGL (Mesa's llvmpipe) under Xvfb, the golden images with its
# software renderer: edges differ in a few pixels (0.4 % seen), a wrong screen in most.
python3 tests/compare_png.py "$root/root/screen.png" tests/golden/explore-1280x800.png 0.02 ||
    { cp "$root/root/screen.png" "$work/../vitrine-fresh-root-screen.png" 2> /dev/null || true
      fail "the screen after 10 s is not the exhibit's Explore (kept in ${TMPDIR:-/var/tmp}/vitrine-fresh-root-screen.png)"; }
echo "   the screen after 10 s matches tests/golden/explore-1280x800.png"

step "bash deploy/test.sh native"
if ! in_root bash -c 'cd /root/vitrine && bash deploy/test.sh native' > "$work/test.log" 2>&1; then
    tail -n 60 "$work/test.log"
    fail "the README's test command (native) in a fresh root"
fi
grep -E "tests passed|tests failed|Skipped|not run" "$work/test.log" | sed 's/^/   /'
grep -q "source_article_test (Skipped)" "$work/test.log" || fail "the article check was not reported as skipped"

step "done"
echo "test-fresh-root: the quick start works on a fresh bookworm root ($((SECONDS - started)) s in all)"
