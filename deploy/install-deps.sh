#!/usr/bin/env bash
# Installs what Vitrine needs from Debian bookworm's packages, and only what is
# missing. Idempotent: a second run installs nothing.
#
#   deploy/install-deps.sh            build and run on this machine
#   deploy/install-deps.sh arm64      also cross-build for arm64 and test under qemu
#
# Why each package:
#   cmake g++ make pkgconf        the build
#   libsdl2-dev                   window, KMSDRM display, renderer, input (platform/)
#   libimgui-dev                  Dear ImGui 1.86: drawing and font atlas (kiosk/)
#   libstb-dev                    stb_image/stb_image_write/stb_truetype (libimgui needs it too)
#   libtomlplusplus-dev           pack manifests (TOML)
#   catch2                        unit tests (single header, our own main)
#   fonts-noto-core               Noto Serif and Noto Sans, the exhibit's typefaces
#   libarchive-dev                pack files are one standard archive (no home-made format)
#   libsodium-dev                 Ed25519 signatures and hashes for pack files
#   libsqlite3-dev                anonymous visitor statistics, safe across power loss
#   nlohmann-json3-dev            reading TimelineJS JSON for import
#   crossbuild-essential-<arch>   cross compiler, for a foreign architecture
#   qemu-user                     runs the foreign test binaries here
set -euo pipefail

native=(cmake g++ make pkgconf libsdl2-dev libimgui-dev libstb-dev libtomlplusplus-dev catch2 fonts-noto-core
        libarchive-dev libsodium-dev libsqlite3-dev nlohmann-json3-dev)
# Foreign-architecture libraries that are multi-arch and install beside the native ones.
foreign_libs=(libsdl2-dev libstb-dev libtomlplusplus-dev libarchive-dev libsodium-dev libsqlite3-dev)

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)

missing=()
is_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

arches=("$@")
for arch in "${arches[@]}"; do
    case "$arch" in
        arm64|armhf) ;;
        *) echo "install-deps: unknown architecture '$arch' (use arm64 or armhf)" >&2; exit 2 ;;
    esac
done

for p in "${native[@]}"; do is_installed "$p" || missing+=("$p"); done
need_update=0
for arch in "${arches[@]}"; do
    if ! dpkg --print-foreign-architectures | grep -qx "$arch"; then
        "${sudo_cmd[@]}" dpkg --add-architecture "$arch"
        need_update=1
    fi
    for p in "crossbuild-essential-$arch" qemu-user; do is_installed "$p" || missing+=("$p"); done
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
    prefix="/opt/vitrine-deps/$arch"
    case "$arch" in arm64) triplet=aarch64-linux-gnu ;; armhf) triplet=arm-linux-gnueabihf ;; esac
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
echo "install-deps: all dependencies present"
