#!/usr/bin/env bash
# No network, proven (issue 6, item 6): runs kiosk and vitrine-pack sessions in an
# empty network namespace (unshare -n) under `strace -f -e trace=network`, and
# fails on any socket other than AF_UNIX, or any connect/sendto/sendmsg/bind to a
# non-AF_UNIX address.
#
#   tests/no-network.sh BUILD_DIR
#
# Needs root (unshare -n; without root it tries unshare -rn, a user namespace),
# strace (Debian package strace) and unshare (package util-linux).
# Logs stay in the scratch folder it prints when anything fails.
set -u

if [ $# -ne 1 ]; then
    echo "usage: $0 BUILD_DIR" >&2
    exit 2
fi
BUILD=$(cd "$1" && pwd) || exit 2
REPO=$(cd "$(dirname "$0")/.." && pwd)
KIOSK=$BUILD/vitrine
VP=$BUILD/vitrine-pack
for b in "$KIOSK" "$VP"; do
    [ -x "$b" ] || { echo "$0: $b is missing; build first" >&2; exit 2; }
done
missing=0
command -v strace >/dev/null || { echo "$0: strace is missing: apt-get install strace" >&2; missing=1; }
command -v unshare >/dev/null || { echo "$0: unshare is missing: apt-get install util-linux" >&2; missing=1; }
[ $missing -eq 0 ] || exit 2

if [ "$(id -u)" -eq 0 ]; then
    NETNS=(unshare -n --)
else
    NETNS=(unshare -r -n --)
fi
if ! "${NETNS[@]}" true 2>/dev/null; then
    echo "$0: cannot create a network namespace with '${NETNS[*]}' (needs root, or user namespaces)" >&2
    exit 2
fi

WORK=$(mktemp -d /tmp/vitrine-no-network.XXXXXX)
LOGS=$WORK/strace
mkdir -p "$LOGS" "$WORK/state" "$WORK/run"
export SDL_AUDIODRIVER=dummy
# Leak reports are not this test's concern, and a sanitizer's exit must not look
# like a program's own.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:exitcode=99}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-exitcode=98}
CFG=$WORK/kiosk.toml
printf '[state]\ndir = "%s"\n' "$WORK/state" >"$CFG"

echo "network namespace: '${NETNS[*]}'; interfaces inside it:"
"${NETNS[@]}" sh -c 'tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d " " | sed "s/^/  /"'

sessions=0
failed_sessions=()
# session NAME OK_CODES CMD...: runs CMD in the empty namespace under strace, in
# $WORK/run; OK_CODES is a space-separated list of acceptable exit codes.
session() {
    local name=$1 ok=$2
    shift 2
    local log=$LOGS/$name.strace
    (cd "$WORK/run" && "${NETNS[@]}" strace -f -qq -e trace=network -o "$log" "$@") >"$WORK/$name.out" 2>"$WORK/$name.err"
    local rc=$?
    sessions=$((sessions + 1))
    if [[ " $ok " == *" $rc "* ]]; then
        printf '  %-22s exit %d\n' "$name" "$rc"
    else
        printf '  %-22s exit %d (expected %s): %s\n' "$name" "$rc" "$ok" "$(tail -c 300 "$WORK/$name.err" | tr '\n' ' ')"
        failed_sessions+=("$name (exit $rc)")
    fi
}

echo "sessions:"
# The kiosk: a replayed touch session with screenshots, headless.
session kiosk-headless-replay "0" "$KIOSK" --headless --size 1920x1080 --replay "$REPO/tests/replays/tap-marker.txt" \
    --screenshot "$WORK/run/last.png"
# The kiosk in a window (SDL's offscreen video driver), on a scratch state folder,
# stopped by SIGTERM after 5 s as the service manager would.
session kiosk-windowed-offscreen "0 124" env SDL_VIDEODRIVER=offscreen timeout -s TERM 5 \
    "$KIOSK" --windowed 1280x800 --config "$CFG"
# vitrine-pack, every command a curator or a kiosk runs.
session pack-validate "0" "$VP" validate "$REPO/tests/packs/minimal"
session pack-preview "0" "$VP" preview "$REPO/tests/packs/minimal" --out "$WORK/preview" --size 800x480
session pack-keygen "0" "$VP" keygen --out "$WORK/key"
session pack-build "0" "$VP" build "$REPO/tests/packs/minimal" --key "$WORK/key.key" --out "$WORK/p.vpk"
session pack-verify "0" "$VP" verify "$WORK/p.vpk" --pubkey "$WORK/key.pub"
session pack-install "0" "$VP" install "$WORK/p.vpk" --root "$WORK/state" --pubkey "$WORK/key.pub"
session pack-status "0" "$VP" status --root "$WORK/state"
session pack-stats "0" "$VP" stats --root "$WORK/state"
session pack-import-timelinejs "0" "$VP" import-timelinejs "$REPO/tests/fixtures/timelinejs/ieng-sary.json" --out "$WORK/imported"
# And the kiosk once more, now showing the pack installed above.
session kiosk-headless-installed "0" "$KIOSK" --headless --config "$CFG" --size 800x480 --screenshot "$WORK/run/installed.png"

# Every socket the sessions opened, by family; anything but AF_UNIX is a failure,
# as is any address of another family given to connect, sendto, sendmsg or bind.
python3 - "$LOGS" <<'EOF'
import collections, os, re, sys
logs = sys.argv[1]
families = collections.Counter()
bad = []
calls = collections.Counter()
per_session = collections.defaultdict(collections.Counter)
shown = []
local = {"AF_UNIX", "AF_LOCAL", "PF_UNIX", "PF_LOCAL"}
for name in sorted(os.listdir(logs)):
    session = name[:-len(".strace")]
    with open(os.path.join(logs, name), errors="replace") as f:
        for line in f:
            m = re.match(r"\s*(?:\d+\s+)?(?:<\.\.\. )?([a-z_][a-z_0-9]*)[\( ]", line)
            if not m:
                continue
            call = m.group(1)
            calls[call] += 1
            if call in ("socket", "socketpair"):
                fm = re.search(r"\b(?:socket|socketpair)\(([A-Z_0-9]+|\d+)", line)
                if fm:
                    fam = fm.group(1)
                    families[fam] += 1
                    per_session[session][fam] += 1
                    shown.append("%s: %s" % (session, line.rstrip()))
                    if fam not in local:
                        bad.append("%s: %s" % (session, line.rstrip()))
            for fam in re.findall(r"sa_family=([A-Z_0-9]+|\d+)", line):
                if call in ("connect", "sendto", "sendmsg", "sendmmsg", "bind"):
                    shown.append("%s: %s" % (session, line.rstrip()))
                    if fam not in local:
                        bad.append("%s: %s" % (session, line.rstrip()))
print("network-related system calls seen: " + (", ".join("%s %d" % kv for kv in sorted(calls.items())) or "none"))
for sess, c in sorted(per_session.items()):
    print("  %s: %s" % (sess, ", ".join("%s %d" % kv for kv in sorted(c.items()))))
for line in shown:
    print("    " + line[:200])
print("socket calls by family: " + (", ".join("%s %d" % kv for kv in sorted(families.items())) or "none"))
n_bad = sum(1 for b in bad)
if bad:
    print("NETWORK ACTIVITY (non-AF_UNIX):")
    for b in bad:
        print("  " + b)
print("%d network sockets" % sum(v for k, v in families.items() if k not in local))
sys.exit(1 if bad else 0)
EOF
net=$?
echo "$sessions sessions run"
if [ ${#failed_sessions[@]} -gt 0 ]; then
    echo "sessions that did not finish as expected: ${failed_sessions[*]}"
fi
if [ $net -ne 0 ] || [ ${#failed_sessions[@]} -gt 0 ]; then
    echo "FAIL; logs in $WORK"
    exit 1
fi
echo "PASS: no network"
[ -n "${VITRINE_KEEP_LOGS:-}" ] && echo "logs kept in $WORK" || rm -rf "$WORK"
exit 0
