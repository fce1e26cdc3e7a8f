#!/usr/bin/env bash
# Installs what Vitrine needs from Debian bookworm's packages, and only what is
# missing. Idempotent: a second run installs nothing.
#
#   deploy/install-deps.sh            build and run on this machine
#   deploy/install-deps.sh arm64      also cross-build for arm64 and test under qemu
#   deploy/install-deps.sh armhf      also cross-build for 32-bit ARMv7 (armhf)
#   deploy/install-deps.sh fuzz       also the fuzz targets (tests/fuzz)
#   deploy/install-deps.sh proofs     also what CI's proofs need (fuzzing, tracing,
#                                     board roots, the fleet rollout)
#
# Why each package:
#   cmake g++ make pkgconf        the build
#   libsdl2-dev                   window, KMSDRM display, renderer, input (platform/)
#   libegl-mesa0 libgl1-mesa-dri  Mesa's EGL and GLES2 driver (llvmpipe): `--renderer opengles2`, and the
#                                 golden screens drawn by a board's renderer under test, with no GPU
#   libimgui-dev                  Dear ImGui 1.86: drawing and font atlas (kiosk/)
#   libstb-dev                    stb_image/stb_image_write/stb_truetype (libimgui needs it too)
#   libtomlplusplus-dev           pack manifests (TOML)
#   catch2                        unit tests (single header, our own main)
#   fonts-noto-core               Noto Serif and Noto Sans, and their Khmer faces, the exhibit's typefaces
#   libharfbuzz-dev               shaping every text (Khmer clusters, stacked marks, kerning)
#   libicu-dev                    line breaks by the Unicode rules; Khmer words by ICU's dictionary
#   libharfbuzz-bin               hb-shape: the tests compare the kiosk's shaping with HarfBuzz's own
#   libespeak-ng-dev espeak-ng-data  speech for what is on the screen, offline: eSpeak NG, its voices and dictionaries
#   libarchive-dev                pack files are one standard archive (no home-made format)
#   libsodium-dev                 Ed25519 signatures and hashes for pack files
#   zlib1g-dev                    inflating pack files with every byte accounted for (one gzip member)
#   libpng-dev                    screenshots encoded fast (zlib level 3); stb_image_write's encoder was most of a start
#   libsqlite3-dev                anonymous visitor statistics, safe across power loss
#   nlohmann-json3-dev            reading TimelineJS JSON for import
#   libdrm-dev                    switching the panel off outside opening hours (DRM DPMS)
#   systemd                       systemd-analyze checks the service units (tests)
#   clang libclang-rt-14-dev      libFuzzer and clang's sanitizer runtimes (fuzz, proofs)
#   strace                        proves no network socket is opened (proofs)
#   debootstrap qemu-user-static  fresh Debian roots for the package and fleet tests (proofs)
#   ansible-core openssh-client   the fleet rollout and its test (proofs)
#   python3                       the corpus generator and image comparison (proofs)
#   clang-format                  checks the code follows .clang-format (proofs; Debian 12 has version 14)
#   crossbuild-essential-<arch>   cross compiler, for a foreign architecture
#   qemu-user                     runs the foreign test binaries here
#   mmdebstrap                    unpacks the armhf libraries into a sysroot (see
#                                 deploy/toolchain-armhf.cmake for why not multiarch)
set -euo pipefail
cd "$(dirname "$0")/.."

native=(cmake g++ make pkgconf libsdl2-dev libimgui-dev libstb-dev libtomlplusplus-dev catch2 fonts-noto-core
        libarchive-dev libsodium-dev zlib1g-dev libpng-dev libsqlite3-dev nlohmann-json3-dev libdrm-dev systemd
        libharfbuzz-dev libicu-dev libharfbuzz-bin libespeak-ng-dev espeak-ng-data libegl-mesa0 libgl1-mesa-dri)
# Foreign-architecture libraries that are multi-arch and install beside the native ones.
foreign_libs=(libsdl2-dev libstb-dev libtomlplusplus-dev libarchive-dev libsodium-dev zlib1g-dev libpng-dev libsqlite3-dev libdrm-dev
              libharfbuzz-dev libicu-dev libespeak-ng-dev espeak-ng-data libegl-mesa0 libgl1-mesa-dri)

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)

missing=()
is_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

arches=()
fuzz=0
for arg in "$@"; do
    case "$arg" in
        arm64|armhf) arches+=("$arg") ;;
        fuzz) fuzz=1 ;;
        proofs) fuzz=1; native+=(strace debootstrap qemu-user-static ansible-core openssh-client python3 clang-format) ;;
        *) echo "install-deps: unknown argument '$arg' (use arm64, armhf, fuzz or proofs)" >&2; exit 2 ;;
    esac
done

[ $fuzz -eq 0 ] || native+=(clang libclang-rt-14-dev)
for p in "${native[@]}"; do is_installed "$p" || missing+=("$p"); done
need_update=0
# arm64 libraries install beside the native ones (multiarch); armhf ones go into a
# sysroot, below.
for arch in "${arches[@]}"; do
    for p in "crossbuild-essential-$arch" qemu-user; do is_installed "$p" || missing+=("$p"); done
    if [ "$arch" = armhf ]; then
        is_installed mmdebstrap || missing+=(mmdebstrap)
        continue
    fi
    if ! dpkg --print-foreign-architectures | grep -qx "$arch"; then
        "${sudo_cmd[@]}" dpkg --add-architecture "$arch"
        need_update=1
    fi
    for p in "${foreign_libs[@]}"; do is_installed "$p:$arch" || missing+=("$p:$arch"); done
done

if [ ${#missing[@]} -gt 0 ]; then
    echo "install-deps: installing ${missing[*]}"
    if [ $need_update -eq 1 ] || [ -z "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v lock)" ]; then
        "${sudo_cmd[@]}" apt-get update -q
    fi
    if ! DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"; then
        "${sudo_cmd[@]}" apt-get update -q
        DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
    fi
fi

# libimgui-dev is not multi-arch: its foreign copy cannot be installed beside the
# native one. Unpack the foreign package's static library into a private prefix
# instead; the toolchain file in deploy/ points the build there.
for arch in "${arches[@]}"; do
    [ "$arch" = arm64 ] || continue
    prefix="/opt/vitrine-deps/$arch"
    triplet=aarch64-linux-gnu
    if [ ! -f "$prefix/usr/lib/$triplet/libimgui.a" ]; then
        echo "install-deps: unpacking libimgui-dev:$arch into $prefix"
        tmp=$(mktemp -d)
        chmod 755 "$tmp"  # apt's download user must be able to write here
        (cd "$tmp" && apt-get download -q "libimgui-dev:$arch")
        "${sudo_cmd[@]}" mkdir -p "$prefix"
        "${sudo_cmd[@]}" dpkg-deb -x "$tmp"/libimgui-dev_*.deb "$prefix"
        rm -rf "$tmp"
    fi
done
# The armhf sysroot: every library the build and the tests link, from one suite.
# Unpacked only (no maintainer scripts), so no emulation is needed to make it.
sysroot_packages=libc6-dev,libstdc++-12-dev,libsdl2-dev,libimgui-dev,libstb-dev,libtomlplusplus-dev,libarchive-dev
sysroot_packages+=,libsodium-dev,zlib1g-dev,libpng-dev,libsqlite3-dev,nlohmann-json3-dev,catch2,libdrm-dev,libharfbuzz-dev,libicu-dev
sysroot_packages+=,libespeak-ng-dev,espeak-ng-data
for arch in "${arches[@]}"; do
    [ "$arch" = armhf ] || continue
    sysroot=/opt/vitrine-deps/armhf/sysroot
    stamp="$sysroot/.vitrine-packages"
    if [ "$(cat "$stamp" 2>/dev/null)" != "$sysroot_packages" ]; then
        # From the mirror this machine's apt uses (a museum's own mirror or proxy).
        source deploy/debian-mirror.sh
        mirror=$(debian_mirror bookworm)
        debian_mirror_export_proxy
        echo "install-deps: unpacking the armhf libraries from $mirror into $sysroot"
        "${sudo_cmd[@]}" mkdir -p "$(dirname "$sysroot")"
        "${sudo_cmd[@]}" rm -rf "$sysroot.new"
        "${sudo_cmd[@]}" mmdebstrap --quiet --variant=extract --architectures=armhf --include="$sysroot_packages" \
            bookworm "$sysroot.new" "$mirror"
        echo "$sysroot_packages" | "${sudo_cmd[@]}" tee "$sysroot.new/.vitrine-packages" > /dev/null
        "${sudo_cmd[@]}" rm -rf "$sysroot"
        "${sudo_cmd[@]}" mv "$sysroot.new" "$sysroot"
    fi
done
echo "install-deps: all dependencies present"
