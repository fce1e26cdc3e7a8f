// The interface's words (kiosk/text/interface_strings.h, assets/interface/*.toml):
// every declared key has its English text and is used, every text in a table is
// declared, placeholders match; lookups fall back to English; and every text a
// screen or overlay draws is the pack's or the table's, in glyphs the atlas holds.
#include "exhibit_fixture.h"
#include "pack/date.h"
#include "pack/pack_text.h"
#include "ui/draw_helpers.h"
#include "ui/frame.h"
#include "ui/screens/unavailable_screen.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <imgui_internal.h>  // ImTextCharFromUtf8
#include <set>
#include <sstream>

namespace {

using kiosk::UiText;

std::vector<std::string> problems_in(const kiosk::InterfaceTableSource& table) {
    std::vector<std::string> out;
    for (const kiosk::Diagnostic& d : kiosk::check_interface_table(table)) out.push_back(d.to_string());
    return out;
}

// Runs of letters of any script: ASCII letters and every character from U+00C0
// on, except punctuation (× ÷, U+2000-U+206F, U+3000-U+303F).
std::vector<std::string> words_of(const std::string& text, std::vector<bool>* before_ellipsis = nullptr) {
    std::vector<std::string> words;
    std::string word;
    const char* s = text.c_str();
    const char* end = s + text.size();
    const auto finish = [&](unsigned int next) {
        if (word.empty()) return;
        words.push_back(word);
        if (before_ellipsis) before_ellipsis->push_back(next == 0x2026);
        word.clear();
    };
    while (s < end) {
        unsigned int c = 0;
        const int len = ImTextCharFromUtf8(&c, s, end);
        if (len <= 0) break;
        const bool letter =
            (c < 0x80 && std::isalpha(int(c))) ||
            (c >= 0xC0 && c != 0xD7 && c != 0xF7 && !(c >= 0x2000 && c <= 0x206F) && !(c >= 0x3000 && c <= 0x303F));
        if (letter)
            word.append(s, size_t(len));
        else
            finish(c);
        s += len;
    }
    finish(0);
    return words;
}

// Every text drawn by `draw`, with the font it is drawn in.
template <typename Draw>
std::vector<kiosk::DrawnText> drawn_by(const kiosk::Display& display, Draw draw) {
    std::vector<kiosk::DrawnText> log;
    kiosk::record_drawn_text(&log);
    kiosk::build_frame(display, 0.016f, [&](ImDrawList& dl) { draw(dl); });
    kiosk::record_drawn_text(nullptr);
    return log;
}

// Every screen and overlay of the exhibit in `lang`: each event, cluster list and
// quote, the attract loop's quotes, settings, the countdown, the PIN pad open
// and locked.
std::vector<kiosk::DrawnText> draw_everything(ExhibitFixture& f, const std::string& lang) {
    const kiosk::Ui ui{f.pack(), f.layouts, f.fonts, f.config, lang};
    const kiosk::Display& display = f.layouts.display;
    const kiosk::PhotoTextures photos;
    std::vector<kiosk::DrawnText> all;
    const auto frame = [&](int64_t now) {
        f.state.now_ms = now;
        for (kiosk::DrawnText& d : drawn_by(display, [&](ImDrawList& dl) {
                 kiosk::draw_exhibit({dl, ui, f.state, kiosk::palette_for(f.state.visitor.high_contrast), photos, now});
             }))
            all.push_back(std::move(d));
    };
    f.state.transition.start_ms = -1;
    const int64_t t = f.now;
    f.state.last_input_ms = t;
    f.state.screen = kiosk::Screen::Explore;
    for (int i = 0; i < int(f.pack().events.size()); ++i) {
        f.state.selected_event = i;
        frame(t);
    }
    for (size_t i = 0; i < f.explore().clusters.size(); ++i) {
        if (f.explore().clusters[i].count < 2) continue;
        f.state.open_cluster = int(i);
        frame(t);
    }
    f.state.open_cluster = -1;
    f.state.screen = kiosk::Screen::Photo;
    frame(t);
    f.state.screen = kiosk::Screen::Voices;
    for (int q = 0; q < int(f.pack().quotes.size()); ++q) {
        f.state.quote = q;
        frame(t);
    }
    f.state.screen = kiosk::Screen::About;
    frame(t);
    f.state.screen = kiosk::Screen::Attract;
    f.state.attract_start_ms = t;
    for (size_t q = 0; q < f.pack().quotes.size(); ++q) frame(t + int64_t(q) * kiosk::kAttractQuoteMs + 6000);
    f.state.screen = kiosk::Screen::Explore;
    f.state.settings_open = true;
    frame(t);
    f.state.settings_open = false;
    frame(t + kiosk::idle_timeout_ms(f.pack()) + 3000);  // the countdown
    f.state.pin_open = true;
    frame(t);
    for (int i = 0; i < 5; ++i) f.state.pin_lock.wrong(t);
    frame(t);
    return all;
}

// Each drawn text's words are the pack's or the interface's (words cut short
// before "…" begin one of them), its placeholders are filled, and each of its
// characters has a glyph in the font it is drawn in. Returns what is wrong.
std::vector<std::string> foreign_text(const kiosk::Fonts& fonts, const std::vector<kiosk::DrawnText>& drawn,
                                      const std::set<std::string>& known) {
    std::vector<std::string> wrong;
    for (const kiosk::DrawnText& d : drawn) {
        std::vector<bool> cut;
        const std::vector<std::string> words = words_of(d.text, &cut);
        for (size_t i = 0; i < words.size(); ++i) {
            const auto from = known.lower_bound(words[i]);
            const bool whole = from != known.end() && *from == words[i];
            const bool prefix = cut[i] && from != known.end() && from->rfind(words[i], 0) == 0;
            if (!whole && !prefix)
                wrong.push_back("'" + words[i] + "' in \"" + d.text + "\" is neither the pack's nor the table's");
        }
        for (int k = 0; k < kiosk::kUiTextCount; ++k)
            for (const std::string& p : kiosk::placeholders_in(kiosk::ui_text_placeholders(UiText(k))))
                if (d.text.find(p) != std::string::npos) wrong.push_back("\"" + d.text + "\" has " + p + " unfilled");
        for (const uint32_t c : kiosk::missing_glyphs(fonts, d.text)) {
            char code[16];
            std::snprintf(code, sizeof code, "U+%04X", unsigned(c));
            wrong.push_back("\"" + d.text + "\": no glyph for " + code + " after shaping");
        }
    }
    return wrong;
}

std::set<std::string> known_words(const kiosk::Pack& pack) {
    std::set<std::string> known;
    for (const std::string& w : words_of(kiosk::interface_text(pack))) known.insert(w);
    kiosk::for_each_pack_text(pack, [&](const std::string& text) {
        for (const std::string& w : words_of(text)) known.insert(w);
    });
    return known;
}

void check_draws_only_known_text(ExhibitFixture& f, const std::string& lang) {
    const std::vector<kiosk::DrawnText> drawn = draw_everything(f, lang);
    REQUIRE(drawn.size() > 50);
    const std::vector<std::string> wrong = foreign_text(f.fonts, drawn, known_words(f.pack()));
    for (const std::string& w : wrong) UNSCOPED_INFO(w);
    CHECK(wrong.empty());
}

}  // namespace

TEST_CASE("every declared key has an English text, every table's key is declared, placeholders match",
          "[interface_strings]") {
    REQUIRE(kiosk::kInterfaceTableCount >= 1);
    CHECK(std::string(kiosk::kInterfaceTables[0].lang) == "en");
    for (size_t i = 0; i < kiosk::kInterfaceTableCount; ++i) {
        INFO(kiosk::kInterfaceTables[i].path);
        const std::vector<std::string> problems = problems_in(kiosk::kInterfaceTables[i]);
        for (const std::string& p : problems) UNSCOPED_INFO(p);
        CHECK(problems.empty());
    }
    // The compiled-in English is the file in the repository.
    std::ifstream file(VITRINE_SOURCE_DIR "/assets/interface/en.toml", std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    CHECK(text.str() == kiosk::kInterfaceTables[0].toml);
}

TEST_CASE("a table's problems name its file, line and key", "[interface_strings]") {
    const auto check = [](const char* lang, const char* toml) {
        return problems_in(kiosk::InterfaceTableSource{lang, "assets/interface/test.toml", toml});
    };
    // A key the code does not declare: a dead string, or a misspelling.
    auto p = check("fr", "[about]\ncredits = \"Crédits\"\ncredit = \"Crédit\"\n");
    REQUIRE(p.size() == 1);
    CHECK(p[0].find("assets/interface/test.toml:3:") == 0);
    CHECK(p[0].find("'about.credit' is not a key the kiosk declares") != std::string::npos);
    // A placeholder renamed or dropped.
    p = check("fr", "[pin]\nlocked = \"Verrouillé : encore {secondes} s\"\n");
    REQUIRE(p.size() == 1);
    CHECK(p[0].find("assets/interface/test.toml:2:") == 0);
    CHECK(p[0].find("'pin.locked' must have the placeholders {seconds}") != std::string::npos);
    // Not a string, not in a table, not TOML.
    CHECK(check("fr", "[about]\ncredits = 3\n").at(0) ==
          "assets/interface/test.toml:2:11: error: 'about.credits' is not a string");
    CHECK(check("fr", "credits = \"Crédits\"\n").at(0).find("'credits' is not a table of texts") != std::string::npos);
    CHECK(check("fr", "[about\n").at(0).find("assets/interface/test.toml:1:") == 0);
    // Another language may lack keys (they show in English); English may not.
    CHECK(check("fr", "[about]\ncredits = \"Crédits\"\n").empty());
    p = check("en", "[about]\ncredits = \"Credits\"\n");
    CHECK(p.size() == size_t(kiosk::kUiTextCount - 1));
    CHECK(std::count_if(p.begin(), p.end(), [](const std::string& s) {
              return s.find("assets/interface/test.toml:1:1: error: 'about.licence' is missing") == 0;
          }) == 1);
    CHECK(std::count_if(p.begin(), p.end(), [](const std::string& s) {
              return s.find("assets/interface/test.toml: error: 'countdown.title' is missing") == 0;
          }) == 1);
}

TEST_CASE("every declared key is used by the kiosk's code", "[interface_strings]") {
    std::string code;
    // The core draws the screens; the platform raises staff notices.
    for (const char* folder : {VITRINE_SOURCE_DIR "/kiosk", VITRINE_SOURCE_DIR "/platform"})
        for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
            if (entry.path().extension() != ".cpp") continue;
            std::ifstream file(entry.path(), std::ios::binary);
            code += std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
        }
    const char* const names[] = {
#define VITRINE_UI_TEXT_NAME(name, key, placeholders) #name,
        VITRINE_INTERFACE_STRINGS(VITRINE_UI_TEXT_NAME)
#undef VITRINE_UI_TEXT_NAME
    };
    for (int k = 0; k < kiosk::kUiTextCount; ++k) {
        INFO(kiosk::ui_text_key(UiText(k)));
        // Months after January are reached through month_name(), and their short
        // names through the timeline's ticks (timeline_axis.cpp).
        if (k > int(UiText::DatesJanuary) && k <= int(UiText::DatesDecember)) continue;
        if (k > int(UiText::DatesJanuaryShort) && k <= int(UiText::DatesDecemberShort)) continue;
        CHECK(code.find(std::string("UiText::") + names[k]) != std::string::npos);
    }
}

TEST_CASE("texts by key, in English where a language lacks them, with placeholders filled", "[interface_strings]") {
    CHECK(kiosk::ui_text(UiText::AboutCredits, "en") == "Credits");
    CHECK(kiosk::ui_text(UiText::AboutCredits, "xx") == "Credits");  // no such table: English
    CHECK(kiosk::ui_text(UiText::PinLocked, "en", {{"seconds", "42"}}) == "Locked: try again in 42 s");
    CHECK(kiosk::ui_text(UiText::DatesDayMonthYear, "en", {{"day", "7"}, {"month", "March"}, {"year", "1975"}}) ==
          "7 March 1975");
    CHECK(kiosk::fill_placeholders("{a} {b} {", {{"a", "1"}}) == "1 {b} {");
    CHECK(kiosk::fill_placeholders("no braces", {{"a", "1"}}) == "no braces");
    CHECK(kiosk::month_name(2, "en") == "February");
    CHECK(kiosk::month_name(12, "xx") == "December");
    CHECK(kiosk::month_name(12, "fr") == "décembre");  // assets/interface/fr.toml
    CHECK(kiosk::placeholders_in("{month} {year}") == std::vector<std::string>{"{month}", "{year}"});
    CHECK(std::string(kiosk::ui_text_key(UiText::UnavailableMoreProblems)) == "unavailable.more_problems");

    // Dates are written with the table's words.
    kiosk::DateSpan span;
    span.start = {1975, 4, 17, kiosk::DatePrecision::Day};
    span.circa = true;
    CHECK(kiosk::format_date_span(span, "en") == "c. 17 April 1975");
    CHECK(kiosk::format_date_span(span, "fr") == "vers 17 avril 1975");
    std::string why;
    CHECK_FALSE(kiosk::parse_date("1975-02-29", &why));
    CHECK(why == "February 1975 has 28 days");

    // The atlas's characters: every text of the pack's languages, and English.
    const std::string glyphs = kiosk::interface_glyph_text({"fr"});
    for (int k = 0; k < kiosk::kUiTextCount; ++k)
        CHECK(glyphs.find(kiosk::ui_text(UiText(k), "en")) != std::string::npos);
    CHECK(glyphs.find("Contraste élevé") != std::string::npos);
}

TEST_CASE("every screen and overlay draws only the pack's text and the table's, in glyphs the atlas holds",
          "[interface_strings]") {
    SECTION("the bundled exhibit, large") {
        ExhibitFixture f(1920, 1080);
        check_draws_only_known_text(f, "en");
    }
    SECTION("the bundled exhibit on a 7-inch panel, large text") {
        ExhibitFixture f(800, 480, 7, kiosk::TextSize::Large);
        check_draws_only_known_text(f, "en");
    }
    SECTION("two languages, the second chosen") {
        ExhibitFixture f(1280, 800, 0, kiosk::TextSize::Standard, VITRINE_TEST_PACKS "/two-languages");
        f.state.visitor.language = 1;
        check_draws_only_known_text(f, "fr");
    }
    SECTION("the unavailable screen, its details cut with a count") {
        ExhibitFixture f(800, 480);
        std::vector<std::string> details;
        for (int i = 0; i < 30; ++i)
            details.push_back("pack.toml:" + std::to_string(i + 3) + ":1: error: unknown key 'captoin'");
        for (const std::string& label : {std::string(), std::string(kiosk::kDisplayTooSmallLabel)}) {
            const auto drawn = drawn_by(f.layouts.display, [&](ImDrawList& dl) {
                kiosk::draw_unavailable(dl, f.layouts.display, f.fonts, details, label);
            });
            REQUIRE(drawn.size() > 3);
            CHECK(std::any_of(drawn.begin(), drawn.end(), [](const kiosk::DrawnText& d) {
                return d.text.find("more problems; the full list") != std::string::npos;
            }));
            std::set<std::string> known;
            for (const std::string& w : words_of(kiosk::unavailable_screen_text() + " " + details[0])) known.insert(w);
            const std::vector<std::string> wrong = foreign_text(f.fonts, drawn, known);
            for (const std::string& w : wrong) UNSCOPED_INFO(w);
            CHECK(wrong.empty());
        }
    }
}
