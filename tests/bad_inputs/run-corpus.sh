#!/usr/bin/env bash
# Feeds every input of the bad-input corpus (make-corpus.py) to Vitrine's two
# programs and checks each is refused cleanly.
#
#   tests/bad_inputs/run-corpus.sh BUILD_DIR [CORPUS_DIR]
#
# Without CORPUS_DIR the corpus is generated into a scratch folder first.
# For each pack folder:  vitrine-pack validate DIR
#                        vitrine --headless --pack DIR --size 800x480 --screenshot X.png
# For each configuration: vitrine --headless --pack GOOD --config FILE (must exit 1)
# For each touch script:  vitrine --headless --pack GOOD --replay FILE (must exit 1)
# For each pack file:    vitrine-pack verify FILE --pubkey test.pub
#                        vitrine-pack install FILE --root SCRATCH --pubkey test.pub
#                        then: SCRATCH/current unchanged, `vitrine-pack status` still
#                        names the good pack, and the kiosk on that state folder
#                        (vitrine --headless --config CFG, [state] dir = SCRATCH)
#                        still prints "loaded ... (corpus-good 1.0.0)".
# A clean refusal: exit status 1 (never a signal, a sanitizer report or >= 128),
# and stderr naming the file and the problem (index.tsv's two regexes). The kiosk
# must exit 0 or 1 without a sanitizer report, having drawn the pack or the
# unavailable screen. Inputs named control-* are valid on purpose and must be
# accepted: they prove the harness can tell.
# Prints "N bad inputs tried, N rejected cleanly, 0 crashes" and exits 1 if any
# bad input was accepted, crashed, hung or gave an unclear message.
set -u

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 BUILD_DIR [CORPUS_DIR]" >&2
    exit 2
fi
BUILD=$(cd "$1" && pwd) || exit 2
VP=$BUILD/vitrine-pack
KIOSK=$BUILD/vitrine
for b in "$VP" "$KIOSK"; do
    [ -x "$b" ] || { echo "$0: $b is missing; build first" >&2; exit 2; }
done
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d /tmp/vitrine-corpus-run.XXXXXX)
# A sanitizer's report must not look like an ordinary "exit 1".
export ASAN_OPTIONS=${ASAN_OPTIONS:-exitcode=99:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-exitcode=98:print_stacktrace=1:halt_on_error=1}
export SDL_AUDIODRIVER=dummy
TIMEOUT=${VITRINE_CORPUS_TIMEOUT:-120}

if [ $# -eq 2 ]; then
    CORPUS=$(cd "$2" && pwd) || exit 2
else
    CORPUS=$WORK/corpus
    echo "generating the corpus in $CORPUS"
    python3 "$HERE/make-corpus.py" "$CORPUS" --vitrine-pack "$VP" || { echo "$0: make-corpus.py failed" >&2; exit 1; }
fi
INDEX=$CORPUS/index.tsv
PUB=$CORPUS/keys/test.pub
GOOD=$CORPUS/good/good.vpk
[ -f "$INDEX" ] && [ -f "$PUB" ] && [ -f "$GOOD" ] || { echo "$0: $CORPUS is not a corpus" >&2; exit 2; }
LOGS=$WORK/logs
SHOTS=$WORK/shots
ROOT=$WORK/state
CFG=$WORK/kiosk.toml
mkdir -p "$LOGS" "$SHOTS"
printf '[state]\ndir = "%s"\n' "$ROOT" >"$CFG"

# run LOG CMD...: runs CMD in $WORK with a time limit; stdout/stderr to LOG.out/.err,
# the exit status in RC.
run() {
    local log=$1
    shift
    (cd "$WORK" && timeout -k 5 "$TIMEOUT" "$@") >"$log.out" 2>"$log.err"
    RC=$?
}

# crashed LOG: why the last run counts as a crash or hang, or "" if it does not.
crashed() {
    local log=$1
    if [ "$RC" -eq 124 ] || [ "$RC" -eq 137 ]; then
        echo "hung (killed after ${TIMEOUT}s, exit $RC)"
    elif grep -Eq 'Sanitizer|runtime error:|SUMMARY: |==[0-9]+==ERROR' "$log.err" "$log.out"; then
        echo "sanitizer report (exit $RC): $(grep -Em1 'ERROR|runtime error|SUMMARY' "$log.err" "$log.out" | cut -c1-200)"
    elif [ "$RC" -ge 128 ] || [ "$RC" -eq 98 ] || [ "$RC" -eq 99 ]; then
        echo "killed by a signal or sanitizer (exit $RC)"
    fi
}

GOOD_LINK=""
install_good() {
    rm -rf "$ROOT"
    mkdir -p "$ROOT"
    run "$LOGS/_install-good" "$VP" install "$GOOD" --root "$ROOT" --pubkey "$PUB"
    if [ "$RC" -ne 0 ]; then
        echo "$0: cannot install the good pack: $(cat "$LOGS/_install-good.err")" >&2
        exit 1
    fi
    GOOD_LINK=$(readlink "$ROOT/current")
}

# state_intact LOG: "" when ROOT's current is still the good pack and the kiosk
# loads it, else why not.
state_intact() {
    local log=$1 why=""
    local link
    link=$(readlink "$ROOT/current" 2>/dev/null || true)
    [ "$link" = "$GOOD_LINK" ] || why="current changed: '$GOOD_LINK' -> '$link'; "
    run "$log.status" "$VP" status --root "$ROOT"
    local c
    c=$(crashed "$log.status")
    [ -z "$c" ] || why+="status: $c; "
    grep -Eq '^current: +corpus-good 1\.0\.0 ' "$log.status.out" || why+="status no longer reports corpus-good 1.0.0 ($(grep -m1 '^current' "$log.status.out")); "
    run "$log.kiosk-state" "$KIOSK" --headless --config "$CFG" --size 800x480 --screenshot "$SHOTS/state.png"
    c=$(crashed "$log.kiosk-state")
    [ -z "$c" ] || why+="kiosk on the state folder: $c; "
    grep -Eq 'vitrine: loaded .* \(corpus-good 1\.0\.0\)' "$log.kiosk-state.err" ||
        why+="kiosk on the state folder does not print 'loaded ... (corpus-good 1.0.0)' (exit $RC: $(head -c 200 "$log.kiosk-state.err")); "
    echo "$why"
}

# unsafe_output LOG: "" when the run's messages are safe to read, else why not:
# every message must fit in MAX_MESSAGE_BYTES (a message that lists thousands of
# ids, or echoes a megabyte of input, is not read by anyone) and hold no control
# byte a terminal would act on (escape sequences from a pack's text).
MAX_MESSAGE_BYTES=${VITRINE_CORPUS_MAX_MESSAGE:-65536}
unsafe_output() {
    local log=$1 f size
    for f in "$log.err" "$log.out"; do
        [ -f "$f" ] || continue
        size=$(stat -c %s "$f")
        if [ "$size" -gt "$MAX_MESSAGE_BYTES" ]; then
            echo "${f##*.}: $size bytes of messages (at most $MAX_MESSAGE_BYTES)"
            return
        fi
        if LC_ALL=C grep -q '[[:cntrl:]]' <(tr -d '\n\t' <"$f"); then
            echo "${f##*.}: raw control bytes in the messages: $(LC_ALL=C grep -m1 -n '[[:cntrl:]]' <(tr -d '\t' <"$f") | cut -c1-80 | cat -v)"
            return
        fi
    done
}

# judge LOG EXPECT NAMES_RE PROBLEM_RE WHAT INPUT: for a validate/verify/install run;
# prints "" when it did what EXPECT says, cleanly; else the problem. Sets KIND_OF to
# crash / accepted / unclear / control.
judge() {
    local log=$1 expect=$2 names_re=$3 problem_re=$4 what=$5 input=$6 c msg
    # The problem must be in the message, not just in the input's own name.
    msg=$(cat "$log.err")
    msg=${msg//"$input"/INPUT}
    KIND_OF=""
    c=$(crashed "$log")
    if [ -n "$c" ]; then
        KIND_OF=crash
        echo "$what: $c"
        return
    fi
    c=$(unsafe_output "$log")
    if [ -n "$c" ]; then
        KIND_OF=unclear
        echo "$what: $c"
        return
    fi
    if [ "$expect" = accept ]; then
        if [ "$RC" -ne 0 ]; then
            KIND_OF=control
            echo "$what: expected to accept, exit $RC: $(head -c 300 "$log.err" | tr '\n' ' ')"
        fi
        return
    fi
    if [ "$RC" -eq 0 ]; then
        KIND_OF=accepted
        echo "$what: ACCEPTED (exit 0): $(head -c 300 "$log.out" "$log.err" | tr '\n' ' ')"
    elif [ "$RC" -ne 1 ]; then
        KIND_OF=unclear
        echo "$what: exit $RC, expected 1: $(head -c 300 "$log.err" | tr '\n' ' ')"
    elif ! grep -Eq -- "$names_re" "$log.err"; then
        KIND_OF=unclear
        echo "$what: stderr does not name the file (/$names_re/): $(head -c 300 "$log.err" | tr '\n' ' ')"
    elif ! grep -Eq -- "$problem_re" <<<"$msg"; then
        KIND_OF=unclear
        echo "$what: stderr does not name the problem (/$problem_re/): $(head -c 300 "$log.err" | tr '\n' ' ')"
    fi
}

install_good
baseline=$(state_intact "$LOGS/_baseline")
if [ -n "$baseline" ]; then
    echo "$0: the good pack's state does not check out before any bad input: $baseline" >&2
    exit 1
fi

tried=0 clean=0 crashes=0 accepted=0 unclear=0 controls=0 controls_ok=0
declare -a FAILURES=()
while IFS=$'\t' read -r name kind path expect expect_install names_re problem_re description; do
    case $name in '#'* | '') continue ;; esac
    log=$LOGS/$name
    input=$CORPUS/$path
    problems=()
    kinds=()
    if [ "$kind" = pack ] || [ "$kind" = pack-strict ]; then
        if [ "$kind" = pack-strict ]; then
            # Valid but surely mistyped: a warning naming it, fatal under --strict.
            run "$log.validate" "$VP" validate "$input"
            judge "$log.validate" accept - - validate "$input" >"$log.judge"
            p=$(cat "$log.judge")
            [ -z "$p" ] || { problems+=("$p"); kinds+=("$KIND_OF"); }
            if ! grep -Eq -- "warning: .*($problem_re)" "$log.validate.err"; then
                problems+=("validate: no warning naming /$problem_re/: $(head -c 300 "$log.validate.err" | tr '\n' ' ')")
                kinds+=(accepted)
            fi
            run "$log.strict" "$VP" validate --strict "$input"
            judge "$log.strict" reject "$names_re" "$problem_re" "validate --strict" "$input" >"$log.judge"
            expect=accept  # the kiosk shows it
        else
            run "$log.validate" "$VP" validate "$input"
            judge "$log.validate" "$expect" "$names_re" "$problem_re" validate "$input" >"$log.judge"  # sets KIND_OF here
        fi
        p=$(cat "$log.judge")
        [ -z "$p" ] || { problems+=("$p"); kinds+=("$KIND_OF"); }
        rm -f "$SHOTS/$name.png"
        run "$log.kiosk" "$KIOSK" --headless --pack "$input" --size 800x480 --screenshot "$SHOTS/$name.png"
        c=$(crashed "$log.kiosk")
        u=$(unsafe_output "$log.kiosk")
        if [ -n "$c" ]; then
            problems+=("kiosk: $c"); kinds+=(crash)
        elif [ -n "$u" ]; then
            problems+=("kiosk: $u"); kinds+=(unclear)
        elif [ "$RC" -ne 0 ] && [ "$RC" -ne 1 ]; then
            problems+=("kiosk: exit $RC (expected 0 or 1): $(head -c 300 "$log.kiosk.err" | tr '\n' ' ')"); kinds+=(unclear)
        elif [ ! -s "$SHOTS/$name.png" ]; then
            problems+=("kiosk: drew nothing (exit $RC): $(head -c 300 "$log.kiosk.err" | tr '\n' ' ')"); kinds+=(unclear)
        elif ! grep -Eq 'vitrine: loaded |showing the unavailable screen' "$log.kiosk.err"; then
            problems+=("kiosk: neither 'loaded' nor the unavailable screen: $(head -c 300 "$log.kiosk.err" | tr '\n' ' ')"); kinds+=(unclear)
        elif [ "$expect" = accept ] && [ "$RC" -ne 0 ]; then
            problems+=("kiosk: a valid pack was not shown (exit $RC)"); kinds+=(control)
        fi
        shown=$(grep -q 'vitrine: loaded ' "$log.kiosk.err" && echo "kiosk showed the pack" || echo "kiosk showed 'unavailable'")
    elif [ "$kind" = config ] || [ "$kind" = replay ]; then
        # The kiosk on the good pack, told to use a bad configuration or script.
        if [ "$kind" = config ]; then
            run "$log.kiosk" "$KIOSK" --headless --pack "$CORPUS/good/pack" --config "$input" --size 800x480 \
                --screenshot "$SHOTS/$name.png"
        else
            run "$log.kiosk" "$KIOSK" --headless --pack "$CORPUS/good/pack" --size 800x480 --replay "$input"
        fi
        judge "$log.kiosk" reject "$names_re" "$problem_re" kiosk "$input" >"$log.judge"
        p=$(cat "$log.judge")
        [ -z "$p" ] || { problems+=("$p"); kinds+=("$KIND_OF"); }
        shown="the kiosk named the $kind's problem"
    else
        run "$log.verify" "$VP" verify "$input" --pubkey "$PUB"
        judge "$log.verify" "$expect" "$names_re" "$problem_re" verify "$input" >"$log.judge"
        p=$(cat "$log.judge")
        [ -z "$p" ] || { problems+=("$p"); kinds+=("$KIND_OF"); }
        run "$log.install" "$VP" install "$input" --root "$ROOT" --pubkey "$PUB"
        judge "$log.install" "$expect_install" "$names_re" "$problem_re" install "$input" >"$log.judge"
        p=$(cat "$log.judge")
        [ -z "$p" ] || { problems+=("$p"); kinds+=("$KIND_OF"); }
        s=$(state_intact "$log")
        if [ -n "$s" ]; then
            problems+=("after install: $s"); kinds+=(accepted)
            install_good  # start the next input from the good state again
        fi
        shown="state root still loads corpus-good 1.0.0"
    fi

    if [[ $name == control-* || $name == img-control-* ]]; then
        controls=$((controls + 1))
        if [ ${#problems[@]} -eq 0 ]; then
            controls_ok=$((controls_ok + 1))
            echo "ok      $name (control, accepted as it should be)"
        else
            echo "FAIL    $name (control): ${problems[*]}"
            FAILURES+=("$name (control): ${problems[*]}")
        fi
        continue
    fi
    tried=$((tried + 1))
    if [ ${#problems[@]} -eq 0 ]; then
        clean=$((clean + 1))
        echo "ok      $name ($shown)"
        continue
    fi
    worst=unclear
    for k in "${kinds[@]}"; do
        case $k in crash) worst=crash ;; accepted) [ "$worst" = crash ] || worst=accepted ;; esac
    done
    case $worst in crash) crashes=$((crashes + 1)) ;; accepted) accepted=$((accepted + 1)) ;; *) unclear=$((unclear + 1)) ;; esac
    echo "FAIL    $name [$worst] ($description): ${problems[*]}"
    FAILURES+=("$name [$worst]: ${problems[*]}")
done <"$INDEX"

echo
echo "controls: $controls_ok of $controls valid inputs accepted"
echo "accepted: $accepted, unclear messages: $unclear"
if [ ${#FAILURES[@]} -gt 0 ]; then
    echo "failures (logs in $LOGS):"
    for f in "${FAILURES[@]}"; do echo "  $f"; done
fi
echo "$tried bad inputs tried, $clean rejected cleanly, $crashes crashes"
if [ ${#FAILURES[@]} -gt 0 ] || [ "$clean" -ne "$tried" ]; then
    exit 1
fi
rm -rf "$WORK"
exit 0
