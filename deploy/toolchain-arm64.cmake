# Cross-build for arm64: Raspberry Pi 3, 4 and 5 on a 64-bit OS (the primary
# target), with Debian multiarch: deploy/install-deps.sh arm64 installs the arm64
# libraries beside the native ones (dpkg --add-architecture arm64).
set(VITRINE_TRIPLET aarch64-linux-gnu)
set(VITRINE_DEB_ARCH arm64)
set(VITRINE_QEMU qemu-aarch64)
set(VITRINE_QEMU_ROOT /)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
include(${CMAKE_CURRENT_LIST_DIR}/toolchain-debian-cross.cmake)

# Headers and arch-independent files are shared with the host; libraries come from
# /usr/lib/aarch64-linux-gnu, and libimgui.a (not multi-arch) from the prefix
# install-deps unpacks it into.
set(PKG_CONFIG_EXECUTABLE aarch64-linux-gnu-pkg-config CACHE FILEPATH "")
set(VITRINE_DEPS_PREFIX /opt/vitrine-deps/arm64 CACHE PATH "")
