// vitrine-pack import-timelinejs --language: a timeline written in French (or
// Khmer) becomes a pack whose texts are under that language, and whose one
// language it is.
#include "import_timelinejs.h"
#include "pack/pack_loader.h"
#include "pack_tool.h"
#include "test_files.h"

#include <catch2/catch.hpp>

TEST_CASE("a timeline imported with --language has its texts, and its pack's language, in that code") {
    const std::string out = test_files::fresh_dir("import-language", "fr") + "/pack";
    std::vector<std::string> report;
    pack_tool::import_timelinejs(VITRINE_SOURCE_DIR "/tests/fixtures/timelinejs/curie-example.json", out, report, "fr");
    const std::string manifest = test_files::read_bytes(out + "/pack.toml");
    CHECK(manifest.find("title.fr = \"Marie Curie\"\n") != std::string::npos);
    CHECK(manifest.find("headline.fr = \"Naissance à Varsovie\"\n") != std::string::npos);
    CHECK(manifest.find("[settings]\nlanguages = [\"fr\"]\n") != std::string::npos);
    CHECK(manifest.find(".en = ") == std::string::npos);
    const kiosk::PackLoadResult loaded = kiosk::load_pack(out);
    CHECK(loaded.pack.settings.languages == std::vector<std::string>{"fr"});
    CHECK(loaded.pack.exhibit.title.in("fr") == "Marie Curie");
    // The one error is the exhibit photograph the timeline lacks, as in English.
    size_t errors = 0;
    for (const kiosk::Diagnostic& d : loaded.diagnostics) {
        if (d.severity != kiosk::Diagnostic::Severity::Error) continue;
        ++errors;
        CHECK(d.message.rfind("the import left this to finish: ", 0) == 0);
    }
    CHECK(errors == 1);
}

TEST_CASE("import-timelinejs refuses a language that is no code") {
    const pack_tool::Subcommand* command = pack_tool::find_subcommand("import-timelinejs");
    REQUIRE(command);
    const std::string out = test_files::fresh_dir("import-language", "french") + "/pack";
    CHECK(command->run({VITRINE_SOURCE_DIR "/tests/fixtures/timelinejs/curie-example.json", "--out", out, "--language",
                        "French"}) == pack_tool::kExitUsage);
    CHECK_FALSE(std::filesystem::exists(out));
}
