# Cross-build for armhf: ARMv7 boards and Raspberry Pis running a 32-bit OS.
#
# The armhf libraries live in a sysroot that deploy/install-deps.sh armhf unpacks
# from Debian bookworm's armhf packages with mmdebstrap, rather than beside the
# native ones with multiarch: multiarch needs the foreign packages at exactly the
# host's versions, and a mirror whose armhf security index lags the amd64 one
# makes that impossible to install. The sysroot takes every package from one
# suite, so its versions always agree with each other.
set(VITRINE_TRIPLET arm-linux-gnueabihf)
set(VITRINE_DEB_ARCH armhf)
set(VITRINE_QEMU qemu-arm)
set(VITRINE_QEMU_ROOT /opt/vitrine-deps/armhf/sysroot)
set(CMAKE_SYSTEM_PROCESSOR armv7l)
include(${CMAKE_CURRENT_LIST_DIR}/toolchain-debian-cross.cmake)

set(CMAKE_SYSROOT ${VITRINE_QEMU_ROOT})
set(CMAKE_FIND_ROOT_PATH ${CMAKE_SYSROOT})
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
set(ENV{PKG_CONFIG_SYSROOT_DIR} ${CMAKE_SYSROOT})
set(ENV{PKG_CONFIG_LIBDIR} ${CMAKE_SYSROOT}/usr/lib/${VITRINE_TRIPLET}/pkgconfig:${CMAKE_SYSROOT}/usr/share/pkgconfig)
# The host's dpkg does not know the sysroot's packages, so dpkg-shlibdeps cannot
# name the libraries' packages: the package takes the arm64 build's dependency
# list, which a test compares with what dpkg-shlibdeps finds for arm64.
set(VITRINE_CROSS_SYSROOT_DEB ON)
