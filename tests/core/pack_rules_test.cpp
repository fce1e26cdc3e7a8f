// The validator's rules beyond the format itself: limits, text hygiene, ASCII
// ids, plausible years, bounded messages, photographs' size and memory, and
// files that are not what they claim to be.
#include "base/diagnostic.h"
#include "curator/timelinejs_import.h"
#include "pack/pack_limits.h"
#include "pack/pack_loader.h"
#include "pack/photo_budget.h"
#include "pack/text_rules.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stb_image_write.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

using kiosk::Diagnostic;
using kiosk::PackLoadResult;
namespace fs = std::filesystem;

namespace {

std::string minimal_manifest() {
    std::ifstream in(std::string(VITRINE_TEST_PACKS) + "/minimal/pack.toml");
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// A copy of the minimal pack in a scratch folder, with MANIFEST as its pack.toml.
std::string scratch(const std::string& name, const std::string& manifest) {
    const fs::path dir = fs::path(VITRINE_TEST_OUTPUT) / "rules" / name;
    fs::remove_all(dir);
    fs::create_directories(dir.parent_path());
    fs::copy(fs::path(VITRINE_TEST_PACKS) / "minimal", dir, fs::copy_options::recursive);
    std::ofstream(dir / "pack.toml", std::ios::binary | std::ios::trunc) << manifest;
    return dir.string();
}

// The minimal manifest with FROM replaced by TO (which must be there once).
std::string with(std::string text, const std::string& from, const std::string& to) {
    const size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

std::string all_messages(const PackLoadResult& result) {
    std::string text;
    for (const Diagnostic& d : result.diagnostics) text += d.to_string() + "\n";
    return text;
}

size_t count_with(const PackLoadResult& result, const std::string& needle) {
    return size_t(std::count_if(result.diagnostics.begin(), result.diagnostics.end(),
                                [&](const Diagnostic& d) { return d.message.find(needle) != std::string::npos; }));
}

const Diagnostic& find(const PackLoadResult& result, const std::string& needle) {
    INFO("looking for: " << needle << "\nin:\n" << all_messages(result));
    REQUIRE(count_with(result, needle) == 1);
    return *std::find_if(result.diagnostics.begin(), result.diagnostics.end(),
                         [&](const Diagnostic& d) { return d.message.find(needle) != std::string::npos; });
}

PackLoadResult load_with(const std::string& name, const std::string& from, const std::string& to) {
    return kiosk::load_pack(scratch(name, with(minimal_manifest(), from, to)));
}

void check_error(const PackLoadResult& result, const std::string& needle) {
    CHECK(find(result, needle).severity == Diagnostic::Severity::Error);
    CHECK_FALSE(result.ok());
}

std::string repeat(const std::string& s, size_t n) {
    std::string out;
    for (size_t i = 0; i < n; ++i) out += s;
    return out;
}

void write_png(const fs::path& path, int w, int h) {
    std::vector<uint8_t> rgb(size_t(w) * size_t(h) * 3, 128);
    REQUIRE(stbi_write_png(path.string().c_str(), w, h, 3, rgb.data(), w * 3));
}

void write_jpeg(const fs::path& path, int w, int h) {
    std::vector<uint8_t> rgb(size_t(w) * size_t(h) * 3);
    for (size_t i = 0; i < rgb.size(); ++i) rgb[i] = uint8_t(i * 7);
    REQUIRE(stbi_write_jpg(path.string().c_str(), w, h, 3, rgb.data(), 80));
}

}  // namespace

TEST_CASE("text rules count code points and find what no text may hold") {
    CHECK(kiosk::count_code_points("abc") == 3);
    CHECK(kiosk::count_code_points("\xE1\x9E\x80\xE1\x9E\xB6") == 2);  // Khmer KA, AA: six bytes
    CHECK(kiosk::count_code_points("") == 0);

    CHECK_FALSE(kiosk::find_forbidden_character("plain text", false));
    CHECK_FALSE(kiosk::find_forbidden_character("two\nlines\twith a tab\r\n", true));
    const auto esc = kiosk::find_forbidden_character("ab\x1b[31m", true);
    REQUIRE(esc);
    CHECK(esc->code_point == 0x1B);
    CHECK(esc->position == 3);
    const auto newline = kiosk::find_forbidden_character("a headline\nbroken", false);
    REQUIRE(newline);
    CHECK(newline->position == 11);
    CHECK(kiosk::find_forbidden_character("lone\rreturn", true));
    CHECK(kiosk::find_forbidden_character("del\x7f", true));
    CHECK(kiosk::find_forbidden_character("c1 \xC2\x9B", true)->code_point == 0x9B);
    const auto bidi = kiosk::find_forbidden_character("\xC3\xA9t\xE2\x80\xAEgnp.exe", true);  // "ét", RLO
    REQUIRE(bidi);
    CHECK(bidi->code_point == 0x202E);
    CHECK(bidi->position == 3);
    CHECK(kiosk::find_forbidden_character("\xE2\x81\xA6isolate", false));  // U+2066
    CHECK(kiosk::describe_forbidden(0x202E).find("U+202E (a bidirectional override)") == 0);

    CHECK(kiosk::has_visible_character("x"));
    CHECK(kiosk::has_visible_character("\xE1\x9E\x80"));  // Khmer KA
    CHECK_FALSE(kiosk::has_visible_character(""));
    CHECK_FALSE(kiosk::has_visible_character(" \t\n "));
    CHECK_FALSE(kiosk::has_visible_character("\xE2\x80\x8B\xE2\x80\x8D\xEF\xBB\xBF"));  // ZWSP, ZWJ, BOM
    CHECK_FALSE(kiosk::has_visible_character("\xC2\xA0\xE3\x80\x80"));                  // no-break, ideographic space
    CHECK_FALSE(kiosk::has_visible_character("\xE1\x9E\xB4\xE1\x9E\xB5"));              // Khmer invisible vowels

    CHECK(kiosk::is_safe_id("ppp-2013"));
    CHECK(kiosk::is_safe_id("Photo_1.v2"));
    CHECK_FALSE(kiosk::is_safe_id(""));
    CHECK_FALSE(kiosk::is_safe_id("caf\xC3\xA9"));
    CHECK_FALSE(kiosk::is_safe_id("two words"));
    CHECK_FALSE(kiosk::is_safe_id(std::string(65, 'a')));
}

TEST_CASE("texts longer than their screen holds are refused with field, length and limit") {
    const PackLoadResult long_quote =
        load_with("long-quote", "text.en = \"Some words.\"", "text.en = \"" + std::string(1501, 'w') + "\"");
    check_error(long_quote, "quote 'words' 'text.en' is 1501 characters; at most 1500 fit the Voices screen");

    // Counted in code points: 1500 Khmer letters are 4500 bytes and fit.
    const PackLoadResult khmer =
        load_with("khmer-quote", "text.en = \"Some words.\"", "text.en = \"" + repeat("\xE1\x9E\x80", 1500) + "\"");
    INFO(all_messages(khmer));
    CHECK(khmer.ok());

    const PackLoadResult megabyte =
        load_with("megabyte-title", "title.en = \"Test Person\"", "title.en = \"" + std::string(1 << 20, 't') + "\"");
    check_error(megabyte, "the exhibit 'title.en' is 1 048 576 characters; at most 120 fit the attract screen");
    CHECK(all_messages(megabyte).size() < 4000);

    const PackLoadResult headline =
        load_with("long-headline", "headline.en = \"School\"", "headline.en = \"" + std::string(161, 'h') + "\"");
    check_error(headline, "event 'school' 'headline.en' is 161 characters; at most 160 fit an event card");

    const PackLoadResult credits =
        load_with("long-credits", "photo = \"portrait\"\n",
                  "photo = \"portrait\"\ncredits.en = \"" + std::string(20001, 'c') + "\"\n");
    check_error(credits, "'credits.en' is 20 001 characters; at most 20 000 fit the About screen");
}

TEST_CASE("counts past the limits are refused, events per year included") {
    std::string quotes;
    for (int i = 0; i <= kiosk::kMaxQuotes; ++i)
        quotes += "[[quotes]]\nid = \"q" + std::to_string(i) +
                  "\"\ntext.en = \"Hi.\"\nspeaker = \"A\"\nsources = [\"src\"]\n";
    const PackLoadResult many_quotes = kiosk::load_pack(scratch("many-quotes", minimal_manifest() + quotes));
    check_error(many_quotes, "the pack has 302 quotes; at most 300 fit the Voices screen");

    std::string events;
    for (int i = 0; i < kiosk::kMaxEventsPerYear; ++i)
        events += "[[events]]\nid = \"e" + std::to_string(i) + "\"\ndate = \"1960-0" + std::to_string(1 + i % 9) +
                  "\"\nheadline.en = \"E\"\ntext.en = \"T.\"\nsources = [\"src\"]\n";
    const PackLoadResult full_year = kiosk::load_pack(scratch("full-year", minimal_manifest() + events));
    INFO(all_messages(full_year));
    CHECK(full_year.ok());
    const PackLoadResult crowded_year = kiosk::load_pack(scratch(
        "crowded-year", minimal_manifest() + events +
                            "[[events]]\nid = \"one-more\"\ndate = \"1960\"\nheadline.en = \"E\"\ntext.en = \"T.\"\n"));
    check_error(crowded_year, "1960 has 101 events starting in it; at most 100 fit one year's cluster");

    const PackLoadResult languages = load_with("many-languages", "languages = [\"en\"]",
                                               "languages = [\"en\", \"km\", \"fr\", \"de\", \"es\", \"it\", \"ja\", "
                                               "\"th\", \"vi\"]");
    check_error(languages, "'languages' lists 9 languages; at most 8");
}

TEST_CASE("a character with more than 16 marks stacked on it is refused before any shaping", "[text_rules]") {
    using kiosk::find_stacked_character;
    CHECK_FALSE(find_stacked_character("Plain text, and café, Tiếng Việt, ស្ត្រី"));
    CHECK_FALSE(find_stacked_character("o" + repeat("\u0336", 16)));
    REQUIRE(find_stacked_character("o" + repeat("\u0336", 17)));
    CHECK(find_stacked_character("o" + repeat("\u0336", 119))->marks == 119);
    // ICU breaks a Khmer stack after each coeng; HarfBuzz shapes it as one syllable.
    CHECK_FALSE(find_stacked_character("\u1780" + repeat("\u17D2\u1780", 8)));  // 16 marks
    const auto khmer = find_stacked_character("ab \u1780" + repeat("\u17D2\u1780", 9));
    REQUIRE(khmer);
    CHECK(khmer->marks == 18);
    CHECK(khmer->position == 4);
    CHECK(kiosk::describe_stacked(*khmer) == "a character with 18 marks stacked on it; at most 16");
    // Many short stacks one after another are fine.
    std::string many;
    for (int i = 0; i < 200; ++i) many += "\u1780" + repeat("\u17D2\u1780", 2) + "e" + repeat("\u0308", 3);
    CHECK_FALSE(find_stacked_character(many));

    const std::string title = "\u1780" + repeat("\u17D2\u1780", 59) + "\u17D2";  // the hostile pass's 120 code points
    check_error(load_with("stacked-title", "title.en = \"Test Person\"", "title.en = \"" + title + "\""),
                "the exhibit 'title.en' has a character with 119 marks stacked on it; at most 16 (at character 1)");
    check_error(
        load_with("stacked-caption", "caption.en = \"A portrait\"", "caption.en = \"e" + repeat("\u0308", 599) + "\""),
        "photograph 'portrait' 'caption.en' has a character with 599 marks stacked on it; at most 16");
}

TEST_CASE("text must show something and hold no control characters or bidi overrides") {
    check_error(load_with("blank-headline", "headline.en = \"School\"", "headline.en = \"   \""),
                "event 'school' 'headline.en' has nothing visible in it");
    check_error(load_with("zero-width-title", "title.en = \"Test Person\"", "title.en = \"\\u200B\\u200D\\uFEFF\""),
                "the exhibit 'title.en' has nothing visible in it");
    check_error(load_with("empty-alt", "alt.en = \"A grey rectangle\"", "alt.en = \"\""),
                "photograph 'portrait' 'alt.en' has nothing visible in it");
    check_error(load_with("blank-speaker", "speaker = \"Test Person\"", "speaker = \"\\u00A0\""),
                "quote 'words' 'speaker' has nothing visible in it");

    const PackLoadResult escape =
        load_with("escape-headline", "headline.en = \"School\"", "headline.en = \"Sch\\u001b[2Jool\"");
    check_error(escape, "event 'school' 'headline.en' has U+001B (a control character) at character 4");
    check_error(load_with("newline-caption", "caption.en = \"A portrait\"", "caption.en = \"A\\nportrait\""),
                "photograph 'portrait' 'caption.en' has U+000A (a control character) at character 2");
    check_error(load_with("rlo-text", "text.en = \"Went to school.\"", "text.en = \"Went to \\u202Eloohcs.\""),
                "event 'school' 'text.en' has U+202E (a bidirectional override) at character 9");
    check_error(load_with("c1-speaker", "speaker = \"Test Person\"", "speaker = \"Test\\u009BPerson\""),
                "U+009B (a control character) at character 5");

    // Long text may break lines and use tabs.
    const PackLoadResult lines =
        load_with("lines", "text.en = \"Went to school.\"", "text.en = \"Went to school.\\n\\tThen left.\\r\\n\"");
    INFO(all_messages(lines));
    CHECK(lines.ok());
}

TEST_CASE("ids are plain ASCII, so ids that look alike are alike") {
    check_error(load_with("accented-id", "id = \"school\"", "id = \"sch\\u00F6ol\""),
                "id 'schöol' may use only a-z, A-Z, 0-9, '-', '_' and '.'");
    // A decomposed ö beside a composed one: both refused rather than two "different" ids.
    check_error(load_with("decomposed-id", "id = \"school\"", "id = \"scho\\u0308ol\""), "may use only a-z");
    check_error(load_with("long-id", "id = \"school\"", "id = \"" + std::string(65, 's') + "\""), "at most 64");
}

TEST_CASE("no message carries a pack's control characters to the terminal") {
    const PackLoadResult result =
        load_with("escape-reference", "era = \"early\"", "era = \"\\u001b]0;owned\\u0007\\u001b[2J\"");
    CHECK_FALSE(result.ok());
    const std::string text = all_messages(result);
    INFO(text);
    CHECK(text.find("\\x1b]0;owned") != std::string::npos);
    CHECK(std::none_of(text.begin(), text.end(), [](char c) { return uint8_t(c) < 0x20 && c != '\n'; }));
    for (const Diagnostic& d : result.diagnostics)
        CHECK(std::none_of(d.message.begin(), d.message.end(), [](char c) { return uint8_t(c) < 0x20; }));

    // Diagnostic::to_string escapes whatever a caller composed.
    const Diagnostic raw{Diagnostic::Severity::Error, "dir\x1b/pack.toml", 1, 1, "bad \x1b[31m\xC2\x9B text"};
    const std::string printed = raw.to_string();
    CHECK(printed.find('\x1b') == std::string::npos);
    CHECK(printed.find("\xC2\x9B") == std::string::npos);
}

TEST_CASE("an unknown id names the nearest known ids, and thousands of them stay a few lines") {
    std::string text = minimal_manifest();
    std::string sources, events;
    for (int i = 0; i < 900; ++i)
        sources += "[[sources]]\nid = \"source-" + std::to_string(i) + "\"\ntitle.en = \"S\"\n";
    for (int i = 0; i < 900; ++i)
        events += "[[events]]\nid = \"e" + std::to_string(i) + "\"\ndate = \"" + std::to_string(1926 + i % 80) +
                  "\"\nheadline.en = \"E\"\ntext.en = \"T.\"\nsources = [\"sourc-" + std::to_string(i) + "\"]\n";
    const auto start = std::chrono::steady_clock::now();
    const PackLoadResult result = kiosk::load_pack(scratch("dangling", text + sources + events));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const std::string printed = all_messages(result);
    INFO(printed.substr(0, 3000));
    CHECK_FALSE(result.ok());
    CHECK(count_with(result, "refers to source") == 20);
    find(result, "event 'e0' refers to source 'sourc-0', which is not defined; did you mean 'source-0'?");
    find(result, "… and 880 more unknown source ids");
    CHECK(printed.size() < 6000);
    CHECK(seconds < 30);  // under a sanitizer on a busy machine; about a second otherwise

    // Nothing close: say so instead of listing 900 ids.
    const PackLoadResult far =
        kiosk::load_pack(scratch("dangling-far", text + sources +
                                                     "[[events]]\nid = \"x\"\ndate = \"1950\"\nheadline.en = \"E\"\n"
                                                     "text.en = \"T.\"\nsources = [\"zzzzzzzzzzzz\"]\n"));
    find(far, "refers to source 'zzzzzzzzzzzz', which is not defined; none of the 901 sources has a similar id");
}

TEST_CASE("dates far outside the exhibit's years are warned about") {
    // born 1925, died 2013: plausible from 1915 to 2063.
    const PackLoadResult future = load_with("year-future", "date = \"1940\"\nend = \"1945\"", "date = \"2925\"");
    const Diagnostic& d = find(future, "event 'school' (2925) lies outside the exhibit's years 1915–2063");
    CHECK(d.severity == Diagnostic::Severity::Warning);
    CHECK(future.ok());  // a warning: --strict makes it fail

    const PackLoadResult era =
        load_with("era-everything", "start = \"1925\"\nend = \"1950\"", "start = \"0001\"\nend = \"9999\"");
    CHECK(find(era, "era 'early' (").message.find("lies outside the exhibit's years") != std::string::npos);
    CHECK(find(era, "era 'early' (").severity == Diagnostic::Severity::Warning);

    const PackLoadResult declared =
        load_with("declared-years", "photo = \"portrait\"\n", "photo = \"portrait\"\nyears = [1930, 2020]\n");
    CHECK(find(declared,
               "event 'born' (24 October 1925) lies outside the exhibit's years 1930–2020 "
               "([exhibit] years)")
              .severity == Diagnostic::Severity::Warning);
    const PackLoadResult long_era =
        load_with("long-era", "photo = \"portrait\"\n", "photo = \"portrait\"\nyears = [1925, 1930]\n");
    INFO(all_messages(long_era));
    CHECK(count_with(long_era, "era 'early' (1925–1950) lies outside the exhibit's years 1925–1930") == 1);

    check_error(
        load_with("bad-years", "photo = \"portrait\"\n", "photo = \"portrait\"\nyears = [2020, 1900]\n"),
        "'years' must be two years from -99999999999 to 9999, not 0 (1 BC is -1), the first not after the last");
    check_error(load_with("zero-years", "photo = \"portrait\"\n", "photo = \"portrait\"\nyears = [0, 1900]\n"),
                "not [0, 1900]");

    // Before 1 AD: a year typed -4000 is outside a twentieth-century life, and
    // inside years that go back that far.
    const PackLoadResult bc = load_with("year-bc", "date = \"1940\"\nend = \"1945\"", "date = \"-4000\"");
    CHECK(find(bc, "event 'school' (4000\u00a0BC) lies outside the exhibit's years 1915–2063").severity ==
          Diagnostic::Severity::Warning);
    const PackLoadResult deep =
        load_with("years-deep", "date = \"1940\"\nend = \"1945\"", "date = \"-13800000000\"\nend = \"-3500\"");
    INFO(all_messages(deep));
    CHECK(count_with(deep,
                     "event 'school' (13,800,000,000\u00a0BC \u2013 3500\u00a0BC) lies outside the exhibit's "
                     "years 1915–2063") == 1);
    const PackLoadResult deep_years = load_with("years-deep-declared", "photo = \"portrait\"\n",
                                                "photo = \"portrait\"\nyears = [-13800000000, 2020]\n");
    INFO(all_messages(deep_years));
    CHECK(count_with(deep_years, "lies outside") == 0);
    check_error(load_with("years-text", "photo = \"portrait\"\n", "photo = \"portrait\"\nyears = \"1900\"\n"),
                "'years' must be two years");
}

TEST_CASE("photographs too small or too narrow are refused with their size") {
    const std::string dir = scratch("thin-photo", minimal_manifest());
    write_png(fs::path(dir) / "media" / "photo.png", 8192, 1);
    check_error(kiosk::load_pack(dir), "'media/photo.png' is 8192×1 pixels; each side must be at least 64");

    write_png(fs::path(dir) / "media" / "photo.png", 1024, 100);
    check_error(kiosk::load_pack(dir), "'media/photo.png' is 1024×100 pixels; the longest side may be at most 8 times");

    write_png(fs::path(dir) / "media" / "photo.png", 800, 100);
    const PackLoadResult fine = kiosk::load_pack(dir);
    INFO(all_messages(fine));
    CHECK(fine.ok());
}

TEST_CASE("photographs are scaled down once decoded, or dropped when not kept") {
    const std::string dir = scratch("scaled-photo", minimal_manifest());
    write_jpeg(fs::path(dir) / "media" / "photo.png", 1600, 1200);
    kiosk::PackLoadOptions options;
    options.max_photo_side = 400;
    const PackLoadResult small = kiosk::load_pack(dir, options);
    INFO(all_messages(small));
    REQUIRE(small.ok());
    const kiosk::Photograph* photo = small.pack.find_photo("photo");
    REQUIRE(photo);
    CHECK(photo->width == 400);
    CHECK(photo->height == 300);
    CHECK(photo->rgba.size() == 400 * 300 * 4);
    CHECK(photo->file_width == 1600);
    CHECK(photo->file_height == 1200);

    CHECK(kiosk::load_pack(dir).pack.find_photo("photo")->width == 1600);  // within kShippedMaxSide

    options.keep_pixels = false;
    const PackLoadResult dropped = kiosk::load_pack(dir, options);
    CHECK(dropped.ok());
    CHECK(dropped.pack.find_photo("photo")->rgba.empty());
    CHECK(dropped.pack.find_photo("photo")->file_width == 1600);
}

TEST_CASE("the photographs' decoded size on the panel is held to the budget") {
    CHECK(kiosk::fitted_rgba_bytes(7296, 5472, 1920, 1080) == 1440LL * 1080 * 4);
    CHECK(kiosk::fitted_rgba_bytes(100, 100, 1920, 1080) == 100LL * 100 * 4);

    // 50 photographs of 1440×1080 take 297 MiB on a 1080p panel: past 256 MiB.
    std::string manifest = minimal_manifest();
    for (int i = 0; i < 50; ++i)
        manifest += "[[photographs]]\nid = \"big" + std::to_string(i) +
                    "\"\nfile = \"media/big.jpg\"\ncaption.en = \"B\"\ncredit.en = \"C\"\nalt.en = \"A\"\n";
    const std::string dir = scratch("over-budget", manifest);
    write_jpeg(fs::path(dir) / "media" / "big.jpg", 1440, 1080);
    kiosk::PackLoadOptions options;
    options.keep_pixels = false;
    const PackLoadResult result = kiosk::load_pack(dir, options);
    check_error(result, "the photographs take 297 MiB once decoded for a 1920×1080 panel; at most 256 MiB");
    CHECK(find(result, "the biggest: 'media/big.jpg' (1440×1080, 6 MiB)").line == 0);

    // The same pack on a 1280×720 panel fits: each photograph is 960×720 there.
    options.display_width = 1280;
    options.display_height = 720;
    const PackLoadResult smaller = kiosk::load_pack(dir, options);
    INFO(all_messages(smaller));
    CHECK(smaller.ok());
}

TEST_CASE("pack.toml and media that are not regular files are named, never waited on") {
    const std::string dir = scratch("fifo", minimal_manifest());
    fs::remove(fs::path(dir) / "pack.toml");
    REQUIRE(mkfifo((fs::path(dir) / "pack.toml").c_str(), 0644) == 0);
    const PackLoadResult fifo = kiosk::load_pack(dir);
    find(fifo, "pack.toml is a FIFO, not a regular file");
    CHECK(fifo.diagnostics.size() == 1);

    const std::string media = scratch("fifo-media", minimal_manifest());
    fs::remove(fs::path(media) / "media" / "photo.png");
    REQUIRE(mkfifo((fs::path(media) / "media" / "photo.png").c_str(), 0644) == 0);
    check_error(kiosk::load_pack(media), "'media/photo.png' is a FIFO, not a regular file");

    const std::string folder = scratch("folder-media", minimal_manifest());
    fs::remove(fs::path(folder) / "media" / "photo.png");
    fs::create_directory(fs::path(folder) / "media" / "photo.png");
    check_error(kiosk::load_pack(folder), "'media/photo.png' is a folder, not a regular file");

    // Root reads anything, so the permission check needs an ordinary user.
    if (geteuid() != 0) {
        const std::string locked = scratch("locked", minimal_manifest());
        fs::permissions(fs::path(locked) / "pack.toml", fs::perms::none);
        find(kiosk::load_pack(locked), "cannot read pack.toml: permission denied");
        fs::permissions(fs::path(locked) / "pack.toml", fs::perms::owner_all);
    }
}

TEST_CASE("past a thousand problems one line counts the rest") {
    std::string manifest = minimal_manifest();
    for (int i = 0; i < 1100; ++i) manifest += "[[sources]]\nid = \"s" + std::to_string(i) + "\"\ntitle.en = \" \"\n";
    const PackLoadResult result = kiosk::load_pack(scratch("many-problems", manifest));
    CHECK(result.diagnostics.size() <= 1003);
    CHECK(result.diagnostics.back().message.find("more problems not shown") != std::string::npos);
    CHECK(result.diagnostics.back().severity == Diagnostic::Severity::Error);
}

TEST_CASE("an imported timeline is cut to the limits, with a warning for each cut") {
    const std::string json = R"({"events": [{"start_date": {"year": "1975"}, "text": {"headline": ")" +
                             std::string(500, 'h') + R"(", "text": "Phnom Penh \u001b[2J\u202Efalls."}}]})";
    const kiosk::TimelineImport r = kiosk::import_timelinejs(json, kiosk::TimelineFormat::Json, {});
    REQUIRE(r.ok());
    std::string warnings;
    for (const std::string& w : r.warnings) warnings += w + "\n";
    INFO(warnings);
    CHECK(warnings.find("headline: 500 characters cut to 160") != std::string::npos);
    CHECK(r.pack_toml.find(std::string(160, 'h')) == std::string::npos);
    CHECK(r.pack_toml.find(std::string(159, 'h') + "…") != std::string::npos);
    CHECK(r.pack_toml.find("\\u001b") == std::string::npos);
    CHECK(r.pack_toml.find('\x1b') == std::string::npos);
    CHECK(r.pack_toml.find("\xE2\x80\xAE") == std::string::npos);  // U+202E
    CHECK(r.pack_toml.find("\\u202E") == std::string::npos);
    CHECK(r.pack_toml.find("\\u202e") == std::string::npos);
}
