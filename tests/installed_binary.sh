#!/bin/sh
# An installed kiosk, moved to another prefix, still shows its bundled exhibit,
# and (release builds) holds no path of the build or source tree.
#
#   tests/installed_binary.sh BUILD_DIR SOURCE_DIR [--no-build-paths]
#
# Installs with `cmake --install` under a temporary DESTDIR (the configuration and
# service files have absolute destinations and must not touch this machine), then
# moves the prefix and runs the moved `vitrine --headless` with no --pack.
set -eu
build=$(cd "$1" && pwd -P)
source_dir=$(cd "$2" && pwd -P)
check_strings=${3:-}

work=$(mktemp -d "${TMPDIR:-/tmp}/vitrine-installed.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "installed_binary: FAILED: $*" >&2; exit 1; }

DESTDIR="$work/dest" cmake --install "$build" --prefix /opt/vitrine > "$work/install.log" ||
    { cat "$work/install.log"; fail "cmake --install"; }
[ -x "$work/dest/opt/vitrine/bin/vitrine" ] || fail "no bin/vitrine under the prefix"
[ -f "$work/dest/opt/vitrine/share/vitrine/packs/ieng-sary/pack.toml" ] || fail "no bundled pack under the prefix"

mkdir -p "$work/elsewhere"
mv "$work/dest/opt/vitrine" "$work/elsewhere/kiosk"
moved=$work/elsewhere/kiosk
cd "$work"  # the kiosk must not depend on the working directory either
"$moved/bin/vitrine" --headless --size 800x480 --screenshot "$work/shot.png" > "$work/run.log" 2>&1 ||
    { cat "$work/run.log"; fail "the moved vitrine did not show an exhibit"; }
grep -q "loaded $moved/share/vitrine/packs/ieng-sary (ieng-sary " "$work/run.log" ||
    { cat "$work/run.log"; fail "the moved vitrine did not load the bundled exhibit from $moved/share/vitrine/packs"; }
[ -s "$work/shot.png" ] || fail "no screenshot"
echo "the moved vitrine shows the bundled exhibit: $(grep 'loaded' "$work/run.log")"

if [ "$check_strings" = --no-build-paths ]; then
    for bin in vitrine vitrine-pack; do
        for tree in "$source_dir" "$build"; do
            if strings "$moved/bin/$bin" | grep -F -m 3 "$tree"; then
                fail "bin/$bin holds paths of $tree (above)"
            fi
        done
    done
    echo "no path of $source_dir or $build in bin/vitrine or bin/vitrine-pack"
fi
