// A starter pack in several languages: each text of the default language has a
// TO FINISH value beside it in every other language, and each other language a
// [translations.<lang>] block asking who translated it.
#include "curator/starter_languages.h"

#include "curator/pack_texts.h"
#include "curator/translation_file.h"

#include <catch2/catch.hpp>

#include <toml++/toml.h>

namespace {

const std::string kStarter = R"toml(schema = 1

[exhibit]
title.en = "Ada Example"    # the name
content_note.en = """\
A long \
note."""

[settings]
languages = ["en"]                 # the first is the default

# Sources
[[sources]]
id = "archive"
title.en = "The archive"

[[quotes]]
id = "q"
text.en = "Words."
speaker = "Its Speaker"
translated_by.en = "not a text"
)toml";

}  // namespace

TEST_CASE("a starter in English and Khmer asks for every text in Khmer") {
    const kiosk::StarterLanguages starter = kiosk::starter_in_languages(kStarter, {"en", "km"});
    REQUIRE(starter.error.empty());
    const toml::table root = toml::parse(starter.manifest);
    CHECK(root.at_path("exhibit.title.km").value<std::string>() == "TO FINISH: write in Khmer: Ada Example");
    CHECK(root.at_path("exhibit.content_note.km").value<std::string>() == "TO FINISH: write in Khmer: A long note.");
    CHECK(root.at_path("sources[0].title.km").value<std::string>() == "TO FINISH: write in Khmer: The archive");
    CHECK(root.at_path("quotes[0].speaker").value<std::string>() == "Its Speaker");  // one name for all
    CHECK(root.at_path("translations.km.by").value<std::string>() == "TO FINISH: who translated the texts into Khmer");
    CHECK(root.at_path("translations.km.reviewed_by").value<std::string>() == "");
    CHECK(starter.manifest.find("languages = [\"en\", \"km\"]           # the first is the default") !=
          std::string::npos);
    // The block sits after [settings], before the comment that opens the sources.
    CHECK(starter.manifest.find("reviewed_by = \"\"\n\n# Sources\n[[sources]]") != std::string::npos);
    CHECK(kiosk::missing_translations(kiosk::read_pack_texts(starter.manifest), "km").empty());
    CHECK(starter.to_finish == 5);  // four texts and who translated them
}

TEST_CASE("a starter whose default is not English keeps its texts under the default") {
    const kiosk::StarterLanguages starter = kiosk::starter_in_languages(kStarter, {"km", "en", "fr"});
    REQUIRE(starter.error.empty());
    const toml::table root = toml::parse(starter.manifest);
    CHECK(root.at_path("settings.languages").as_array()->size() == 3);
    CHECK(root.at_path("settings.languages[0]").value<std::string>() == "km");
    CHECK(root.at_path("exhibit.title.km").value<std::string>() == "Ada Example");
    CHECK(root.at_path("exhibit.title.en").value<std::string>() == "TO FINISH: write in English: Ada Example");
    CHECK(root.at_path("exhibit.title.fr").value<std::string>() == "TO FINISH: write in French: Ada Example");
    CHECK(root.at_path("translations.en.by"));
    CHECK(root.at_path("translations.fr.by"));

    CHECK(kiosk::starter_in_languages(kStarter, {"en", "Khmer"}).error ==
          "'Khmer' is not a language code; use 2–3 lowercase letters, e.g. km");
    CHECK(kiosk::starter_in_languages(kStarter, {"en", "km", "en"}).error == "'en' is listed twice");
}
