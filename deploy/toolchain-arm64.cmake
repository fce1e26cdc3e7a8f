# Cross-build for arm64 (Raspberry Pi 3/4/5 on a 64-bit OS) with Debian multiarch:
# deploy/install-deps.sh arm64 installs the cross compiler, the arm64 libraries
# and qemu-user, which runs the test binaries here.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)

set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(PKG_CONFIG_EXECUTABLE aarch64-linux-gnu-pkg-config CACHE FILEPATH "")

# Headers and arch-independent files are shared with the host; libraries come from
# /usr/lib/aarch64-linux-gnu, and libimgui.a from the prefix install-deps unpacks.
set(VITRINE_DEPS_PREFIX /opt/vitrine-deps/arm64 CACHE PATH "")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)

# The multiarch arm64 C library (libc6:arm64, installed with the arm64 -dev
# packages) rather than the cross toolchain's copy: threads and fork misbehave
# under qemu-user with the latter.
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64 -L /)
