#!/bin/sh
# The privileged half of the USB update on real block devices (loop devices):
# vitrine-usb-mount mounts only FAT and exFAT, with the options in effect that
# it promises (read-only unless the stick asks for statistics; always
# nosuid,nodev,noexec,nosymfollow), and the update then runs as an unprivileged
# user (nobody here, vitrine on a board) and owns what it writes on the stick.
#
#   mount-stick.sh refusals|fat VITRINE-PACK MOUNT-HELPER UPDATE-SCRIPT SIGNED.vpk KEY.pub
#
# refusals: an ext4 stick, a name that is no block device, a full stick, a
#           statistics folder that is another filesystem
# fat:      vfat and exFAT sticks, mounted and updated for real (each needs the
#           kernel's driver and its mkfs)
# Needs root and loop devices, otherwise exits 77 (skipped). Runs in its own
# mount namespace, so no mount outlives it.
set -u
mode=$1 tool=$2 helper=$3 update=$4 signed=$5 pubkey=$6

skip() { echo "skipped: $1"; exit 77; }
[ "$(id -u)" -eq 0 ] || skip "needs root"
for c in losetup unshare setpriv mountpoint blkid mkfs.ext4; do
    command -v "$c" > /dev/null || skip "$c is not installed"
done
[ -e /dev/loop-control ] || skip "no loop devices"
if [ -z "${VITRINE_USB_TEST_NS:-}" ]; then
    # Inside a chroot, / is no mount point and its propagation cannot be made
    # private: the test's mounts could reach the host's namespace, so it does not run.
    unshare -m --propagation private true 2> /dev/null ||
        skip "no private mount namespace here (a chroot whose / is not a mount point)"
    VITRINE_USB_TEST_NS=1 exec unshare -m --propagation private sh "$0" "$@"
fi

user=nobody
uid=$(id -u "$user") gid=$(id -g "$user")
# Everything the unprivileged update touches lives in a folder it can reach.
work=$(mktemp -d /tmp/vitrine-usb-test.XXXXXX)
chmod 0755 "$work"
loops=""
cleanup() {
    for m in $(awk -v w="$work" 'index($5, w) == 1 {print $5}' /proc/self/mountinfo | sort -r); do umount -l "$m"; done
    for l in $loops; do losetup -d "$l"; done
    rm -rf "$work"
}
trap cleanup EXIT
# Loop devices that exist but cannot be attached (a container): skipped too.
truncate -s 1M "$work/probe.img"
probe=$(losetup -f --show "$work/probe.img" 2> /dev/null) || skip "loop devices cannot be attached here"
losetup -d "$probe"
cp "$tool" "$work/vitrine-pack"
cp "$signed" "$work/signed.vpk"
cp "$pubkey" "$work/key.pub"
chmod 0755 "$work/vitrine-pack"
chmod 0644 "$work/signed.vpk" "$work/key.pub"
base=$work/mnt

failures=0
fail() {
    echo "FAIL: $case: $1" >&2
    [ -f "$work/$case.status" ] && sed 's/^/    status: /' "$work/$case.status" >&2
    failures=$((failures + 1))
}

# A loop device holding a fresh filesystem image of TYPE; sets $loop and $name.
make_stick() {  # TYPE
    image=$work/$case.img
    truncate -s 40M "$image"
    case $1 in
        ext4) mkfs.ext4 -q "$image" ;;
        vfat) mkfs.vfat "$image" > /dev/null ;;
        exfat) mkfs.exfat "$image" > /dev/null ;;
    esac || { fail "mkfs.$1 failed"; return 1; }
    loop=$(losetup -f --show "$image") || { fail "no free loop device"; return 1; }
    loops="$loops $loop"
    name=${loop#/dev/}
}

# Puts files on the stick before it is "plugged in": a plain mount, as a curator's laptop.
fill_stick() {  # TYPE COMMANDS
    mkdir -p "$work/fill"
    mount -t "$1" "$loop" "$work/fill" || { fail "cannot mount the new $1 image"; return 1; }
    (cd "$work/fill" && eval "$2")
    umount "$work/fill"
}

helper() {
    VITRINE_USB_BASE=$base VITRINE_USB_USER=$user sh "$helper" "$@"
}

# The update as udev's service runs it: the unprivileged user, no groups.
run_update() {
    mkdir -p "$work/$case.root"
    chown "$uid:$gid" "$work/$case.root"
    touch "$work/$case.status"
    chown "$uid:$gid" "$work/$case.status" "$work"
    timeout 60 setpriv --reuid="$uid" --regid="$gid" --clear-groups -- env VITRINE_CONFIG=/nonexistent \
        VITRINE_ROOT="$work/$case.root" VITRINE_PUBKEY="$work/key.pub" VITRINE_STATUS="$work/$case.status" \
        VITRINE_PACK_TOOL="$work/vitrine-pack" sh "$update" --mounted "$base/$name" > "$work/$case.log" 2>&1
    rc=$?
    chown 0:0 "$work"
}

expect_status() {  # OUTCOME PATTERN
    [ "$(head -n 1 "$work/$case.status")" = "$1" ] || fail "outcome is not '$1'"
    sed -n 2p "$work/$case.status" | grep -q -- "$2" || fail "message does not say '$2'"
}

# The options of the mount at DIR, as the kernel applies them (per mount point).
mount_options() { awk -v m="$1" '$5 == m {print $6}' /proc/self/mountinfo | tail -n 1; }

expect_options() {  # DIR ro|rw
    opts=$(mount_options "$1")
    [ -n "$opts" ] || { fail "$1 is not mounted"; return; }
    for o in "$2" nosuid nodev noexec nosymfollow; do
        case ",$opts," in *",$o,"*) ;; *) fail "mounted without $o ($opts)" ;; esac
    done
}

stats_name() { echo "$(hostname)-$(date +%Y-%m-%d).csv"; }

if [ "$mode" = refusals ]; then
    case=ext4
    if make_stick ext4; then
        fill_stick ext4 'cp "$work/signed.vpk" exhibit.vpk; mkdir vitrine-stats'
        helper mount "$name" || fail "the helper failed instead of refusing"
        mountpoint -q "$base/$name" 2> /dev/null && fail "an ext4 stick was mounted"
        grep -q "formatted ext4; the kiosk reads only FAT and exFAT" "$base/$name.refused" 2> /dev/null ||
            fail "no reason given for the refusal"
        run_update
        expect_status refused "formatted ext4"
        [ -e "$work/$case.root/current" ] && fail "a pack was installed from a refused stick"
        helper unmount "$name"
        [ -e "$base/$name.refused" ] && fail "the refusal outlived the stick"
    fi

    # The system's own partition on a USB disk, already mounted: left alone,
    # and staff are told nothing.
    case=in-use
    if make_stick ext4; then
        mkdir -p "$work/system"
        mount -t ext4 "$loop" "$work/system"
        helper mount "$name" || fail "the helper failed"
        [ -f "$base/$name.ignored" ] || fail "an already mounted partition was not ignored"
        [ -e "$base/$name.refused" ] && fail "an already mounted partition was refused with a notice"
        mountpoint -q "$base/$name" 2> /dev/null && fail "mounted a second time"
        run_update
        [ -s "$work/$case.status" ] && fail "a status was written for the system's own disk"
        [ "$rc" -eq 0 ] || fail "exit status $rc"
        helper unmount "$name"
        [ -e "$base/$name.ignored" ] && fail "the marker outlived the disk"
        umount "$work/system"
    fi

    case=not-a-device
    helper mount sdz9 || fail "the helper failed instead of refusing"
    grep -q "not a block device" "$base/sdz9.refused" 2> /dev/null || fail "no reason given"
    helper unmount sdz9
    case=bad-name
    helper mount ../../etc > /dev/null 2>&1 && fail "a name with slashes was accepted"
    [ -e "$base/../../etc.refused" ] && fail "wrote outside the mount folder"

    # A stick with no room left: the statistics fail with the reason, and the
    # half-written file is gone.
    case=full
    name=full
    mkdir -p "$base/$name"
    mount -t tmpfs -o size=64k,mode=0755,uid="$uid",gid="$gid" tmpfs "$base/$name"
    mkdir "$base/$name/vitrine-stats"
    dd if=/dev/zero of="$base/$name/filler" bs=4k count=100 2> /dev/null
    chown -R "$uid:$gid" "$base/$name"
    run_update
    expect_status refused "No space left on device"
    [ -z "$(ls -A "$base/$name/vitrine-stats")" ] || fail "a partial file was left: $(ls -A "$base/$name/vitrine-stats")"

    # A statistics folder that is another filesystem mounted on the stick.
    case=other-filesystem
    name=other
    mkdir -p "$base/$name" "$work/elsewhere"
    mount -t tmpfs -o size=1m,mode=0755,uid="$uid",gid="$gid" tmpfs "$base/$name"
    mkdir "$base/$name/vitrine-stats"
    chown "$uid:$gid" "$base/$name/vitrine-stats" "$work/elsewhere"
    mount --bind "$work/elsewhere" "$base/$name/vitrine-stats"
    run_update
    expect_status refused "another filesystem mounted there"
    [ -z "$(ls -A "$work/elsewhere")" ] || fail "wrote into the other filesystem"
else
    tested=""
    for type in vfat exfat; do
        grep -qw "$type" /proc/filesystems || { echo "no $type: the kernel has no driver for it"; continue; }
        command -v "mkfs.$type" > /dev/null || { echo "no $type: mkfs.$type is not installed"; continue; }
        tested="$tested $type"

        # A pack only: read-only, installed by the unprivileged user.
        case=$type-pack
        make_stick "$type" || continue
        fill_stick "$type" 'cp "$work/signed.vpk" exhibit.vpk'
        helper mount "$name" || fail "the helper failed"
        expect_options "$base/$name" ro
        [ "$(stat -c %u "$base/$name/exhibit.vpk")" = "$uid" ] || fail "the stick's files do not belong to $user"
        run_update
        expect_status ok "installed exhibit.vpk"
        [ -f "$work/$case.root/current/pack.toml" ] || fail "the pack was not installed"
        setpriv --reuid="$uid" --regid="$gid" --clear-groups -- touch "$base/$name/x" 2> /dev/null &&
            fail "a read-only stick was written"
        helper unmount "$name"
        mountpoint -q "$base/$name" 2> /dev/null && fail "still mounted after unmount"

        # A statistics folder: read-write, and the CSV belongs to the user.
        case=$type-stats
        make_stick "$type" || continue
        fill_stick "$type" 'mkdir vitrine-stats; cp /bin/true run-me'
        helper mount "$name" || fail "the helper failed"
        expect_options "$base/$name" rw
        "$base/$name/run-me" 2> /dev/null && fail "a program on the stick ran (noexec)"
        run_update
        expect_status ok "visitor statistics copied"
        csv=$base/$name/vitrine-stats/$(stats_name)
        [ -f "$csv" ] || fail "no CSV on the stick"
        [ "$(stat -c %u "$csv")" = "$uid" ] || fail "the CSV does not belong to $user"
        helper unmount "$name"
    done
    [ -n "$tested" ] || skip "neither vfat nor exFAT can be mounted here"
fi

if [ "$failures" -ne 0 ]; then
    echo "$failures checks failed" >&2
    exit 1
fi
echo "mount-stick $mode: every check passed"
