// [[recordings]]: recorded narration with captions, checked by the loader (a
// broken one is left out with a warning, never stopping the exhibit) and by the
// validator's list of texts the kiosk cannot speak.
#include "curator/recording_check.h"
#include "curator/speech_languages.h"
#include "pack/pack_limits.h"
#include "pack/pack_loader.h"
#include "pack_diagnostics.h"
#include "scratch_pack.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

using kiosk::Diagnostic;
using kiosk::PackLoadResult;

namespace {

namespace fs = std::filesystem;

const std::string kPack = std::string(VITRINE_TEST_PACKS) + "/exhibit-recordings";

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// A copy of tests/packs/exhibit-recordings with `edits` made to its pack.toml.
std::string recordings_pack_edited(const std::string& name,
                                   const std::vector<std::pair<std::string, std::string>>& edits) {
    return pack_edited("exhibit-recordings", "recordings", name, edits);
}

PackLoadResult load_for_validator(const std::string& dir) {
    kiosk::PackLoadOptions options;
    options.accessibility_errors = true;
    options.keep_pixels = false;
    return kiosk::load_pack(dir, options);
}

// The Khmer recording's lines in exhibit-recordings' pack.toml.
const std::string kKhmerItem = "item = \"events.born\"\nfield = \"headline\"\nlanguage = \"km\"";
const std::string kKhmerFile = "file = \"audio/km/born-headline.ogg\"";
const std::string kKhmerCaptions = "captions = \"audio/km/born-headline.vtt\"";

// A broken Khmer recording: on the kiosk the pack loads and the recording is
// left out with a warning at `line` naming the problem; for the validator the
// same words are an error.
void check_left_out(const std::string& dir, const std::string& needle, int line) {
    const PackLoadResult kiosk_load = kiosk::load_pack(dir);
    INFO(all_messages(kiosk_load));
    CHECK(kiosk_load.ok());
    CHECK(kiosk_load.pack.events.size() == 2);
    CHECK_FALSE(kiosk_load.pack.find_recording("events", "born", "headline", "km"));
    CHECK(kiosk_load.pack.find_recording("events", "born", "headline", "en"));
    const Diagnostic& warning = find(kiosk_load, needle);
    CHECK(warning.severity == Diagnostic::Severity::Warning);
    CHECK(warning.line == line);
    CHECK(warning.message.find("the kiosk leaves this recording out") != std::string::npos);

    const PackLoadResult validated = load_for_validator(dir);
    CHECK_FALSE(validated.ok());
    CHECK(find(validated, needle).severity == Diagnostic::Severity::Error);
}

}  // namespace

TEST_CASE("a pack's recordings load with their captions") {
    const PackLoadResult result = kiosk::load_pack(kPack);
    INFO(all_messages(result));
    REQUIRE(result.ok());
    CHECK(result.diagnostics.empty());
    REQUIRE(result.pack.recordings.size() == 2);
    const kiosk::Recording* km = result.pack.find_recording("events", "born", "headline", "km");
    REQUIRE(km);
    CHECK(km->file == "audio/km/born-headline.ogg");
    CHECK(km->captions_file == "audio/km/born-headline.vtt");
    REQUIRE(km->captions.size() == 1);
    CHECK(km->captions[0].start_ms == 0);
    CHECK(km->captions[0].end_ms == 2000);
    CHECK(km->captions[0].text == "កើតនៅភូមិមួយក្បែរទន្លេ");
    const kiosk::Recording* en = result.pack.find_recording("events", "born", "headline", "en");
    REQUIRE(en);
    CHECK(en->captions.at(0).text == "Born in a village by the river.");
    CHECK_FALSE(result.pack.find_recording("events", "born", "text", "km"));
    // What a pack file carries beside pack.toml.
    CHECK(kiosk::pack_media_files(result.pack) ==
          std::vector<std::string>{"media/photo.png", "audio/km/born-headline.ogg", "audio/km/born-headline.vtt",
                                   "audio/en/born-headline.ogg", "audio/en/born-headline.vtt"});
    // The validator's stricter load finds nothing either.
    CHECK(load_for_validator(kPack).diagnostics.empty());
}

TEST_CASE("a recording's item, field and language must name a text of the pack") {
    SECTION("an item that does not exist") {
        check_left_out(recordings_pack_edited("no-item", {{"item = \"events.born\"\nfield = \"headline\"\nlanguage = "
                                                           "\"km\"",
                                                           "item = \"events.bron\"\nfield = \"headline\"\nlanguage = "
                                                           "\"km\""}}),
                       "'item' 'events.bron': there is no events with id 'bron' in pack.toml; check the id", 60);
    }
    SECTION("a kind of item written in the singular") {
        check_left_out(recordings_pack_edited("singular", {{kKhmerItem,
                                                            "item = \"event.born\"\nfield = "
                                                            "\"headline\"\nlanguage = \"km\""}}),
                       "names no kind of item a recording can speak; write 'events.born'", 60);
    }
    SECTION("a field the item does not have") {
        check_left_out(recordings_pack_edited("no-field", {{kKhmerItem,
                                                            "item = \"events.born\"\nfield = "
                                                            "\"headlin\"\nlanguage = \"km\""}}),
                       "'field' 'headlin' is not a text of events.born; the texts it can have: disputed, headline, "
                       "text",
                       61);
    }
    SECTION("\"about\" has the About screen's texts only") {
        check_left_out(recordings_pack_edited("about-title", {{kKhmerItem,
                                                               "item = \"about\"\nfield = "
                                                               "\"title\"\nlanguage = \"km\""}}),
                       "'field' 'title' is not a text of about; the texts it can have: content_note, credits, gaps, "
                       "licence",
                       61);
    }
    SECTION("a language the pack is not in") {
        check_left_out(recordings_pack_edited("language", {{kKhmerItem,
                                                            "item = \"events.born\"\nfield = "
                                                            "\"headline\"\nlanguage = \"fr\""}}),
                       "language 'fr' is not in [settings] languages", 62);
    }
    SECTION("a text the item has not in that language") {
        check_left_out(recordings_pack_edited("no-text", {{kKhmerItem,
                                                           "item = \"events.born\"\nfield = "
                                                           "\"disputed\"\nlanguage = \"km\""}}),
                       "events.born has no disputed.km to record; write the text in pack.toml first", 62);
    }
}

TEST_CASE("the About screen's texts are the exhibit's, recorded as item = \"about\" or \"exhibit\"") {
    const std::string credits = "[settings]";
    const std::string dir = recordings_pack_edited(
        "about", {{credits, "credits.en = \"Test museum\"\ncredits.km = \"សារមន្ទីរសាកល្បង\"\n\n[settings]"},
                  {kKhmerItem, "item = \"about\"\nfield = \"credits\"\nlanguage = \"km\""}});
    const PackLoadResult result = kiosk::load_pack(dir);
    INFO(all_messages(result));
    CHECK(result.diagnostics.empty());
    // Where the kiosk's About screen looks for it.
    const kiosk::Recording* recording = result.pack.find_recording("exhibit", "", "credits", "km");
    REQUIRE(recording);
    CHECK(recording->file == "audio/km/born-headline.ogg");

    // The same text once more, named as the exhibit's: one recording is kept.
    const std::string twice = recordings_pack_edited(
        "about-twice", {{credits, "credits.en = \"Test museum\"\ncredits.km = \"សារមន្ទីរសាកល្បង\"\n\n[settings]"},
                        {kKhmerItem, "item = \"about\"\nfield = \"credits\"\nlanguage = \"km\""},
                        {"item = \"events.born\"\nfield = \"headline\"\nlanguage = \"en\"",
                         "item = \"exhibit\"\nfield = \"credits\"\nlanguage = \"km\""}});
    const PackLoadResult again = kiosk::load_pack(twice);
    CHECK(find(again, "a recording of exhibit 'credits' in 'km' is given already at line 62").severity ==
          Diagnostic::Severity::Warning);
    CHECK(again.pack.recordings.size() == 1);
}

TEST_CASE("a recording's audio must be an Ogg Vorbis file inside the pack") {
    SECTION("a file that does not exist") {
        check_left_out(recordings_pack_edited("missing", {{kKhmerFile, "file = \"audio/km/gone.ogg\""}}),
                       "'audio/km/gone.ogg' does not exist; check the path, relative to the pack folder", 63);
    }
    SECTION("a WAV file named .ogg") {
        const std::string dir = recordings_pack_edited("wav", {});
        std::ofstream(dir + "/audio/km/born-headline.ogg", std::ios::binary)
            << std::string("RIFF\x24\x00\x00\x00WAVEfmt ", 16) << std::string(64, '\0');
        check_left_out(dir, "is a WAV file, not Ogg Vorbis (checked by content, not by name); convert it", 63);
    }
    SECTION("an Ogg file that holds no Vorbis") {
        const std::string dir = recordings_pack_edited("not-vorbis", {});
        std::string page("OggS\x00\x02", 6);
        page += std::string(20, '\0') + std::string("\x01\x13", 2) + "OpusHead" + std::string(11, '\0');
        std::ofstream(dir + "/audio/km/born-headline.ogg", std::ios::binary) << page;
        check_left_out(dir, "is Ogg Opus; the kiosk plays Ogg Vorbis only", 63);
        std::ofstream(dir + "/audio/km/born-headline.ogg", std::ios::binary) << "OggS and then nothing of use";
        check_left_out(dir, "is a damaged Ogg file", 63);
    }
    SECTION("a path out of the pack") {
        check_left_out(recordings_pack_edited("dotdot", {{kKhmerFile, "file = \"../minimal/media/photo.png\""}}),
                       "'file' must stay inside the pack folder, but '../minimal/media/photo.png' uses '..'", 63);
        check_left_out(recordings_pack_edited("absolute", {{kKhmerFile, "file = \"/etc/passwd\""}}),
                       "'file' must be a path relative to the pack folder, not an absolute path '/etc/passwd'", 63);
    }
    SECTION("a symbolic link leading out of the pack") {
        const std::string dir = recordings_pack_edited("symlink", {{kKhmerFile, "file = \"audio/km/out.ogg\""}});
        fs::create_symlink(fs::absolute(kPack + "/audio/en/born-headline.ogg"), dir + "/audio/km/out.ogg");
        check_left_out(dir, "'audio/km/out.ogg' leads outside the pack folder through a symbolic link", 63);
    }
    SECTION("a file larger than a recording may be") {
        const std::string dir = recordings_pack_edited("large", {});
        fs::resize_file(dir + "/audio/km/born-headline.ogg", uint64_t(kiosk::kMaxRecordingFileBytes) + 1);
        check_left_out(dir, "a recording may be at most 32 MiB", 63);
    }
}

TEST_CASE("a recording's captions are named at their own line in their own file") {
    const std::string dir = recordings_pack_edited("bad-vtt", {});
    std::ofstream(dir + "/audio/km/born-headline.vtt") << "WEBVTT\n\n00:00.000 --> 00:02,000\nកើត\n";
    check_left_out(dir, "'00:02,000' is not a WebVTT time", 3);
    const PackLoadResult result = kiosk::load_pack(dir);
    const Diagnostic& d = find(result, "'00:02,000' is not a WebVTT time");
    CHECK(d.path == dir + "/audio/km/born-headline.vtt");
    CHECK(d.message.find("(the captions of the recording at pack.toml line 64)") != std::string::npos);
    // After pack.toml's own problems.
    CHECK(&d == &result.diagnostics.back());

    std::ofstream(dir + "/audio/km/born-headline.vtt") << "WEBVTT\n";
    check_left_out(dir, "the captions have no cues", 0);
    check_left_out(recordings_pack_edited("no-vtt", {{kKhmerCaptions, "captions = \"audio/km/gone.vtt\""}}),
                   "'audio/km/gone.vtt' does not exist", 64);
}

TEST_CASE("one recording for each text and language, with the keys pack.toml knows") {
    SECTION("twice the same text") {
        const std::string dir =
            recordings_pack_edited("twice", {{"language = \"en\"\nfile = \"audio/en/born-headline.ogg\"",
                                              "language = \"km\"\nfile = \"audio/en/born-headline.ogg\""}});
        const PackLoadResult result = kiosk::load_pack(dir);
        INFO(all_messages(result));
        CHECK(result.ok());
        const Diagnostic& d = find(result, "a recording of events.born 'headline' in 'km' is given already at line 59");
        CHECK(d.line == 66);
        REQUIRE(result.pack.recordings.size() == 1);
        CHECK(result.pack.recordings[0].file == "audio/km/born-headline.ogg");
    }
    SECTION("a misspelt or missing key") {
        check_left_out(
            recordings_pack_edited("caption", {{kKhmerCaptions, "caption = \"audio/km/born-headline.vtt\""}}),
            "unknown key 'caption' in [[recordings]]; did you mean 'captions'?", 64);
    }
}

TEST_CASE("past the most recordings a pack may hold, the rest are left out") {
    const std::string table =
        "\n[[recordings]]\nitem = \"events.born\"\nfield = \"headline\"\nlanguage = "
        "\"en\"\nfile = \"audio/en/born-headline.ogg\"\ncaptions = \"audio/en/born-headline.vtt\"\n";
    std::string many;
    for (int i = 0; i < kiosk::kMaxRecordings; ++i) many += table;
    const std::string dir = recordings_pack_edited(
        "too-many",
        {{"captions = \"audio/en/born-headline.vtt\"\n", "captions = \"audio/en/born-headline.vtt\"\n" + many}});
    const PackLoadResult result = kiosk::load_pack(dir);
    CHECK(result.ok());
    const Diagnostic& d = find(result, "the pack has 2002 recordings; at most 2000 fit a pack file");
    CHECK(d.severity == Diagnostic::Severity::Warning);
    CHECK(d.line == 73 + 7 * (kiosk::kMaxRecordings - 2));  // the 2001st [[recordings]]
    CHECK(result.pack.recordings.size() == 2);
    CHECK_FALSE(load_for_validator(dir).ok());
}

TEST_CASE("a photograph without alt text: a warning on the kiosk, an error for the validator") {
    const std::string dir = recordings_pack_edited(
        "no-alt", {{"alt.en = \"Twelve coloured squares in four columns and three rows, blue at the top left shading "
                    "to magenta at the top right and to pale grey at the bottom right\"\n"
                    "alt.km = \"ការ៉េពណ៌ដប់ពីរ ជាបួនជួរឈរ និងបីជួរដេក ពីពណ៌ខៀវទៅពណ៌ស្វាយ\"\n",
                    ""}});
    const PackLoadResult kiosk_load = kiosk::load_pack(dir);
    CHECK(kiosk_load.ok());
    CHECK(find(kiosk_load, "photograph 'photo' has no 'alt' text").severity == Diagnostic::Severity::Warning);
    const PackLoadResult validated = load_for_validator(dir);
    CHECK_FALSE(validated.ok());
    const Diagnostic& d = find(validated, "photograph 'photo' has no 'alt' text");
    CHECK(d.severity == Diagnostic::Severity::Error);
    CHECK(d.line == 49);
    CHECK(d.message.find("write what the photograph shows in alt.en = \"…\"") != std::string::npos);
}

TEST_CASE("eSpeak NG speaks English and French, not Khmer") {
    CHECK(kiosk::synthesised_speech("en"));
    CHECK(kiosk::synthesised_speech("fr"));
    CHECK(kiosk::synthesised_speech("vi"));
    CHECK(kiosk::synthesised_speech("th"));
    CHECK_FALSE(kiosk::synthesised_speech("km"));
    CHECK_FALSE(kiosk::synthesised_speech("lo"));
    CHECK_FALSE(kiosk::synthesised_speech(""));
}

TEST_CASE("validate lists the Khmer texts without a recording, and not the recorded ones") {
    const auto warnings_for = [](const std::string& dir) {
        const PackLoadResult result = load_for_validator(dir);
        INFO(all_messages(result));
        REQUIRE(result.ok());
        return kiosk::missing_recording_warnings(read(fs::path(dir) / "pack.toml"), result.pack, dir + "/pack.toml");
    };
    const std::vector<Diagnostic> warnings = warnings_for(kPack);
    REQUIRE(warnings.size() == 1);  // English is synthesised
    const std::string& message = warnings[0].message;
    CHECK(warnings[0].severity == Diagnostic::Severity::Warning);
    CHECK(message.rfind("Khmer: 9 texts have no recording, so the kiosk cannot speak them", 0) == 0);
    CHECK(message.find("events 'born' text") != std::string::npos);
    CHECK(message.find("events 'school' headline") != std::string::npos);
    CHECK(message.find("events 'born' headline") == std::string::npos);

    // One more recording: the text it speaks is no longer listed.
    const std::string dir = recordings_pack_edited(
        "one-more", {{"\n[[recordings]]\nitem = \"events.born\"\nfield = \"headline\"\nlanguage = \"en\"",
                      "\n[[recordings]]\nitem = \"events.school\"\nfield = \"headline\"\nlanguage = \"km\"\nfile = "
                      "\"audio/km/born-headline.ogg\"\ncaptions = \"audio/km/born-headline.vtt\"\n\n"
                      "[[recordings]]\nitem = \"events.born\"\nfield = \"headline\"\nlanguage = \"en\""}});
    const std::vector<Diagnostic> fewer = warnings_for(dir);
    REQUIRE(fewer.size() == 1);
    CHECK(fewer[0].message.rfind("Khmer: 8 texts have no recording", 0) == 0);
    CHECK(fewer[0].message.find("events 'school' headline") == std::string::npos);
}

TEST_CASE("the list of unrecorded texts names a few and counts the rest") {
    const std::string bundled = VITRINE_SOURCE_DIR "/assets/ieng-sary";
    const PackLoadResult result = load_for_validator(bundled);
    INFO(all_messages(result));
    REQUIRE(result.ok());
    const std::vector<Diagnostic> warnings =
        kiosk::missing_recording_warnings(read(bundled + "/pack.toml"), result.pack, bundled + "/pack.toml");
    REQUIRE(warnings.size() == 1);
    const std::string& message = warnings[0].message;
    CHECK(message.rfind("Khmer: ", 0) == 0);
    const size_t from = message.find("voice): "), to = message.find(" more; add a [[recordings]] entry for each");
    REQUIRE(from != std::string::npos);
    REQUIRE(to != std::string::npos);
    const std::string named = message.substr(from, to - from);
    CHECK(size_t(std::count(named.begin(), named.end(), ',')) == kiosk::kNamedUnrecordedTexts - 1);
    CHECK(named.find("exhibit title, exhibit subject") != std::string::npos);
}
