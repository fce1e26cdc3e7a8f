#!/bin/bash
# A real rollout with deploy/fleet/rollout.yml, on this machine (root, Debian 12
# amd64): three Debian 12 kiosks, each a debootstrapped root running its own sshd
# on 127.0.0.1, reached over ssh like a board. Each gets the old release first
# (the same playbook, fresh-install path), then the rollout of a new one:
#
#   kiosk-a  good: must end on the new package and pack, healthy
#   kiosk-b  pinned by its configuration to a fixed exhibit folder, so after the
#            rollout it still shows the old exhibit: its health check must fail,
#            and it must be rolled back to the old package and pack
#   kiosk-c  good, after kiosk-b: must not be touched at all
#
#   bash deploy/fleet/test-fleet.sh
#
# Environment:
#   VITRINE_DEB=path.deb   test this amd64 package instead of building one
#   VITRINE_ROOTS=DIR      cache of the debootstrapped base root and home of the
#                          kiosks' roots while the test runs (/var/cache/vitrine-test-roots)
#   VITRINE_MIRROR=URL     Debian mirror (default: the one this machine's apt uses,
#                          see deploy/debian-mirror.sh)
#   VITRINE_FLEET_PORT=N   first sshd port on 127.0.0.1 (22201; three are used)
#   VITRINE_KEEP=1         leave the kiosks' roots after the test, for a look
#
# Exit 0 only when every expectation holds.
set -euo pipefail

# Mounts and sshd processes live in a private mount and PID namespace: however
# the test ends, even killed, the kernel takes them down with it. The trap below
# still cleans up in order.
if [ "${VITRINE_FLEET_NS:-}" != 1 ]; then
    [ "$(id -u)" = 0 ] || { echo "test-fleet.sh: run as root (debootstrap, chroot, mount)" >&2; exit 2; }
    export VITRINE_FLEET_NS=1
    unshare --mount --propagation private --pid --fork --kill-child --mount-proc bash "$0" "$@" &
    ns=$!
    # unshare leaves INT and TERM to its child, and bash runs its trap only when
    # the command in progress ends: stop every process of the test's namespace,
    # so the test inside goes on to its cleanup at once.
    trap 'inner=$(pgrep -P "$ns") && pkill -TERM --ns "$inner" --nslist pid' INT TERM
    while :; do
        wait "$ns" && exit 0
        status=$?
        kill -0 "$ns" 2> /dev/null || exit "$status"
    done
fi

started=$SECONDS
repo=$(cd "$(dirname "$0")/../.." && pwd)
fleet=$repo/deploy/fleet
work=$repo/build/fleet/test
roots=${VITRINE_ROOTS:-/var/cache/vitrine-test-roots}
source "$repo/deploy/debian-mirror.sh"
mirror=$(debian_mirror bookworm) || exit 2
debian_mirror_export_proxy
first_port=${VITRINE_FLEET_PORT:-22201}
base=$roots/bookworm-amd64-fleet-base
run=$roots/fleet-kiosks
kiosks=(kiosk-a kiosk-b kiosk-c)

step() { printf '\n=== %s (%ds)\n' "$*" $((SECONDS - started)); }
die() { echo "test-fleet.sh: $*" >&2; exit 1; }

for tool in debootstrap ansible-playbook ssh ssh-keygen dpkg-deb chroot; do
    command -v "$tool" > /dev/null || die "$tool is missing (apt-get install debootstrap ansible-core openssh-client)"
done

# Refuses to delete a root while anything is mounted under it.
remove_root() {
    local dir=$1
    [ -e "$dir" ] || return 0
    if awk -v d="$dir/" 'index($5 "/", d) == 1 { found = 1 } END { exit !found }' /proc/self/mountinfo; then
        die "$dir still has mounts; not removing it"
    fi
    rm -rf "$dir"
}

mkdir -p "$run"
# One test at a time: the ports and the roots are shared.
exec 9> "$roots/.fleet.lock"
flock -n 9 || die "another test-fleet.sh is running (lock $roots/.fleet.lock)"

# What this run started, mounted and made, for the cleanup to undo (and nothing else).
sshd_pidfiles=() mounts=() made_roots=()
cleanup() {
    local status=$? f m r
    set +e
    for f in "${sshd_pidfiles[@]}"; do [ -f "$f" ] && kill "$(cat "$f" 2> /dev/null)" 2> /dev/null; done
    for m in "${mounts[@]}"; do mountpoint -q "$m" && umount "$m"; done
    if [ "${VITRINE_KEEP:-}" = 1 ]; then
        echo "kept the kiosks' roots in $run"
    else
        for r in "${made_roots[@]}"; do remove_root "$r"; done
    fi
    exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -n "${VITRINE_DEB:-}" ]; then
    given_deb=$(realpath "$VITRINE_DEB")
    case $given_deb in "$work"/*) die "VITRINE_DEB must not be inside $work (the test empties it)" ;; esac
fi
rm -rf "$work"
mkdir -p "$work"

# --- The old and the new package -------------------------------------------
if [ -n "${VITRINE_DEB:-}" ]; then
    step "Using $given_deb"
    old_deb=$given_deb
else
    step "Building the amd64 package (build/fleet)"
    {
        cmake -S "$repo" -B "$repo/build/fleet" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
            -DBUILD_TESTING=OFF &&
            cmake --build "$repo/build/fleet" -j2 &&
            (cd "$repo/build/fleet" && cpack -G DEB)
    } > "$work/build.log" 2>&1 || { tail -30 "$work/build.log"; die "the build failed; see $work/build.log"; }
    old_deb=$(ls -t "$repo"/build/fleet/vitrine_*_amd64.deb | head -1)
fi
[ "$(dpkg-deb -f "$old_deb" Architecture)" = amd64 ] || die "$old_deb is not an amd64 package"
old_version=$(dpkg-deb -f "$old_deb" Version)

# The upgrade: the same package repacked with a higher version, so the rollout
# really goes from one installed version to another.
new_version=$old_version+fleet1
dpkg-deb -R "$old_deb" "$work/repack"
sed -i "s/^Version: .*/Version: $new_version/" "$work/repack/DEBIAN/control"
new_deb=$work/vitrine_${new_version}_amd64.deb
dpkg-deb -b "$work/repack" "$new_deb" > /dev/null
echo "old: vitrine $old_version   new: vitrine $new_version"

# --- The signing key and the old and new packs -------------------------------
step "Signing two exhibit packs"
dpkg-deb -x "$old_deb" "$work/deb-files"
pack_tool=$work/deb-files/usr/bin/vitrine-pack
"$pack_tool" keygen --out "$work/museum" > /dev/null
# The bundled exhibit is 1.x; the fleet's packs are 2.1.0 (old) and 2.2.0
# (new), so a kiosk falling back to the bundled one is told apart.
for v in 2.1.0 2.2.0; do
    cp -r "$repo/assets/ieng-sary" "$work/pack-$v"
    sed -i "s/^version = \".*\"/version = \"$v\"/" "$work/pack-$v/pack.toml"
    "$pack_tool" build "$work/pack-$v" --key "$work/museum.key" --out "$work/ieng-sary-$v.vpk"
done

# --- The base root: debootstrapped once, kept in the cache ---------------------
if [ ! -e "$base/.vitrine-base-complete" ]; then
    step "Debootstrapping the base root into $base (cold cache: a few minutes)"
    remove_root "$base"
    debootstrap --variant=minbase --include=python3,python3-apt,openssh-server,sudo \
        bookworm "$base" "$mirror" > "$work/debootstrap.log" 2>&1 \
        || { tail -20 "$work/debootstrap.log"; die "debootstrap failed; see $work/debootstrap.log"; }
    echo "deb $mirror bookworm main" > "$base/etc/apt/sources.list"
    # The account the playbook logs in with, as on a board: a user with sudo.
    chroot "$base" useradd --create-home --shell /bin/bash fleet
    echo 'fleet ALL=(ALL) NOPASSWD: ALL' > "$base/etc/sudoers.d/fleet"
    chmod 0440 "$base/etc/sudoers.d/fleet"
    touch "$base/.vitrine-base-complete"
fi

# Fresh package lists, and the package's dependencies already downloaded into
# apt's archive cache: each kiosk's apt still resolves them, without fetching.
step "Refreshing the base root's package lists and archive cache"
[ -e /etc/resolv.conf ] && cp /etc/resolv.conf "$base/etc/resolv.conf"
mount -t proc proc "$base/proc"
mounts+=("$base/proc")
chroot "$base" apt-get -qq update
chroot "$base" apt-get -qq satisfy --download-only -y "$(dpkg-deb -f "$old_deb" Depends)" > /dev/null
umount "$base/proc"

# --- Three kiosks, each with its own sshd ------------------------------------
step "Making kiosk-a, kiosk-b, kiosk-c"
ssh-keygen -q -t ed25519 -N '' -C vitrine-fleet-test -f "$work/id_ed25519"
{
    echo "# Made by deploy/fleet/test-fleet.sh: three debootstrapped roots behind sshd on 127.0.0.1."
    echo "[kiosks]"
    port=$first_port
    for k in "${kiosks[@]}"; do echo "$k ansible_port=$port"; port=$((port + 1)); done
    echo
    echo "[kiosks:vars]"
    echo "ansible_host=127.0.0.1"
    echo "ansible_user=fleet"
    echo "ansible_ssh_private_key_file=$work/id_ed25519"
    echo "ansible_python_interpreter=/usr/bin/python3"
    # Every root has the same host keys (one base copied), and they change on every cold cache.
    echo "ansible_ssh_common_args='-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR'"
} > "$work/inventory.ini"

port=$first_port
for k in "${kiosks[@]}"; do
    root=$run/$k
    remove_root "$root"
    made_roots+=("$root")
    cp -a "$base" "$root"
    echo "$k" > "$root/etc/hostname"
    install -d -m 0700 -o 1000 -g 1000 "$root/home/fleet/.ssh"
    install -m 0600 -o 1000 -g 1000 "$work/id_ed25519.pub" "$root/home/fleet/.ssh/authorized_keys"
    mkdir -p "$root/run/sshd"
    mount -t proc proc "$root/proc"
    mounts+=("$root/proc")
    sshd_pidfiles+=("$root/run/sshd.pid")
    chroot "$root" /usr/sbin/sshd -p "$port" -o ListenAddress=127.0.0.1 -o PidFile=/run/sshd.pid \
        -o PasswordAuthentication=no
    port=$((port + 1))
done

export ANSIBLE_PIPELINING=True ANSIBLE_NOCOLOR=1 ANSIBLE_FORCE_COLOR=0
export ANSIBLE_SSH_CONTROL_PATH_DIR=$work/ssh-cp ANSIBLE_LOCAL_TEMP=$work/ansible-tmp
export ANSIBLE_RETRY_FILES_ENABLED=False
playbook=(ansible-playbook -i "$work/inventory.ini" "$fleet/rollout.yml" -e "vitrine_pubkey=$work/museum.pub")

step "ansible-playbook --syntax-check"
"${playbook[@]}" --syntax-check -e "vitrine_deb=$new_deb" -e "vitrine_pack=$work/ieng-sary-2.2.0.vpk"

step "Installing the old release on every kiosk (vitrine $old_version, pack 2.1.0)"
"${playbook[@]}" -e "vitrine_deb=$old_deb" -e "vitrine_pack=$work/ieng-sary-2.1.0.vpk" > "$work/install-old.log" 2>&1 \
    || { cat "$work/install-old.log"; die "installing the old release failed; see $work/install-old.log"; }
echo "ok; log in $work/install-old.log"

# kiosk-b: a technician pinned it to a copy of the exhibit in /srv/exhibit (for
# an event, say) and never unpinned it. It keeps running fine, but ignores
# installed packs: after the rollout it would still show the old exhibit.
root_b=$run/kiosk-b
mkdir -p "$root_b/srv/exhibit"
cp -r "$work/pack-2.1.0" "$root_b/srv/exhibit/ieng-sary"
sed -i 's|^# dir = "/srv/exhibit"$|dir = "/srv/exhibit/ieng-sary"|' "$root_b/etc/vitrine/vitrine.toml"
grep -q '^dir = "/srv/exhibit/ieng-sary"$' "$root_b/etc/vitrine/vitrine.toml" || die "could not pin kiosk-b"

step "Rolling out vitrine $new_version and pack 2.2.0"
set +e
"${playbook[@]}" -e "vitrine_deb=$new_deb" -e "vitrine_previous_deb=$old_deb" \
    -e "vitrine_pack=$work/ieng-sary-2.2.0.vpk" 2>&1 | tee "$work/rollout.log"
rollout_status=${PIPESTATUS[0]}
set -e

# --- What each kiosk has now, read inside its root -----------------------------
step "Checking the kiosks"
package_of() { chroot "$run/$1" dpkg-query -W -f '${db:Status-Status} ${Version}' vitrine 2> /dev/null || true; }
pack_of() {
    chroot "$run/$1" vitrine-pack status --root /var/lib/vitrine 2> /dev/null \
        | sed -n 's/^current: *\([^ ]* [^ ]*\) ".*/\1/p'
}
shown_by() {
    chroot "$run/$1" runuser -u vitrine -- vitrine --config /etc/vitrine/vitrine.toml --headless \
        --size 800x480 --screenshot /tmp/vitrine-test.png 2>&1 \
        | sed -n 's/^vitrine: loaded .* (\([^ ]* [^ ]*\)): [0-9]* events.*/\1/p'
}

# Whether the rollout's log has a line matching an extended regex (-E) or holding a text (-F).
logged() { grep -q "$1" -- "$2" "$work/rollout.log" && echo yes || echo no; }

passed=0 failed=0
expect() {
    local what=$1 actual=$2 wanted=$3
    if [ "$actual" = "$wanted" ]; then
        printf '  ok    %-58s %s\n' "$what" "$actual"
        passed=$((passed + 1))
    else
        printf '  FAIL  %-58s %s (expected %s)\n' "$what" "${actual:-(nothing)}" "$wanted"
        failed=$((failed + 1))
    fi
}

expect "ansible-playbook stopped with a failure (exit $rollout_status)" \
    "$([ "$rollout_status" -ne 0 ] && echo non-zero || echo zero)" non-zero
expect "kiosk-a: package upgraded" "$(package_of kiosk-a)" "installed $new_version"
expect "kiosk-a: new pack current" "$(pack_of kiosk-a)" "ieng-sary 2.2.0"
expect "kiosk-a: kiosk shows the new pack" "$(shown_by kiosk-a)" "ieng-sary 2.2.0"
expect "kiosk-a: playbook reported it healthy" \
    "$(logged -F "\"msg\": \"kiosk-a: vitrine $new_version, pack ieng-sary 2.2.0, healthy\"")" yes
expect "kiosk-a: only this release left staged" \
    "$(ls "$run/kiosk-a/var/cache/vitrine-rollout" | tr '\n' ' ')" \
    "$(printf '%s\n' ieng-sary-2.2.0.vpk "$(basename "$new_deb")" "$(basename "$old_deb")" | LC_ALL=C sort | tr '\n' ' ')"
expect "kiosk-b: health check failed" \
    "$(logged -E 'the kiosk shows \\?"ieng-sary 2.1.0\\?" \(exit 0\), expected \\?"ieng-sary 2.2.0')" yes
expect "kiosk-b: package rolled back" "$(package_of kiosk-b)" "installed $old_version"
expect "kiosk-b: old pack current again" "$(pack_of kiosk-b)" "ieng-sary 2.1.0"
expect "kiosk-b: kiosk shows the old pack" "$(shown_by kiosk-b)" "ieng-sary 2.1.0"
expect "kiosk-b: playbook reported the rolled-back kiosk healthy" \
    "$(logged -E 'The rollout failed on kiosk-b .*the rolled-back kiosk is healthy')" yes
expect "kiosk-c: package untouched" "$(package_of kiosk-c)" "installed $old_version"
expect "kiosk-c: pack untouched" "$(pack_of kiosk-c)" "ieng-sary 2.1.0"
expect "kiosk-c: new release never copied to it" \
    "$([ -e "$run/kiosk-c/var/cache/vitrine-rollout/$(basename "$new_deb")" ] && echo copied || echo absent)" absent
expect "kiosk-c: no task ran on it" "$(grep -cE '^(ok|changed|fatal|skipping): \[kiosk-c\]' "$work/rollout.log")" 0

echo
echo "Logs and files in $work; roots in $roots (base cached)."
echo "$passed passed, $failed failed ($((SECONDS - started)) s)"
[ "$failed" = 0 ]
