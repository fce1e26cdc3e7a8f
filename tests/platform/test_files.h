// Small file helpers shared by the platform tests.
#pragma once

#include "pack/pack_loader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace test_files {

inline const std::string kBundled = VITRINE_SOURCE_DIR "/assets/ieng-sary";
inline const std::string kMinimal = VITRINE_TEST_PACKS "/minimal";

// The bundled exhibit's version as its pack.toml gives it, so tests follow the
// curator's releases.
inline std::string bundled_version() { return kiosk::load_pack(kBundled).pack.exhibit.version; }

// A fresh, empty folder under the test output: OUTPUT/group/name.
inline std::string fresh_dir(const std::string& group, const std::string& name) {
    const std::filesystem::path dir = std::filesystem::path(VITRINE_TEST_OUTPUT) / group / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir.string();
}

inline std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline void write_bytes(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), std::streamsize(bytes.size()));
}

// Where a symlink points, as written; "" when it is not one.
inline std::string link_of(const std::string& path) {
    std::error_code ec;
    const std::filesystem::path target = std::filesystem::read_symlink(path, ec);
    return ec ? "" : target.string();
}

// The names in a folder, sorted.
inline std::vector<std::string> names_in(const std::string& dir) {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace test_files
