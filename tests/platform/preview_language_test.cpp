// vitrine-pack preview --language: the screens in the language asked for, as a
// visitor who chose it sees them; `all` puts each language in its own folder.
#include "pack_tool.h"
#include "test_files.h"

#include <catch2/catch.hpp>

#include <filesystem>

namespace {

int preview(const std::vector<std::string>& args) {
    const pack_tool::Subcommand* command = pack_tool::find_subcommand("preview");
    REQUIRE(command);
    return command->run(args);
}

const std::string kTwoLanguages = VITRINE_TEST_PACKS "/two-languages";

}  // namespace

TEST_CASE("preview renders the screens in each of the pack's languages") {
    const std::string out = test_files::fresh_dir("preview-language", "all");
    REQUIRE(preview({kTwoLanguages, "--out", out, "--size", "800x480", "--language", "all"}) == pack_tool::kExitOk);
    CHECK(test_files::names_in(out) == std::vector<std::string>{"en", "fr"});
    for (const char* lang : {"en", "fr"}) {
        CHECK(test_files::names_in(out + "/" + lang) ==
              std::vector<std::string>{"800x480", "contact-sheet-800x480.png", "transcript.txt"});
        CHECK(std::filesystem::exists(out + "/" + lang + "/800x480/explore-01.png"));
    }
    // What each screen says, in its language: the card's headline and the buttons.
    const std::string en_said = test_files::read_bytes(out + "/en/transcript.txt");
    const std::string fr_said = test_files::read_bytes(out + "/fr/transcript.txt");
    CHECK_THAT(en_said,
               Catch::Contains("## explore-01") && Catch::Contains("Voices, button.") && Catch::Contains("Event 1 of"));
    CHECK_THAT(fr_said, Catch::Contains("## voices-01") && Catch::Contains("Évènement 1 sur"));
    // French words on the card ("Naissance", not "Born"): another picture.
    CHECK(test_files::read_bytes(out + "/en/800x480/explore-01.png") !=
          test_files::read_bytes(out + "/fr/800x480/explore-01.png"));

    // One language asked for: the same pictures as in its folder, at the top.
    const std::string fr = test_files::fresh_dir("preview-language", "fr");
    REQUIRE(preview({kTwoLanguages, "--out", fr, "--size", "800x480", "--language", "fr"}) == pack_tool::kExitOk);
    CHECK(test_files::read_bytes(fr + "/800x480/explore-01.png") ==
          test_files::read_bytes(out + "/fr/800x480/explore-01.png"));
    // Without --language: the default, as before.
    const std::string en = test_files::fresh_dir("preview-language", "default");
    REQUIRE(preview({kTwoLanguages, "--out", en, "--size", "800x480"}) == pack_tool::kExitOk);
    CHECK(test_files::read_bytes(en + "/800x480/explore-01.png") ==
          test_files::read_bytes(out + "/en/800x480/explore-01.png"));
}

TEST_CASE("preview refuses a language the pack does not have") {
    const std::string out = test_files::fresh_dir("preview-language", "unknown");
    CHECK(preview({kTwoLanguages, "--out", out, "--language", "km"}) == pack_tool::kExitUsage);
    CHECK(test_files::names_in(out).empty());
}
