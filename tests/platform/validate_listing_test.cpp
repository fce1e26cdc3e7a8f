// vitrine-pack validate lists problems as assets/PACK-FORMAT.md's Limits say:
// after 20 of one kind one line counts the rest, whichever check finds them: a
// pack of many texts and a second language is not 5000 lines of warnings.
#include "../stderr_capture.h"
#include "pack_tool.h"
#include "test_files.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

TEST_CASE("validate lists 20 missing translations of a language, then counts the rest in one line") {
    const std::string pack = test_files::fresh_dir("validate-listing", "untranslated") + "/pack";
    fs::copy(VITRINE_TEST_PACKS "/minimal", pack, fs::copy_options::recursive);
    std::string manifest = test_files::read_bytes(pack + "/pack.toml");
    const std::string one_language = "languages = [\"en\"]";
    REQUIRE(manifest.find(one_language) != std::string::npos);
    manifest.replace(manifest.find(one_language), one_language.size(), "languages = [\"en\", \"fr\"]");
    // 600 events, each with a headline and a text in English only: 1200 texts
    // without French, fewer than 100 starting in any one year.
    for (int i = 0; i < 600; ++i)
        manifest += "\n[[events]]\nid = \"e" + std::to_string(i) + "\"\ndate = \"" + std::to_string(1926 + i / 10) +
                    "\"\nheadline.en = \"Event " + std::to_string(i) +
                    "\"\ntext.en = \"What happened.\"\n"
                    "sources = [\"src\"]\n";
    test_files::write_bytes(pack + "/pack.toml", manifest);

    const pack_tool::Subcommand* validate = pack_tool::find_subcommand("validate");
    REQUIRE(validate);
    int status = -1;
    const std::string said = stderr_of([&] { status = validate->run({pack, "--size", "800x480"}); });
    CHECK(status == pack_tool::kExitOk);
    // A note that [translations.fr] is missing, the count, 20 texts, the line counting the rest, the total.
    CHECK(std::count(said.begin(), said.end(), '\n') == 1 + 1 + 20 + 1 + 1);
    CHECK_THAT(said, Catch::Contains("warning: fr: 1214 texts have no French translation"));
    size_t listed = 0;
    for (size_t at = said.find("has no French translation"); at != std::string::npos;
         at = said.find("has no French translation", at + 1))
        ++listed;
    CHECK(listed == 20);
    CHECK_THAT(said, Catch::Contains("warning: fr: … and 1194 more texts without a French translation\n"));
}
