// vitrine-pack translation import and export on a copy of an English-only pack:
// the translated pack loads, every byte it had is kept, a second import changes
// nothing, and a file with a mistake leaves pack.toml alone.
#include "curator/curator_load.h"
#include "pack_tool.h"
#include "test_files.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

namespace {

int run(const std::vector<std::string>& args) {
    const pack_tool::Subcommand* command = pack_tool::find_subcommand("translation");
    REQUIRE(command);
    return command->run(args);
}

const char* const kKhmer = R"({
  "language": "km",
  "exhibit": {"title": "មនុស្សសាកល្បង"},
  "eras": {"early": {"name": "ជីវិតដំបូង"}},
  "events": {"born": {"headline": "កំណើត",
                      "text": "គាត់បានកើតនៅភាគខាងត្បូងប្រទេសវៀតណាមសព្វថ្ងៃ។"}},
  "photographs": {"photo": {"caption": "រូបថត"}},
  "quotes": {"words": {"text": "ពាក្យខ្លះ។"}}
})";

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

}  // namespace

TEST_CASE("a Khmer translation imported into an English pack loads and keeps every other line") {
    const std::string dir = test_files::fresh_dir("translation", "english");
    std::filesystem::copy(test_files::kMinimal, dir, std::filesystem::copy_options::recursive);
    const std::string manifest = dir + "/pack.toml";
    const std::string before = test_files::read_bytes(manifest);
    test_files::write_bytes(dir + "/km.json", kKhmer);

    REQUIRE(run({"import", dir, dir + "/km.json"}) == pack_tool::kExitOk);
    const std::string after = test_files::read_bytes(manifest);
    const kiosk::PackLoadResult loaded = kiosk::load_pack_for_curator(dir);
    for (const kiosk::Diagnostic& d : loaded.diagnostics) UNSCOPED_INFO(d.to_string());
    REQUIRE(loaded.ok());
    CHECK(loaded.pack.settings.languages == std::vector<std::string>{"en", "km"});
    CHECK(loaded.pack.exhibit.title.in("km") == "មនុស្សសាកល្បង");
    const auto born = std::find_if(loaded.pack.events.begin(), loaded.pack.events.end(),
                                   [](const kiosk::Event& e) { return e.id == "born"; });
    REQUIRE(born != loaded.pack.events.end());
    CHECK(born->text.in("km") == "គាត់បានកើតនៅភាគខាងត្បូងប្រទេសវៀតណាមសព្វថ្ងៃ។");
    CHECK(born->text.in("en") == "Was born.");

    // The old file is the new one without the Khmer lines, but for the list of languages.
    std::vector<std::string> kept;
    for (const std::string& line : lines_of(after))
        if (line.find(".km = ") == std::string::npos && line.find("ម") == std::string::npos) kept.push_back(line);
    std::vector<std::string> old = lines_of(before);
    const auto languages = std::find_if(old.begin(), old.end(),
                                        [](const std::string& l) { return l.rfind("languages = [\"en\"]", 0) == 0; });
    REQUIRE(languages != old.end());
    *languages = "languages = [\"en\", \"km\"]";
    CHECK(kept == old);
    CHECK(std::count(after.begin(), after.end(), '\n') == std::count(before.begin(), before.end(), '\n') + 6);

    // Again: not one byte changes.
    REQUIRE(run({"import", dir, dir + "/km.json"}) == pack_tool::kExitOk);
    CHECK(test_files::read_bytes(manifest) == after);
    // validate passes on it, and the curator's folder holds no temporary file.
    const pack_tool::Subcommand* validate = pack_tool::find_subcommand("validate");
    CHECK(validate->run({dir}) == pack_tool::kExitOk);
    CHECK(test_files::names_in(dir) == std::vector<std::string>{"km.json", "media", "pack.toml"});
}

TEST_CASE("a translation with an unknown id writes nothing and names it") {
    const std::string dir = test_files::fresh_dir("translation", "unknown-id");
    std::filesystem::copy(test_files::kBundled, dir, std::filesystem::copy_options::recursive);
    const std::string before = test_files::read_bytes(dir + "/pack.toml");
    test_files::write_bytes(dir + "/fr.json",
                            R"json({"language": "fr", "exhibit": {"title": "Ieng Sary (fr)"},
                                "events": {"borm": {"headline": "Né au sud du Vietnam actuel"}}})json");
    CHECK(run({"import", dir, dir + "/fr.json"}) == pack_tool::kExitInvalid);
    CHECK(test_files::read_bytes(dir + "/pack.toml") == before);
    CHECK(run({"import", dir}) == pack_tool::kExitUsage);
    CHECK(run({"import", dir, dir + "/no-such.json"}) == pack_tool::kExitInvalid);
    CHECK(run({"export", dir}) == pack_tool::kExitUsage);  // which language?
    CHECK(run({"translate", dir}) == pack_tool::kExitUsage);
}

TEST_CASE("new --languages en,km starts a pack with every text to write in Khmer marked") {
    const std::string dir = test_files::fresh_dir("translation", "new") + "/pack";
    const pack_tool::Subcommand* command = pack_tool::find_subcommand("new");
    const int status = command->run({dir, "--languages", "en,km"});
    const kiosk::PackLoadResult loaded = kiosk::load_pack_for_curator(dir);
    size_t to_finish = 0;
    for (const kiosk::Diagnostic& d : loaded.diagnostics) {
        if (d.severity != kiosk::Diagnostic::Severity::Error) continue;
        if (d.message.rfind("the import left this to finish: ", 0) == 0)
            ++to_finish;
        else
            FAIL(d.to_string());
    }
    CHECK(to_finish == 24);  // 23 texts in Khmer and who translated them
    CHECK(status == pack_tool::kExitOk);
    CHECK(loaded.pack.settings.languages == std::vector<std::string>{"en", "km"});
    CHECK(command->run({test_files::fresh_dir("translation", "new-bad"), "--languages", "en,Khmer"}) ==
          pack_tool::kExitUsage);
}
