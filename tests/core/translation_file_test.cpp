// Translators' files: pack.toml's texts exported for one language, and a
// translation brought back beside the default language's texts with every
// other byte of pack.toml kept.
#include "curator/translation_file.h"

#include "curator/pack_texts.h"
#include "curator/toml_text.h"
#include "curator/translation_check.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <toml++/toml.h>

namespace {

const std::string kManifest = R"toml(# A small exhibit
schema = 1

[exhibit]
id = "x"
version = "1.0.0"
title.en = "Ada"                 # shown large
subtitle = { en = "Inline" }

[settings]
languages = ["en"]        # the first is the default

[[events]]
id = "born"
date = "1900"
headline.en = "Born"
text.en = """\
A long text \
on two lines."""

[[quotes]]
id = "q1"
text.en = "Words."
speaker = "Ada Example"
)toml";

std::string imported(const std::string& manifest, const std::string& json) {
    const kiosk::TranslationImport result = kiosk::import_translation(manifest, json);
    INFO((result.errors.empty() ? "" : result.errors.front()));
    REQUIRE(result.ok());
    return result.manifest;
}

std::string string_at(const std::string& manifest, const char* path) {
    const toml::table root = toml::parse(manifest);
    return root.at_path(path).value<std::string>().value_or("(none)");
}

}  // namespace

TEST_CASE("a translation goes on the line after the default language's text, the rest untouched") {
    const std::string out = imported(kManifest, R"({"language": "km",
        "exhibit": {"title": "អាដា"},
        "events": {"born": {"headline": "កើត", "text": "អត្ថបទ"}}})");
    const std::string expected = R"toml(# A small exhibit
schema = 1

[exhibit]
id = "x"
version = "1.0.0"
title.en = "Ada"                 # shown large
title.km = "អាដា"
subtitle = { en = "Inline" }

[settings]
languages = ["en", "km"]  # the first is the default

[[events]]
id = "born"
date = "1900"
headline.en = "Born"
headline.km = "កើត"
text.en = """\
A long text \
on two lines."""
text.km = """\
អត្ថបទ"""

[[quotes]]
id = "q1"
text.en = "Words."
speaker = "Ada Example"
)toml";
    CHECK(out == expected);
    // Importing the same file again changes nothing.
    const kiosk::TranslationImport again = kiosk::import_translation(out, R"({"language": "km",
        "exhibit": {"title": "អាដា"}, "events": {"born": {"headline": "កើត", "text": "អត្ថបទ"}}})");
    REQUIRE(again.ok());
    CHECK(again.manifest == out);
    CHECK(again.written == 0);
    CHECK(again.unchanged == 3);
}

TEST_CASE("an existing translation is replaced in place") {
    const std::string once = imported(kManifest, R"({"language": "fr", "exhibit": {"title": "Ada fr-1"}})");
    const std::string twice = imported(once, R"({"language": "fr", "exhibit": {"title": "Ada, en français"}})");
    CHECK(string_at(twice, "exhibit.title.fr") == "Ada, en français");
    CHECK(twice.find("Ada fr-1") == std::string::npos);
    CHECK(twice.find("languages = [\"en\", \"fr\"]") != std::string::npos);  // listed once
    CHECK(twice.size() == once.size() + std::string("Ada, en français").size() - std::string("Ada fr-1").size());
}

TEST_CASE("a plain speaker becomes a table of languages when a language names them its own way") {
    const std::string out = imported(kManifest, R"({"language": "km", "quotes": {"q1": {"speaker": "អាដា"}}})");
    CHECK(out.find("speaker.en = \"Ada Example\"\nspeaker.km = \"អាដា\"\n") != std::string::npos);
    CHECK(string_at(out, "quotes[0].speaker.en") == "Ada Example");
    // The same name in another language leaves the one plain name alone.
    const kiosk::TranslationImport same =
        kiosk::import_translation(kManifest, R"({"language": "fr", "quotes": {"q1": {"speaker": "Ada Example"}}})");
    INFO((same.errors.empty() ? "" : same.errors.front()));
    REQUIRE(same.ok());
    CHECK(same.manifest == kManifest);
    CHECK(same.not_translated == 1);
}

TEST_CASE("texts are escaped, long ones wrapped, and read back exactly") {
    const std::string tricky =
        "He said \"no\" \\ then left.\tA tab, a \"\"\" run, and a line\nbreak; "
        "then a sentence long enough that it has to be wrapped at a space somewhere along it.";
    const std::string out = imported(kManifest, nlohmann::json{{"language", "fr"},
                                                               {"events", {{"born", {{"text", tricky}}}}},
                                                               {"exhibit", {{"title", "“Ada” \\ \x01"}}}}
                                                    .dump());
    CHECK(string_at(out, "events[0].text.fr") == tricky);
    CHECK(string_at(out, "exhibit.title.fr") == "“Ada” \\ \x01");
    for (const std::string& s : {std::string(" leading space"), std::string("\nleading break"),
                                 std::string("two  spaces " + std::string(90, 'a') + "  b"), std::string("")}) {
        const toml::table t = toml::parse("v = " + kiosk::toml_wrapped_text(s, 20));
        CHECK(t["v"].value<std::string>() == s);
    }
}

TEST_CASE("unknown tables, ids and fields are named and nothing is imported") {
    const kiosk::TranslationImport result = kiosk::import_translation(kManifest, R"({"language": "km",
        "evnets": {}, "events": {"dead": {"headline": "x"}, "born": {"headlin": "x", "headline": 3}},
        "exhibit": {"title": "ok", "subtitle": "inline"}})");
    CHECK_FALSE(result.ok());
    const std::vector<std::string> expected = {
        "unknown table 'evnets': pack.toml has texts in exhibit, events, quotes",
        "events: pack.toml has no item with id 'dead'",
        "events 'born': pack.toml has no text 'headlin' (its texts: headline, text)",
        "events 'born' headline: expected a string, found number",
        "exhibit subtitle is written as an inline table ({ en = … }) in pack.toml: write it as subtitle.en = \"…\" so "
        "a translation can go beside it"};
    CHECK(result.errors == expected);

    CHECK(kiosk::import_translation(kManifest, R"({"language": "en", "exhibit": {"title": "x"}})").errors ==
          std::vector<std::string>{"'en' is the pack's default language: a translation goes beside it, not over it"});
    CHECK(kiosk::import_translation(kManifest, R"({"language": "Khmer"})").errors.size() == 1);
    CHECK(kiosk::import_translation(kManifest, R"({"exhibit": {}})").errors.size() == 1);
    CHECK(kiosk::import_translation(kManifest, "{\"language\": ").errors.front().rfind("not valid JSON", 0) == 0);
}

TEST_CASE("untranslated texts of an exported skeleton are not imported as translations") {
    const kiosk::TranslationExport skeleton = kiosk::export_translation(kManifest, "km");
    REQUIRE(skeleton.error.empty());
    nlohmann::json file = nlohmann::json::parse(skeleton.json);
    CHECK(file["language"] == "km");
    CHECK(file["exhibit"]["title"] == "Ada");
    CHECK(file["events"]["born"]["text"] == "A long text on two lines.");
    CHECK(file["quotes"]["q1"]["speaker"] == "Ada Example");
    // The plain speaker serves every language: not missing.
    CHECK(file["missing"] == nlohmann::json::array({"exhibit/title", "exhibit/subtitle", "events/born/headline",
                                                    "events/born/text", "quotes/q1/text"}));
    CHECK(skeleton.missing == 5);

    file["events"]["born"]["headline"] = "កើត";
    const kiosk::TranslationImport result = kiosk::import_translation(kManifest, file.dump());
    CHECK(result.errors.size() == 1);  // the inline subtitle
    file["exhibit"].erase("subtitle");
    const std::string out = imported(kManifest, file.dump());
    const kiosk::PackTexts texts = kiosk::read_pack_texts(out);
    REQUIRE(texts.ok());
    CHECK(kiosk::missing_translations(texts, "km").size() == 4);
    // Exported again, the translation is the value and no longer missing.
    const nlohmann::json again = nlohmann::json::parse(kiosk::export_translation(out, "km").json);
    CHECK(again["events"]["born"]["headline"] == "កើត");
    CHECK(again["missing"].size() == 4);
}

TEST_CASE("pack texts carry their line and languages") {
    const kiosk::PackTexts texts = kiosk::read_pack_texts(kManifest);
    REQUIRE(texts.ok());
    REQUIRE(texts.texts.size() == 6);
    CHECK(texts.texts[0].name() == "exhibit title");
    CHECK(texts.texts[0].languages.at("en").value.begin.line == 7);
    CHECK(texts.texts[3].name() == "events 'born' text");
    CHECK(texts.texts[3].languages.at("en").value.begin.line == 17);
    CHECK(texts.texts[5].plain);
    CHECK(kiosk::read_pack_texts("a = ").error.rfind("1:", 0) == 0);
}

TEST_CASE("validate lists the missing translations of each language after the default, at their lines") {
    const std::string manifest =
        "[exhibit]\ntitle.en = \"T\"\ntitle.km = \"ក\"\nsubject.en = \"S\"\n"
        "[settings]\nlanguages = [\"en\", \"km\", \"fr\"]\n"
        "[[quotes]]\nid = \"q\"\ntext.en = \"W\"\nspeaker = \"Someone\"\n";
    const std::vector<kiosk::Diagnostic> warnings = kiosk::missing_translation_warnings(manifest, "pack.toml");
    std::vector<std::string> printed;
    for (const kiosk::Diagnostic& d : warnings) printed.push_back(d.to_string());
    const std::vector<std::string> expected = {
        "pack.toml: warning: km: 2 texts have no Khmer translation; the kiosk shows them in English (vitrine-pack "
        "translation export --language km lists them for a translator)",
        "pack.toml:4:14: warning: km: exhibit subject has no Khmer translation",
        "pack.toml:9:11: warning: km: quotes 'q' text has no Khmer translation",
        "pack.toml: warning: fr: 3 texts have no French translation; the kiosk shows them in English (vitrine-pack "
        "translation export --language fr lists them for a translator)",
        "pack.toml:2:12: warning: fr: exhibit title has no French translation",
        "pack.toml:4:14: warning: fr: exhibit subject has no French translation",
        "pack.toml:9:11: warning: fr: quotes 'q' text has no French translation"};
    CHECK(printed == expected);
    CHECK(kiosk::missing_translation_warnings("[settings]\nlanguages = [\"en\"]\n[exhibit]\ntitle.en = \"T\"\n", "p")
              .empty());
}

TEST_CASE("a pack.toml with Windows line breaks gets its translations with the same breaks") {
    const std::string manifest = "[exhibit]\r\ntitle.en = \"Ada\"  # name\r\nsubject.en = \"Ada\"\r\n";
    const std::string out = imported(manifest, R"j({"language": "fr", "exhibit": {"title": "Ada (en français)"}})j");
    CHECK(out ==
          "[exhibit]\r\ntitle.en = \"Ada\"  # name\r\ntitle.fr = \"Ada (en français)\"\r\nsubject.en = "
          "\"Ada\"\r\n\r\n[settings]\r\nlanguages = [\"en\", \"fr\"]\r\n");
}

TEST_CASE("a [settings] without a list of languages gets one under its heading") {
    const std::string manifest = "[exhibit]\ntitle.en = \"Ada\"\n\n[settings]  # the kiosk's\nidle_timeout_s = 30\n";
    CHECK(imported(manifest, R"({"language": "km", "exhibit": {"title": "អាដា"}})") ==
          "[exhibit]\ntitle.en = \"Ada\"\ntitle.km = \"អាដា\"\n\n[settings]  # the kiosk's\n"
          "languages = [\"en\", \"km\"]\nidle_timeout_s = 30\n");
}
