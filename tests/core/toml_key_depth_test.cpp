// Keys of very many dotted parts overflow toml++'s stack: every place that reads
// TOML refuses them first, at their line and column, in plain words.
#include "base/toml_key_depth.h"

#include "config/kiosk_config.h"
#include "curator/pack_texts.h"
#include "pack/pack_loader.h"
#include "text/interface_strings.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace fs = std::filesystem;
using kiosk::find_too_deep_toml_key;
using kiosk::kMaxTomlKeyDepth;

namespace {

std::string dotted(int parts, const std::string& name = "a") {
    std::string key = name;
    for (int i = 1; i < parts; ++i) key += "." + name;
    return key;
}

int depth_of(const std::string& text) {
    const auto deep = find_too_deep_toml_key(text);
    return deep ? deep->depth : 0;
}

}  // namespace

TEST_CASE("dotted keys and table headers are counted by their parts", "[toml_depth]") {
    CHECK_FALSE(find_too_deep_toml_key(dotted(kMaxTomlKeyDepth) + " = 1\n"));
    CHECK(depth_of(dotted(kMaxTomlKeyDepth + 1) + " = 1\n") == kMaxTomlKeyDepth + 1);
    CHECK(depth_of("[" + dotted(kMaxTomlKeyDepth + 1) + "]\n") == kMaxTomlKeyDepth + 1);
    CHECK(depth_of("[[" + dotted(kMaxTomlKeyDepth + 1) + "]]\n") == kMaxTomlKeyDepth + 1);
    // The attack: 50 000 parts, and a header of 100 000 with a trailing dot.
    CHECK(depth_of(dotted(50000) + " = 1\n") == 50000);
    CHECK(depth_of("[" + dotted(100000) + ".]\n") == 100000);
    // Spaces around the dots and quoted parts count; dots inside quotes do not.
    CHECK(depth_of("a . \"b\" . 'c' = 1\n") == 0);
    std::string quoted = "\"x\"";
    for (int i = 0; i < kMaxTomlKeyDepth; ++i) quoted += ".\"y.z\"";
    CHECK(depth_of(quoted + " = 1\n") == kMaxTomlKeyDepth + 1);
    CHECK_FALSE(find_too_deep_toml_key("\"" + dotted(1000) + "\" = 1\n"));
    CHECK_FALSE(find_too_deep_toml_key("'" + dotted(1000) + "' = 1\n"));
}

TEST_CASE("a key's depth adds its header and the inline tables it is inside", "[toml_depth]") {
    const std::string half = dotted(kMaxTomlKeyDepth / 2);
    CHECK_FALSE(find_too_deep_toml_key("[" + half + "]\n" + half + " = 1\n"));
    CHECK(depth_of("[" + half + "]\n" + half + ".b = 1\n") == kMaxTomlKeyDepth + 1);
    // A later header replaces the earlier one's depth.
    CHECK_FALSE(find_too_deep_toml_key("[" + half + "]\n[b]\n" + half + ".c = 1\n"));
    CHECK(depth_of(half + " = { " + half + ".b = 1 }\n") == kMaxTomlKeyDepth + 1);
    CHECK_FALSE(find_too_deep_toml_key(half + " = { x = 1, " + dotted(kMaxTomlKeyDepth / 2 - 1) + " = 1 }\n"));
    // An array is a level of its own.
    CHECK(depth_of(half + " = [ { " + half + " = 1 } ]\n") == kMaxTomlKeyDepth + 1);
    // Closed tables give their depth back.
    CHECK_FALSE(find_too_deep_toml_key(half + " = { b = 1 }\n" + half + " = 2\n"));
}

TEST_CASE("strings, comments and values are no keys", "[toml_depth]") {
    const std::string many = dotted(1000);
    CHECK_FALSE(find_too_deep_toml_key("t = \"" + many + "\"\n"));
    CHECK_FALSE(find_too_deep_toml_key("t = '" + many + "'\n"));
    CHECK_FALSE(find_too_deep_toml_key("t = \"\"\"\n" + many + "\n\"\"\"\n"));
    CHECK_FALSE(find_too_deep_toml_key("t = '''\n" + many + "\n'''\n"));
    CHECK_FALSE(find_too_deep_toml_key("t = \"a \\\" " + many + "\"\n"));
    CHECK_FALSE(find_too_deep_toml_key("# " + many + "\n"));
    CHECK_FALSE(find_too_deep_toml_key("t = 1.5\nd = 1979-01-01T00:00:00.5Z\nlist = [[1, 2], [3]]\n"));
    // 100 nested arrays are toml++'s to judge (it allows 256); no key is in them.
    CHECK_FALSE(find_too_deep_toml_key("a = " + std::string(100, '[') + std::string(100, ']') + "\n"));
}

TEST_CASE("the place of a key too deep is its first part", "[toml_depth]") {
    const auto deep = find_too_deep_toml_key("# ü\nx = \"é.é\"\n  " + dotted(100) + " = 1\n");
    REQUIRE(deep);
    CHECK(deep->line == 3);
    CHECK(deep->column == 3);
    CHECK(deep->message == "a dotted key or table header of 100 names joined by '.'; at most 64");
}

TEST_CASE("a pack, a configuration and a table of words with a key too deep are refused, not parsed", "[toml_depth]") {
    std::ifstream in(std::string(VITRINE_TEST_PACKS) + "/minimal/pack.toml", std::ios::binary);
    REQUIRE(in);
    std::string manifest((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const int line = 2 + int(std::count(manifest.begin(), manifest.end(), '\n'));
    manifest += "\n" + dotted(50000) + " = 1\n";
    const fs::path dir = fs::path(VITRINE_TEST_OUTPUT) / "toml-depth" / "pack";
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::copy(std::string(VITRINE_TEST_PACKS) + "/minimal/media", dir / "media");
    std::ofstream(dir / "pack.toml", std::ios::binary) << manifest;
    const kiosk::PackLoadResult pack = kiosk::load_pack(dir.string());
    REQUIRE(pack.diagnostics.size() == 1);
    CHECK(pack.diagnostics[0].line == line);
    CHECK(pack.diagnostics[0].column == 1);
    CHECK(pack.diagnostics[0].message.find("50000 names joined by '.'; at most 64") != std::string::npos);

    const kiosk::PackTexts texts = kiosk::read_pack_texts(manifest);
    CHECK(texts.error.find(std::to_string(line) + ":1: ") == 0);

    const std::string config = (fs::path(VITRINE_TEST_OUTPUT) / "toml-depth" / "deep.toml").string();
    std::ofstream(config) << "[" << dotted(100000) << "]\n";
    const kiosk::KioskConfigResult r = kiosk::load_kiosk_config(config);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].line == 1);
    CHECK(r.diagnostics[0].message.find("not a kiosk configuration: a dotted key or table header of 100000") == 0);

    const std::string words = "[about]\n" + dotted(kMaxTomlKeyDepth, "x") + " = \"y\"\n";
    const auto problems = kiosk::check_interface_table({"fr", "assets/interface/test.toml", words.c_str()});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].line == 2);
    CHECK(problems[0].message.find("a key nested 65 levels deep") == 0);
}
