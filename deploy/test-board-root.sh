#!/usr/bin/env bash
# Installs Vitrine's .deb into a fresh Debian bookworm root of the board's
# architecture (debootstrap; foreign programs run through qemu-user), the way an
# integrator installs it on Raspberry Pi OS Lite, and checks what a board would:
#
#   1. apt installs the package and pulls its Depends from Debian;
#   2. `vitrine --headless` inside the root renders the bundled exhibit to a PNG
#      that matches the x86 golden image;
#   3. an upgrade keeps the configuration a curator edited and the pack they
#      installed;
#   4. purge leaves nothing behind but what Debian policy keeps (apt's and
#      dpkg's own records, caches and logs).
#
#   deploy/test-board-root.sh [arm64|armhf|amd64] [PACKAGE.deb]
#
# Without a package it builds one (cmake preset of the architecture + cpack).
# The base root is made once and cached in $VITRINE_ROOTS
# (default /var/cache/vitrine-test-roots); each run works on a copy.
# Needs root (chroot, mounts), debootstrap and qemu-user-static.
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=$(pwd)

arch=${1:-arm64}
deb=${2:-}
case "$arch" in
    arm64) qemu_cpu=aarch64; preset=arm64 ;;
    armhf) qemu_cpu=arm; preset=armhf ;;
    amd64) qemu_cpu=""; preset=release ;;
    *) echo "usage: deploy/test-board-root.sh [arm64|armhf|amd64] [PACKAGE.deb]" >&2; exit 2 ;;
esac
[ "$(id -u)" -eq 0 ] || { echo "test-board-root: needs root (chroot and mounts)" >&2; exit 2; }

step() { echo "== $*"; }
fail() { echo "test-board-root: FAILED: $*" >&2; exit 1; }

# --- tools -------------------------------------------------------------------
need=()
for p in debootstrap python3; do command -v "$p" > /dev/null || need+=("$p"); done
[ -z "$qemu_cpu" ] || [ -x "/usr/libexec/qemu-binfmt/$qemu_cpu-binfmt-P" ] || need+=(qemu-user-static)
if [ ${#need[@]} -gt 0 ]; then
    step "installing ${need[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}" > /dev/null
fi
if [ -n "$qemu_cpu" ]; then
    # Foreign programs in the root (apt's maintainer scripts, the kiosk) start
    # through the kernel's binfmt_misc handler for qemu.
    binfmt=/proc/sys/fs/binfmt_misc
    [ -e "$binfmt/register" ] || mount -t binfmt_misc binfmt_misc "$binfmt"
    [ -e "$binfmt/qemu-$qemu_cpu" ] || cat "/usr/lib/binfmt.d/qemu-$qemu_cpu.conf" > "$binfmt/register"
fi

# --- the package -----------------------------------------------------------------
if [ -z "$deb" ]; then
    step "building the $arch package (preset $preset)"
    [ "$arch" = amd64 ] || bash deploy/install-deps.sh "$arch"
    cmake --preset "$preset" > /dev/null
    cmake --build --preset "$preset" -j "$(nproc)" > /dev/null
    (cd "build/$preset" && cpack -G DEB > /dev/null)
    deb=$(ls -t "build/$preset"/vitrine_*_"$arch".deb | head -n 1)
fi
deb=$(realpath "$deb")
[ "$(dpkg-deb -f "$deb" Architecture)" = "$arch" ] || fail "$deb is not an $arch package"
version=$(dpkg-deb -f "$deb" Version)
step "package $deb ($version)"
if [ "$arch" = arm64 ]; then
    # The armhf package, built against a sysroot dpkg cannot query, takes its
    # library dependencies from this file: it must say what dpkg-shlibdeps says.
    listed=$(grep -v '^#' deploy/debian/shared-library-depends)
    case "$(dpkg-deb -f "$deb" Depends)" in
        *"$listed") ;;
        *) fail "deploy/debian/shared-library-depends is out of date; dpkg-shlibdeps says: $(dpkg-deb -f "$deb" Depends)" ;;
    esac
fi

# --- a fresh root ---------------------------------------------------------------
roots=${VITRINE_ROOTS:-/var/cache/vitrine-test-roots}
# The mirror this machine's apt uses, or $VITRINE_MIRROR.
source deploy/debian-mirror.sh
mirror=$(debian_mirror bookworm) || exit 2
debian_mirror_export_proxy
base="$roots/bookworm-$arch-minbase"
if [ ! -f "$base/.complete" ]; then
    step "making the base root $base (debootstrap, once)"
    rm -rf "$base"
    mkdir -p "$roots"
    debootstrap --arch="$arch" --variant=minbase bookworm "$base" "$mirror" > "$roots/debootstrap-$arch.log" 2>&1 ||
        fail "debootstrap failed; see $roots/debootstrap-$arch.log"
    touch "$base/.complete"
fi
work=$(mktemp -d /tmp/vitrine-board-root.XXXXXX)
root="$work/root"
cleanup() {
    for m in dev/pts dev proc; do mountpoint -q "$root/$m" 2>/dev/null && umount -l "$root/$m"; done
    rm -rf "$work"
}
trap cleanup EXIT
cp -a "$base" "$root"
rm -f "$root/.complete"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

# Everything on the root's file system, minus what is not the package's business.
snapshot() {
    (cd "$root" && find . -xdev \( -path ./proc -o -path ./dev -o -path ./tmp -o -path ./run \) -prune -o -print | sort)
}
snapshot > "$work/before.txt"
for f in passwd group shadow gshadow; do cp "$root/etc/$f" "$work/$f.before"; done

# --- 1. install ---------------------------------------------------------------------
step "installing into a bookworm $arch root with apt"
cp "$deb" "$root/tmp/vitrine.deb"
in_root apt-get update -q > "$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "apt-get update in the root"; }
if ! in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends /tmp/vitrine.deb \
        >> "$work/apt.log" 2>&1; then
    tail -n 30 "$work/apt.log"
    fail "apt could not install the package"
fi
echo "   apt pulled $(grep -c '^Setting up' "$work/apt.log") packages"
for f in /usr/bin/vitrine /usr/bin/vitrine-pack /usr/share/vitrine/packs/ieng-sary/pack.toml /etc/vitrine/vitrine.toml \
         /lib/systemd/system/vitrine.service /lib/udev/rules.d/90-vitrine-usb.rules /usr/lib/vitrine/vitrine-usb-update; do
    [ -e "$root$f" ] || fail "$f is not installed"
done
in_root getent passwd vitrine > /dev/null || fail "the vitrine system user was not made"
[ -L "$root/etc/systemd/system/multi-user.target.wants/vitrine.service" ] ||
    fail "vitrine.service is not enabled: the board would not start the exhibit at boot"
owner=$(in_root stat -c %U /var/lib/vitrine)
[ "$owner" = vitrine ] || fail "/var/lib/vitrine belongs to $owner, not vitrine"

# --- 2. render the exhibit inside the root ------------------------------------------
step "rendering the bundled exhibit inside the root (vitrine --headless, as the vitrine user)"
in_root setpriv --reuid=vitrine --regid=vitrine --init-groups \
    vitrine --headless --config /etc/vitrine/vitrine.toml --size 800x480 --screenshot /tmp/exhibit.png \
    > "$work/render.log" 2>&1 || { cat "$work/render.log"; fail "vitrine --headless failed in the root"; }
grep -q "loaded /usr/share/vitrine/packs/ieng-sary (ieng-sary" "$work/render.log" ||
    { cat "$work/render.log"; fail "the kiosk did not load the bundled exhibit"; }
python3 tests/compare_png.py "$root/tmp/exhibit.png" tests/golden/explore-800x480.png ||
    fail "the exhibit rendered in the $arch root differs from tests/golden/explore-800x480.png"

# --- 3. upgrade keeps the configuration and the installed pack ----------------------
step "upgrading: the edited configuration and the installed pack stay"
sed -i 's/^# panel_inches = 24$/panel_inches = 7/' "$root/etc/vitrine/vitrine.toml"
grep -q '^panel_inches = 7$' "$root/etc/vitrine/vitrine.toml" || fail "could not edit the configuration"
# A curator's pack: the bundled one with another version, signed and installed.
in_root sh -ec '
    cd /tmp && cp -r /usr/share/vitrine/packs/ieng-sary curator-pack
    sed -i "s/^version = .*/version = \"9.9.9\"/" curator-pack/pack.toml
    vitrine-pack keygen --out museum > /dev/null
    vitrine-pack build curator-pack --key museum.key --out curator.vpk > /dev/null
    vitrine-pack install curator.vpk --root /var/lib/vitrine --pubkey museum.pub > /dev/null
    chown -R vitrine:vitrine /var/lib/vitrine' > "$work/pack.log" 2>&1 || { cat "$work/pack.log"; fail "installing a pack"; }
# The next version of the package: the same files, a higher version number.
mkdir "$work/next"
dpkg-deb -R "$deb" "$work/next/pkg"
sed -i "s/^Version: .*/Version: $version+next1/" "$work/next/pkg/DEBIAN/control"
dpkg-deb -b "$work/next/pkg" "$root/tmp/vitrine-next.deb" > /dev/null
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q /tmp/vitrine-next.deb >> "$work/apt.log" 2>&1 ||
    { tail -n 30 "$work/apt.log"; fail "the upgrade failed"; }
[ "$(in_root dpkg-query -W -f='${Version}' vitrine)" = "$version+next1" ] || fail "the upgrade did not happen"
grep -q '^panel_inches = 7$' "$root/etc/vitrine/vitrine.toml" || fail "the upgrade lost the edited configuration"
in_root vitrine-pack status --root /var/lib/vitrine | grep -q 'current: *ieng-sary 9.9.9' ||
    fail "the upgrade lost the installed pack"
in_root setpriv --reuid=vitrine --regid=vitrine --init-groups \
    vitrine --headless --config /etc/vitrine/vitrine.toml --size 800x480 --screenshot /tmp/after.png \
    > "$work/render.log" 2>&1 || { cat "$work/render.log"; fail "vitrine --headless failed after the upgrade"; }
grep -q "(ieng-sary 9.9.9)" "$work/render.log" || { cat "$work/render.log"; fail "the kiosk does not show the installed pack"; }

# --- 4. purge ----------------------------------------------------------------------
step "purging: nothing left but what Debian policy keeps"
in_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q --autoremove vitrine >> "$work/apt.log" 2>&1 ||
    { tail -n 30 "$work/apt.log"; fail "purge failed"; }
rm -f "$root/tmp/vitrine.deb" "$root/tmp/vitrine-next.deb"
snapshot > "$work/after.txt"
# dpkg's and apt's own records, caches and logs, the ld.so cache, and the backups
# adduser/deluser keep of the account files belong to the system.
kept='^\./(var/lib/(dpkg|apt)|var/cache|var/log|etc/ld\.so\.cache$|etc/(passwd|group|shadow|gshadow)-$)'
comm -13 "$work/before.txt" "$work/after.txt" | grep -Ev "$kept" > "$work/left.txt" || true
if [ -s "$work/left.txt" ]; then
    echo "left behind after purge:" >&2
    head -n 40 "$work/left.txt" >&2
    fail "purge left $(wc -l < "$work/left.txt") paths behind"
fi
for f in passwd group shadow gshadow; do
    cmp -s "$work/$f.before" "$root/etc/$f" || fail "purge left an account behind in /etc/$f: $(diff "$work/$f.before" "$root/etc/$f" | tail -n +2)"
done

echo "test-board-root: $arch package $version installs, renders the golden exhibit, upgrades keeping configuration and pack, purges clean"
