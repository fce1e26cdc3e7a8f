#include "pack/pack_loader.h"

#include "pack_diagnostics.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

using kiosk::Diagnostic;
using kiosk::PackLoadResult;

namespace {

std::string pack_dir(const std::string& name) { return std::string(VITRINE_TEST_PACKS) + "/" + name; }

PackLoadResult load(const std::string& name) { return kiosk::load_pack(pack_dir(name)); }

void check_error(const PackLoadResult& result, const std::string& needle, int line, int column) {
    const Diagnostic& d = find(result, needle);
    INFO(d.to_string());
    CHECK(d.severity == Diagnostic::Severity::Error);
    CHECK(d.line == line);
    CHECK(d.column == column);
}

size_t error_count(const PackLoadResult& result) {
    return static_cast<size_t>(
        std::count_if(result.diagnostics.begin(), result.diagnostics.end(),
                      [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::Error; }));
}

}  // namespace

TEST_CASE("the minimal pack loads completely") {
    const PackLoadResult result = load("minimal");
    INFO(all_messages(result));
    REQUIRE(result.ok());
    CHECK(result.diagnostics.empty());

    const kiosk::Pack& pack = result.pack;
    CHECK(pack.dir == pack_dir("minimal"));
    CHECK(pack.schema == 1);
    CHECK(pack.exhibit.id == "test-person");
    CHECK(pack.exhibit.version == "0.1.0");
    CHECK(pack.exhibit.title.in("en") == "Test Person");
    CHECK(pack.exhibit.born.year == 1925);
    CHECK(pack.exhibit.born.day == 24);
    CHECK(pack.exhibit.died.year == 2013);
    CHECK(pack.exhibit.photo == "portrait");
    CHECK(pack.settings.idle_timeout_s == 45);
    CHECK(pack.settings.languages == std::vector<std::string>{"en"});

    REQUIRE(pack.sources.size() == 1);
    CHECK(pack.sources[0].title.in("en") == "A source");
    REQUIRE(pack.eras.size() == 1);
    CHECK(pack.eras[0].color == 0x8a3a2c);
    CHECK(pack.eras[0].end.year == 1950);

    REQUIRE(pack.quotes.size() == 1);
    REQUIRE(pack.quotes[0].when);
    CHECK(pack.quotes[0].when->circa);
    CHECK(pack.quotes[0].when->start.precision == kiosk::DatePrecision::Month);
    CHECK(pack.quotes[0].sources == std::vector<std::string>{"src"});
}

TEST_CASE("events end up in chronological order whatever the file order") {
    const PackLoadResult result = load("minimal");
    const auto& events = result.pack.events;
    REQUIRE(events.size() == 2);
    // The file lists 'school' (1940) before 'born' (1925).
    CHECK(events[0].id == "born");
    CHECK(events[0].photos == std::vector<std::string>{"photo"});
    CHECK(events[1].id == "school");
    CHECK(events[1].era == "early");
    REQUIRE(events[1].when.end);
    CHECK(events[1].when.end->year == 1945);
    CHECK(events[1].sources == std::vector<std::string>{"src"});
}

TEST_CASE("photographs are decoded to RGBA") {
    const PackLoadResult result = load("minimal");
    const kiosk::Photograph* png = result.pack.find_photo("photo");
    REQUIRE(png);
    CHECK(png->width == 88);
    CHECK(png->height == 66);
    CHECK(png->file_width == 88);
    CHECK(png->file_height == 66);
    REQUIRE(png->rgba.size() == 88 * 66 * 4);
    // Block (1, 2) of 22×22 pixels was written as (60, 200, 200), opaque.
    const uint8_t* pixel = &png->rgba[((2 * 22 + 5) * 88 + 1 * 22 + 5) * 4];
    CHECK(int(pixel[0]) == 60);
    CHECK(int(pixel[1]) == 200);
    CHECK(int(pixel[2]) == 200);
    CHECK(int(pixel[3]) == 255);

    const kiosk::Photograph* jpeg = result.pack.find_photo("portrait");
    REQUIRE(jpeg);
    CHECK(jpeg->width == 128);
    CHECK(jpeg->height == 64);
    CHECK(jpeg->rgba.size() == 128 * 64 * 4);
}

TEST_CASE("the model's lookups find by id") {
    const kiosk::Pack& pack = load("minimal").pack;
    CHECK(pack.find_era("early") == &pack.eras[0]);
    CHECK(pack.find_source("src") == &pack.sources[0]);
    CHECK(pack.find_era("nope") == nullptr);
    CHECK(pack.find_photo("") == nullptr);
}

TEST_CASE("LocalText falls back to the language it is given, then to any language, never to English itself") {
    kiosk::LocalText text;
    CHECK(text.get("en", "en").empty());
    CHECK(text.shown_language("en", "en").empty());
    text.by_lang["km"] = "ខ្មែរ";
    CHECK(text.get("fr", "en") == "ខ្មែរ");
    text.by_lang["en"] = "English";
    text.by_lang["fr"] = "Français";
    CHECK(text.get("de", "en") == "English");
    // A pack whose default is Khmer falls back to Khmer, though English is there.
    CHECK(text.get("de", "km") == "ខ្មែរ");
    CHECK(text.shown_language("de", "km") == "km");
    CHECK(text.get("fr", "km") == "Français");
    CHECK(text.in("de").empty());
    CHECK(text.in("en") == "English");
}

TEST_CASE("Pack::text falls back to the pack's default language") {
    kiosk::Pack pack;
    pack.settings.languages = {"fr", "en"};
    kiosk::LocalText text;
    text.by_lang["en"] = "English";
    text.by_lang["fr"] = "Français";
    CHECK(pack.default_language() == "fr");
    CHECK(pack.text(text, "km") == "Français");
    CHECK(pack.text(text, "en") == "English");
    pack.settings.languages = {"en", "fr"};
    CHECK(pack.text(text, "km") == "English");
}

TEST_CASE("diagnostics print like a compiler's") {
    Diagnostic d;
    d.path = "packs/x/pack.toml";
    d.line = 12;
    d.column = 3;
    d.message = "something";
    CHECK(d.to_string() == "packs/x/pack.toml:12:3: error: something");
    d.severity = Diagnostic::Severity::Warning;
    CHECK(d.to_string() == "packs/x/pack.toml:12:3: warning: something");
    d.line = 0;
    CHECK(d.to_string() == "packs/x/pack.toml: warning: something");
    CHECK_FALSE(kiosk::has_errors({d}));
    d.severity = Diagnostic::Severity::Error;
    CHECK(kiosk::has_errors({Diagnostic{}, d}));
    CHECK_FALSE(kiosk::has_errors({}));
}

TEST_CASE("a folder without pack.toml") {
    const PackLoadResult result = load("does-not-exist");
    CHECK_FALSE(result.ok());
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].to_string() ==
          pack_dir("does-not-exist") + "/pack.toml: error: pack.toml does not exist");
}

TEST_CASE("diagnostics name DIR/pack.toml as given") {
    const PackLoadResult result = kiosk::load_pack(pack_dir("broken-syntax") + "/");
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].path == pack_dir("broken-syntax") + "/pack.toml");
}

TEST_CASE("text that is not UTF-8 is reported at the bad byte") {
    const PackLoadResult result = load("broken-invalid-utf8");
    CHECK_FALSE(result.ok());
    REQUIRE(result.diagnostics.size() == 1);
    check_error(result, "text is not valid UTF-8", 41, 17);
}

TEST_CASE("a TOML syntax error is reported where the parser stopped") {
    const PackLoadResult result = load("broken-syntax");
    CHECK_FALSE(result.ok());
    REQUIRE(result.diagnostics.size() == 1);
    check_error(result, "could not determine value type", 14, 18);
}

TEST_CASE("another schema version stops the check") {
    const PackLoadResult result = load("broken-schema-version");
    CHECK_FALSE(result.ok());
    // The pack also has an unknown key, which would only be noise here.
    REQUIRE(result.diagnostics.size() == 1);
    check_error(result, "schema 2 is not supported; this build of Vitrine reads schema 1", 2, 10);
}

TEST_CASE("unknown keys are reported with the closest known key") {
    const PackLoadResult result = load("broken-unknown-key");
    CHECK_FALSE(result.ok());
    check_error(result, "unknown key 'captoin' in [[photographs]]; did you mean 'caption'?", 49, 1);
    // Nothing is close to 'zzz', so nothing is suggested.
    const Diagnostic& zzz = find(result, "unknown key 'zzz' in [settings]");
    CHECK(zzz.message == "unknown key 'zzz' in [settings]");
    CHECK(zzz.line == 15);
    check_error(result, "'EN' in 'headline' is not a language code", 42, 10);
    CHECK(error_count(result) == 3);
}

TEST_CASE("missing required keys are reported at their table") {
    const PackLoadResult result = load("broken-missing-field");
    CHECK_FALSE(result.ok());
    check_error(result, "missing required key 'headline' in [[events]] 'born'", 36, 1);
    check_error(result, "missing required key 'id' in [[events]] #1", 28, 1);
    CHECK(error_count(result) == 2);
}

TEST_CASE("values of the wrong type") {
    const PackLoadResult result = load("broken-wrong-type");
    CHECK_FALSE(result.ok());
    check_error(result, "'idle_timeout_s' must be an integer, not a string", 14, 18);
    check_error(result, "'title' must be a table of languages, e.g. title.en = \"…\"", 7, 9);
    check_error(result, "'sources' must be an array of strings, not a string", 35, 11);
    check_error(result, "'born' must be a string, not a date; write dates in quotes", 9, 8);
    CHECK(error_count(result) == 4);
}

TEST_CASE("dates that cannot exist") {
    const PackLoadResult result = load("broken-impossible-date");
    CHECK_FALSE(result.ok());
    check_error(result, "invalid date '1975-13-01': month 13 does not exist", 30, 8);
    check_error(result, "invalid date '1925-02-29': February 1925 has 28 days", 9, 8);
    check_error(result, "invalid date '1975-8': expected YYYY, YYYY-MM or YYYY-MM-DD", 62, 8);
    CHECK(result.diagnostics.size() == 3);
}

TEST_CASE("ranges that end before they start") {
    const PackLoadResult result = load("broken-range");
    CHECK_FALSE(result.ok());
    check_error(result, "range ends (1935) before it starts (1940)", 31, 7);
    check_error(result, "range ends (1920) before it starts (1925)", 25, 7);
    check_error(result, "'died' (1920) is before 'born' (1925-10-24)", 10, 8);
    CHECK(result.diagnostics.size() == 3);
}

TEST_CASE("duplicate ids point back to the first definition") {
    const PackLoadResult result = load("broken-duplicate-id");
    CHECK_FALSE(result.ok());
    check_error(result, "duplicate id 'school': first defined at line 29", 38, 6);
    check_error(result, "duplicate id 'photo': first defined at line 45", 52, 6);
    CHECK(error_count(result) == 2);
}

TEST_CASE("references to things that are not defined") {
    const PackLoadResult result = load("broken-missing-reference");
    CHECK_FALSE(result.ok());
    check_error(result, "event 'school' refers to era 'earyl', which is not defined; known eras: early", 32, 7);
    check_error(result, "event 'school' refers to source 'nope', which is not defined; known sources: src", 35, 19);
    check_error(result,
                "exhibit refers to photograph 'portait', which is not defined; known photographs: photo, portrait", 11,
                9);
    CHECK(result.diagnostics.size() == 3);
}

TEST_CASE("media problems are reported at the file key") {
    struct Case {
        const char* pack;
        const char* message;
    };
    const Case cases[] = {
        {"broken-missing-media", "'media/missing.png' does not exist"},
        {"broken-not-image", "'media/photo.png' is not a PNG or JPEG image"},
        {"broken-corrupt-image", "'media/photo.png' is corrupt: bad zlib header"},
        {"broken-too-large-image",
         "'media/photo.png' is 20000×20000 pixels; images may be at most 8192 pixels a side and 40 megapixels"},
        {"broken-path-escape", "'file' must stay inside the pack folder, but '../minimal/media/photo.png' uses '..'"},
        {"broken-absolute-path",
         "'file' must be a path relative to the pack folder, not an absolute path '/usr/share/pixmaps/photo.png'"},
        {"broken-symlink-outside", "'media/photo.png' leads outside the pack folder through a symbolic link"},
    };
    for (const Case& c : cases) {
        INFO(c.pack);
        const PackLoadResult result = load(c.pack);
        CHECK_FALSE(result.ok());
        CHECK(result.diagnostics.size() == 1);
        check_error(result, c.message, 46, 8);
        // A photograph that fails a check is never decoded.
        const kiosk::Photograph* photo = result.pack.find_photo("photo");
        REQUIRE(photo);
        CHECK(photo->rgba.empty());
        CHECK(result.pack.find_photo("portrait")->width == 128);
    }
}

TEST_CASE("an exhibit needs at least one event") {
    const PackLoadResult result = load("broken-no-events");
    CHECK_FALSE(result.ok());
    REQUIRE(result.diagnostics.size() == 1);
    check_error(result, "the exhibit has no events; add at least one [[events]]", 1, 1);
}

TEST_CASE("settings out of range and texts without the default language") {
    const PackLoadResult result = load("broken-settings");
    CHECK_FALSE(result.ok());
    check_error(result, "'idle_timeout_s' must be between 20 and 3600 seconds, not 5", 14, 18);
    check_error(result, "'subject' has no text in the default language 'km'", 8, 1);
    check_error(result, "'name' has no text in the default language 'km'", 23, 1);
    CHECK(result.pack.settings.languages == std::vector<std::string>{"km", "en"});
}

TEST_CASE("warnings alone leave a pack valid") {
    const PackLoadResult result = load("valid-warnings");
    CHECK(result.ok());
    REQUIRE(result.diagnostics.size() == 1);
    const Diagnostic& d = find(result, "event 'born' names no source");
    CHECK(d.severity == Diagnostic::Severity::Warning);
    CHECK(d.line == 37);
    CHECK(d.column == 1);
}

TEST_CASE("every problem in a pack is reported, in line order") {
    const PackLoadResult result = load("broken-many");
    CHECK_FALSE(result.ok());
    check_error(result, "missing required key 'schema' at the top level; this build of Vitrine reads schema 1", 1, 1);
    check_error(result, "missing required key 'version' in [exhibit]", 3, 1);
    check_error(result, "unknown key 'verison' in [exhibit]; did you mean 'version'?", 5, 1);
    check_error(result, "'color' must be #RRGGBB, e.g. \"#8a3a2c\", not 'red'", 25, 9);
    check_error(result, "invalid date '1940-02-30': February 1940 has 29 days", 29, 8);
    check_error(result, "duplicate id 'school': first defined at line 28", 37, 6);
    check_error(result, "event 'school' refers to photograph 'nope', which is not defined", 41, 9);
    check_error(result, "'media/gone.jpg' does not exist", 51, 8);
    check_error(result, "missing required key 'speaker' in [[quotes]] 'words'", 56, 1);
    CHECK(find(result, "photograph 'photo' has no 'alt' text").severity == Diagnostic::Severity::Warning);
    CHECK(find(result, "event 'school' names no source").severity == Diagnostic::Severity::Warning);
    CHECK(error_count(result) == 9);
    CHECK(result.diagnostics.size() == 11);
    CHECK(std::is_sorted(result.diagnostics.begin(), result.diagnostics.end(),
                         [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; }));
}

namespace {

// A scratch copy of the minimal pack whose pack.toml the test replaces.
std::string scratch_pack(const std::string& name) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(VITRINE_TEST_OUTPUT) / "loader" / name;
    fs::remove_all(dir);
    fs::create_directories(dir.parent_path());
    fs::copy(pack_dir("minimal"), dir, fs::copy_options::recursive);
    fs::remove(dir / "pack.toml");
    return dir.string();
}

}  // namespace

TEST_CASE("pack.toml must be a plain file inside the pack, not a link out of it or a folder") {
    namespace fs = std::filesystem;
    // Found by the bad-input corpus: a link to a valid manifest elsewhere loaded,
    // and one to /etc/passwd was read and reported as a TOML error.
    const std::string linked = scratch_pack("manifest-link");
    fs::create_symlink(fs::absolute(pack_dir("minimal") + "/pack.toml"), linked + "/pack.toml");
    const PackLoadResult via_link = kiosk::load_pack(linked);
    CHECK_FALSE(via_link.ok());
    find(via_link, "pack.toml is a symbolic link");

    const std::string folder = scratch_pack("manifest-folder");
    fs::create_directory(folder + "/pack.toml");
    find(kiosk::load_pack(folder), "pack.toml is a folder");
}

TEST_CASE("a version is one plain word") {
    std::ifstream in(pack_dir("minimal") + "/pack.toml");
    const std::string manifest((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE(manifest.find("version = \"0.1.0\"") != std::string::npos);
    for (const char* bad : {"", "1.0 beta", "1/../../x", "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0"}) {
        INFO("version: '" << bad << "'");
        const std::string dir = scratch_pack("version");
        std::string text = manifest;
        text.replace(text.find("version = \"0.1.0\""), 17, std::string("version = \"") + bad + "\"");
        std::ofstream(dir + "/pack.toml") << text;
        const PackLoadResult result = kiosk::load_pack(dir);
        CHECK_FALSE(result.ok());
        find(result, "must be 1 to 32 letters, digits");
    }
}

namespace {

// The minimal pack with `from` in its pack.toml replaced by `to`, loaded.
PackLoadResult load_with(const std::string& name, const std::string& from, const std::string& to) {
    std::ifstream in(pack_dir("minimal") + "/pack.toml");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    const std::string dir = scratch_pack(name);
    std::ofstream(dir + "/pack.toml", std::ios::binary) << text;
    return kiosk::load_pack(dir);
}

}  // namespace

TEST_CASE("a media path is plain printable ASCII with no hidden names") {
    namespace fs = std::filesystem;
    const std::string from = "file = \"media/photo.png\"";
    // A NUL would cut the path for open(): media/photo.png would load in its place.
    const PackLoadResult nul = load_with("file-nul", from, "file = \"media/photo.png\\u0000.txt\"");
    CHECK_FALSE(nul.ok());
    check_error(nul, "'file' holds U+0000 (a control character) at character 16; a media path is plain text", 47, 8);
    CHECK(nul.pack.find_photo("photo")->rgba.empty());

    const PackLoadResult newline = load_with("file-newline", from, "file = \"media/pho\\nto.png\"");
    find(newline, "'file' holds U+000A (a control character)");
    const PackLoadResult bidi = load_with("file-bidi", from, "file = \"media/\\u202Egnp.png\"");
    find(bidi, "'file' holds U+202E");
    const PackLoadResult del = load_with("file-del", from, "file = \"media/\\u007Fphoto.png\"");
    find(del, "'file' holds U+007F");

    // Names vitrine-pack build refuses are refused here too, even when the file exists.
    const PackLoadResult accent = load_with("file-accent", from, "file = \"media/phot\\u00E9.png\"");
    CHECK_FALSE(accent.ok());
    find(accent, "'file' 'media/photé.png' has a character other than printable ASCII");

    const PackLoadResult hidden = load_with("file-hidden", from, "file = \"media/.photo.png\"");
    CHECK_FALSE(hidden.ok());
    find(hidden, "names a hidden file or folder ('.photo.png')");
    const PackLoadResult marker = load_with("file-marker", from, "file = \".vitrine/INSTALLED\"");
    find(marker, "names a hidden file or folder ('.vitrine')");

    // "./media/photo.png" is the same file, not a hidden one.
    CHECK(load_with("file-dot", from, "file = \"./media/photo.png\"").ok());
}

TEST_CASE("the exhibit id is at most 64 characters") {
    const std::string from = "id = \"test-person\"";
    CHECK(load_with("exhibit-id-64", from, "id = \"" + std::string(64, 'a') + "\"").ok());
    const PackLoadResult long_id = load_with("exhibit-id-65", from, "id = \"" + std::string(300, 'a') + "\"");
    CHECK_FALSE(long_id.ok());
    const Diagnostic& d = find(long_id, "may use only a-z, 0-9 and '-', at most 64 of them");
    // The message quotes the id cut short, not all 300 characters.
    CHECK(d.message.find(std::string(300, 'a')) == std::string::npos);
}
