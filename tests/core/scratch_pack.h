// A copy of a test pack (tests/packs/minimal, most often) in the test output
// folder with some of its pack.toml's text replaced: one pack per case, each
// with one thing changed.
#pragma once

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

// A copy of tests/packs/`pack` in the test output folder with `edits` (text in
// its pack.toml, what replaces it) applied in order; each text must be there.
// Returns the copy's folder.
inline std::string pack_edited(const std::string& pack, const std::string& group, const std::string& name,
                               const std::vector<std::pair<std::string, std::string>>& edits) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(VITRINE_TEST_OUTPUT) / group / name;
    fs::remove_all(dir);
    fs::create_directories(dir.parent_path());
    fs::copy(fs::path(VITRINE_TEST_PACKS) / pack, dir, fs::copy_options::recursive);
    std::ifstream in(dir / "pack.toml");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const auto& [from, to] : edits) {
        const size_t at = text.find(from);
        REQUIRE(at != std::string::npos);
        text.replace(at, from.size(), to);
    }
    std::ofstream(dir / "pack.toml") << text;
    return dir.string();
}

// `edits` are (text in minimal's pack.toml, what replaces it), applied in order.
inline std::string minimal_pack_edited(const std::string& group, const std::string& name,
                                       const std::vector<std::pair<std::string, std::string>>& edits) {
    return pack_edited("minimal", group, name, edits);
}
