// vitrine-pack preview --language: the screens in the language asked for, as a
// visitor who chose it sees them; `all` puts each language in its own folder.
// And it never loses a curator's file: it writes outside the pack folder only,
// and replaces nothing already in its folder without --force (a signing key,
// never), checking every file before it writes the first.
#include "pack_tool.h"
#include "test_files.h"

#include <catch2/catch.hpp>

#include <filesystem>

namespace fs = std::filesystem;

namespace {

int preview(const std::vector<std::string>& args) {
    const pack_tool::Subcommand* command = pack_tool::find_subcommand("preview");
    REQUIRE(command);
    return command->run(args);
}

const std::string kTwoLanguages = VITRINE_TEST_PACKS "/two-languages";
const std::string kMinimal = VITRINE_TEST_PACKS "/minimal";

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

TEST_CASE("preview writes nothing into the pack folder") {
    const std::string pack = test_files::fresh_dir("preview-output", "pack") + "/minimal";
    fs::copy(kMinimal, pack, fs::copy_options::recursive);
    const std::vector<std::string> before = test_files::names_in(pack);
    for (const std::string& out : {pack, pack + "/", pack + "/shots", pack + "/media/../shots"}) {
        INFO(out);
        CHECK(preview({pack, "--out", out, "--size", "800x480", "--force"}) == pack_tool::kExitInvalid);
        CHECK(test_files::names_in(pack) == before);
    }
}

TEST_CASE("preview replaces no file already in its folder without --force, and a key never") {
    const std::string out = test_files::fresh_dir("preview-output", "existing");
    test_files::write_bytes(out + "/transcript.txt", "the curator's notes\n");
    REQUIRE(preview({kMinimal, "--out", out, "--size", "800x480"}) == pack_tool::kExitInvalid);
    // Nothing at all was written: no screen, no sheet, and the notes are as they were.
    CHECK(test_files::names_in(out) == std::vector<std::string>{"transcript.txt"});
    CHECK(test_files::read_bytes(out + "/transcript.txt") == "the curator's notes\n");

    // A key saved under a contact sheet's name stays, even with --force.
    fs::remove(out + "/transcript.txt");
    const std::string key = "vitrine-secret-key 1\nnot a real key\n";
    test_files::write_bytes(out + "/contact-sheet-800x480.png", key);
    CHECK(preview({kMinimal, "--out", out, "--size", "800x480", "--force"}) == pack_tool::kExitInvalid);
    CHECK(test_files::read_bytes(out + "/contact-sheet-800x480.png") == key);
    CHECK(test_files::names_in(out) == std::vector<std::string>{"contact-sheet-800x480.png"});

    // With --force an earlier preview's files are replaced.
    fs::remove(out + "/contact-sheet-800x480.png");
    REQUIRE(preview({kMinimal, "--out", out, "--size", "800x480"}) == pack_tool::kExitOk);
    CHECK(preview({kMinimal, "--out", out, "--size", "800x480"}) == pack_tool::kExitInvalid);
    CHECK(preview({kMinimal, "--out", out, "--size", "800x480", "--force"}) == pack_tool::kExitOk);
}
