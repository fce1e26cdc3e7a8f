#include "bundled_pack.h"

#include "base/file_read.h"

#include <filesystem>

namespace fs = std::filesystem;

namespace platform {

namespace {

// The bundled pack below the install prefix, relative to the programs' folder
// (CMake's CMAKE_INSTALL_BINDIR and CMAKE_INSTALL_DATADIR, as the package lays
// them out).
constexpr const char* kPackFromBinDir = VITRINE_PACK_FROM_BINDIR;
// Only when the executable's own path cannot be read (no /proc): where the
// install prefix the binary was configured for puts it.
constexpr const char* kPackAtConfiguredPrefix = VITRINE_PACK_AT_PREFIX;

bool has_manifest(const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / "pack.toml", ec);
}

}  // namespace

std::string bundled_pack_dir() {
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (ec || self.empty()) return kPackAtConfiguredPrefix;
    const fs::path bin_dir = self.parent_path();

    // Read through one descriptor, never waiting on a FIFO put in its place.
    const kiosk::FileRead marker = kiosk::read_regular_file((bin_dir / kBuildTreeMarker).string(), 4096);
    const std::string text = marker.ok() ? marker.text() : "";
    const std::string source_pack = text.substr(0, text.find('\n'));
    if (!source_pack.empty() && has_manifest(source_pack)) return source_pack;
    return (bin_dir / kPackFromBinDir).lexically_normal().string();
}

}  // namespace platform
