# Shared part of the cross-build toolchain files (toolchain-arm64.cmake,
# toolchain-armhf.cmake): Debian's cross compilers (crossbuild-essential-<arch>)
# and qemu-user, which runs the test binaries here. The including file sets
# VITRINE_TRIPLET, VITRINE_DEB_ARCH, VITRINE_QEMU_ROOT, VITRINE_QEMU and
# CMAKE_SYSTEM_PROCESSOR, and says where the foreign libraries are.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_LIBRARY_ARCHITECTURE ${VITRINE_TRIPLET})

set(CMAKE_C_COMPILER ${VITRINE_TRIPLET}-gcc)
set(CMAKE_CXX_COMPILER ${VITRINE_TRIPLET}-g++)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ${VITRINE_DEB_ARCH} CACHE STRING "")

# The test binaries run against the foreign C library found under
# VITRINE_QEMU_ROOT, not the cross toolchain's copy: threads and fork misbehave
# under qemu-user with the latter.
#
# eSpeak NG finds its voices at a path compiled into it (/usr/lib/<triplet>/
# espeak-ng-data), which qemu's -L does not redirect: ESPEAK_DATA_PATH names the
# copy under VITRINE_QEMU_ROOT.
set(CMAKE_CROSSCOMPILING_EMULATOR env ESPEAK_DATA_PATH=${VITRINE_QEMU_ROOT}/usr/lib/${VITRINE_TRIPLET}
                                  ${VITRINE_QEMU} -L ${VITRINE_QEMU_ROOT})
