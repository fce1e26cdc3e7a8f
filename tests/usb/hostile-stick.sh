#!/bin/sh
# USB sticks built to attack the kiosk, each run through vitrine-usb-update
# --mounted DIR as udev's service would run it once the stick is mounted: links
# where the statistics go, links and FIFOs named *.vpk, hostile file names. Each
# must end in a clear status, in seconds, with nothing written outside the stick.
#
#   hostile-stick.sh VITRINE-PACK UPDATE-SCRIPT SIGNED.vpk KEY.pub WORKDIR
set -u
tool=$1 update=$2 signed=$3 pubkey=$4 work=$5

failures=0
fail() {
    echo "FAIL: $case: $1" >&2
    [ -f "$status" ] && sed 's/^/    status: /' "$status" >&2
    failures=$((failures + 1))
}

# A fresh stick, kiosk state folder and status for each case.
new_case() {
    case=$1
    dir=$work/$case
    rm -rf "$dir"
    mkdir -p "$dir/stick" "$dir/outside" "$dir/root"
    stick=$dir/stick
    outside=$dir/outside
    status=$dir/status
    printf 'secret\n' > "$outside/shadow"
}

# Runs the update on the case's stick; at most 30 s whatever the stick holds.
run() {
    VITRINE_CONFIG=/nonexistent VITRINE_ROOT=$dir/root VITRINE_PUBKEY=$pubkey VITRINE_STATUS=$status \
        VITRINE_PACK_TOOL=$tool timeout 30 sh "$update" --mounted "$stick" > "$dir/log" 2>&1
    rc=$?
    [ "$rc" -eq 124 ] && fail "still running after 30 s"
}

expect_status() {  # OUTCOME MESSAGE-PATTERN
    [ -f "$status" ] || { fail "no status written"; return; }
    [ "$(wc -l < "$status")" -eq 2 ] || fail "the status is not exactly two lines"
    [ "$(head -n 1 "$status")" = "$1" ] || fail "outcome is not '$1'"
    sed -n 2p "$status" | grep -q -- "$2" || fail "message does not say '$2'"
    if LC_ALL=C grep -q "$(printf '[\001-\037\177]')" "$status"; then fail "control characters in the status"; fi
}

outside_untouched() {
    [ "$(cat "$outside/shadow")" = secret ] || fail "a file outside the stick was written"
    [ "$(ls -A "$outside")" = shadow ] || fail "a file was created outside the stick: $(ls -A "$outside")"
}

stats_name() { echo "$(hostname)-$(date +%Y-%m-%d).csv"; }

new_case stats-folder-is-link
ln -s "$outside" "$stick/vitrine-stats"
run
expect_status refused "vitrine-stats is a symbolic link, not a folder"
outside_untouched

new_case stats-file-is-link
mkdir "$stick/vitrine-stats"
ln -s "$outside/shadow" "$stick/vitrine-stats/$(stats_name)"
run
expect_status refused "is a symbolic link, not a regular file"
outside_untouched
[ -L "$stick/vitrine-stats/$(stats_name)" ] || fail "the link on the stick was replaced"

new_case stats-tmp-is-link
mkdir "$stick/vitrine-stats"
ln -s "$outside/shadow" "$stick/vitrine-stats/$(stats_name).tmp"
ln -s "$outside/new" "$stick/vitrine-stats/dangling.csv.tmp"
run
expect_status refused "\.tmp in vitrine-stats is a symbolic link"
outside_untouched

new_case stats-tmp-is-fifo
mkdir "$stick/vitrine-stats"
mkfifo "$stick/vitrine-stats/$(stats_name).tmp"
run
expect_status refused "is a FIFO, not a regular file"

new_case stats-is-a-file
printf 'x' > "$stick/vitrine-stats"
run
expect_status refused "vitrine-stats is a regular file, not a folder"

new_case stats-stale-tmp-replaced
mkdir "$stick/vitrine-stats"
printf 'half a file' > "$stick/vitrine-stats/$(stats_name).tmp"
run
expect_status ok "visitor statistics copied"
head -n 1 "$stick/vitrine-stats/$(stats_name)" | grep -q '^day,metric' || fail "no CSV written"
[ -e "$stick/vitrine-stats/$(stats_name).tmp" ] && fail "the .tmp file was left behind"

new_case pack-is-link
ln -s "$signed" "$stick/exhibit.vpk"
run
expect_status refused "exhibit.vpk was ignored: it is a symbolic link"
[ -e "$dir/root/current" ] && fail "a pack reached through a link was installed"
[ "$rc" -ne 0 ] || fail "exit status 0 for a refused stick"

new_case pack-is-fifo
mkfifo "$stick/exhibit.vpk"
started=$(date +%s)
run
[ $(($(date +%s) - started)) -le 10 ] || fail "took more than 10 s"
expect_status refused "exhibit.vpk was ignored: it is not a regular file"

new_case pack-is-folder
mkdir "$stick/exhibit.vpk"
run
expect_status refused "exhibit.vpk was ignored: it is not a regular file"

new_case pack-and-link
cp "$signed" "$stick/real.vpk"
ln -s /etc/passwd "$stick/zz-link.vpk"
run
expect_status ok "zz-link.vpk was ignored.*installed real.vpk"
[ -f "$dir/root/current/pack.toml" ] || fail "the real pack was not installed"

# A name with a newline, an escape sequence and a leading dash: the pack is
# still installed, and the status stays two plain lines.
new_case hostile-name
name=$(printf -- '--root=x\n\033[2J\033]0;x\007evil.vpk')
cp "$signed" "$stick/$name"
run
expect_status ok "installed --root=.*evil.vpk"
[ -f "$dir/root/current/pack.toml" ] || fail "the pack with an odd name was not installed"
outside_untouched

new_case hostile-name-refused
name=$(printf -- '-x\n\033[31mred\tbad.vpk')
printf 'not a pack' > "$stick/$name"
run
expect_status refused "-x.*red.*bad.vpk was not installed"

new_case long-name
name=$(printf 'a%.0s' $(seq 1 240)).vpk
printf 'not a pack' > "$stick/$name"
run
expect_status refused "was not installed"
[ "$(sed -n 2p "$status" | wc -c)" -le 400 ] || fail "a 240-byte name is quoted whole"

new_case refused-by-mount
rmdir "$stick"
printf 'the USB stick sdz1 is formatted ext4; the kiosk reads only FAT and exFAT sticks\n' > "$stick.refused"
run
expect_status refused "formatted ext4"

new_case ignored-by-mount
rmdir "$stick"
printf 'sda1 is already mounted at /boot/firmware\n' > "$stick.ignored"
run
[ -e "$status" ] && fail "a status was written for the system's own disk"
[ "$rc" -eq 0 ] || fail "exit status $rc for the system's own disk"

new_case thousands-of-vpk-folders
i=0
while [ "$i" -lt 3000 ]; do mkdir "$stick/d$i.vpk"; i=$((i + 1)); done
cp "$signed" "$stick/real.vpk"
started=$(date +%s)
run
[ $(($(date +%s) - started)) -le 10 ] || fail "3000 folders named .vpk took more than 10 s"
expect_status ok "and 2998 more .vpk names that are not regular files were ignored"
grep -q "installed real.vpk" "$status" || fail "the real pack beside them was not installed"

new_case empty-stick
run
expect_status none "no .vpk pack file or vitrine-stats folder"
[ "$rc" -eq 0 ] || fail "exit status $rc for an empty stick"

if [ "$failures" -ne 0 ]; then
    echo "$failures hostile-stick checks failed" >&2
    exit 1
fi
echo "every hostile stick was refused cleanly"
