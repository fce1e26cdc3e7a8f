// The content note greets each visitor: woken from the attract loop, or at the
// day's opening, the kiosk shows the pack's note on a card over Explore; one tap
// anywhere puts it away and does nothing else; a long note scrolls in its card.
#include "exhibit_fixture.h"
#include "layout/content_note_measure.h"
#include "pack/pack_loader.h"
#include "scratch_pack.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

using kiosk::Screen;

namespace {

// tests/packs/minimal with `exhibit_lines` added to [exhibit] and `settings_lines` to [settings].
std::string minimal_with(const std::string& name, const std::string& exhibit_lines, const std::string& settings_lines) {
    return minimal_pack_edited(
        "content-note", name,
        {{"[exhibit]\n", "[exhibit]\n" + exhibit_lines}, {"[settings]\n", "[settings]\n" + settings_lines}});
}

// Leaves the kiosk idle until the attract loop, then wakes it with a touch.
void idle_then_wake(ExhibitFixture& f) {
    f.advance_to(f.state.last_input_ms + kiosk::idle_timeout_ms(f.pack()) + kiosk::kCountdownMs + 100);
    REQUIRE(f.state.screen == Screen::Attract);
    f.replay(f.tap(float(f.layouts.display.width) / 2, float(f.layouts.display.height) / 2, 1000));
    f.advance_to(f.now + 500);
    REQUIRE(f.state.screen == Screen::Explore);
}

bool contains(const std::vector<std::string>& texts, const std::string& text) {
    return std::find(texts.begin(), texts.end(), text) != texts.end();
}

bool inside(const kiosk::Rect& inner, const kiosk::Rect& outer) {
    return inner.x >= outer.x && inner.y >= outer.y && inner.right() <= outer.right() &&
           inner.bottom() <= outer.bottom();
}

}  // namespace

TEST_CASE("a visitor who wakes the kiosk sees the content note first; one tap puts it away", "[content_note]") {
    const std::pair<int, int> size = GENERATE(std::pair{800, 480}, std::pair{1920, 1080}, std::pair{720, 1280},
                                              std::pair{3840, 2160}, std::pair{1280, 800}, std::pair{1080, 1920});
    ExhibitFixture f(size.first, size.second);
    // The screen the kiosk starts on is staff's: no card.
    CHECK_FALSE(f.state.content_note_open);
    idle_then_wake(f);
    REQUIRE(f.state.content_note_open);

    // The card: inside the display, its button a full touch target, the pack's note in full.
    const kiosk::ContentNoteCard card = kiosk::content_note_card(f.ui());
    const kiosk::Rect screen = {0, 0, float(size.first), float(size.second)};
    CHECK(inside(card.panel, screen));
    CHECK(inside(card.text, card.panel));
    CHECK(inside(card.button, card.panel));
    CHECK(card.button.w >= f.layouts.target);
    CHECK(card.button.h >= f.layouts.target);
    CHECK(card.button.y >= card.text.bottom());
    const std::vector<std::string> texts = f.drawn_texts();
    CHECK(contains(texts, "Continue"));
    CHECK(contains(texts, f.pack().exhibit.content_note.in("en")));

    // A tap where Explore's "Next" is: the card goes, the selection stays.
    const int selected = f.state.selected_event;
    f.replay(f.tap(f.explore().button[int(kiosk::Button::Next)], 300));
    f.advance_to(f.now + 500);
    CHECK_FALSE(f.state.content_note_open);
    CHECK(f.state.selected_event == selected);
    CHECK_FALSE(contains(f.drawn_texts(), "Continue"));
    // Explore answers the next tap.
    f.replay(f.tap(f.explore().button[int(kiosk::Button::Next)], 300));
    f.advance_to(f.now + 500);
    CHECK(f.state.selected_event == selected + 1);

    // Once per visit: About and back does not bring it again.
    f.replay(f.tap(f.explore().button[int(kiosk::Button::About)], 300));
    f.replay(f.tap(f.layouts.about.bar.back, 800));
    f.advance_to(f.now + 500);
    REQUIRE(f.state.screen == Screen::Explore);
    CHECK_FALSE(f.state.content_note_open);

    // The next visitor is greeted again.
    idle_then_wake(f);
    CHECK(f.state.content_note_open);
}

TEST_CASE("a visitor who walks away from the note leaves the kiosk to its attract loop", "[content_note]") {
    ExhibitFixture f(1280, 800);
    idle_then_wake(f);
    REQUIRE(f.state.content_note_open);
    f.advance_to(f.state.last_input_ms + kiosk::idle_timeout_ms(f.pack()) + kiosk::kCountdownMs + 100);
    CHECK(f.state.screen == Screen::Attract);
    CHECK_FALSE(f.state.content_note_open);
}

TEST_CASE("the day's first visitor is greeted too", "[content_note]") {
    ExhibitFixture f(1920, 1080);
    f.advance_to(f.state.last_input_ms + kiosk::idle_timeout_ms(f.pack()) + kiosk::kCountdownMs + 100);
    f.advance_to(f.state.last_input_ms + kiosk::kStaffWakeMs + 1000);
    kiosk::set_opening(f.state, false, f.ui(), f.now);
    REQUIRE(f.state.screen_off);
    CHECK_FALSE(f.state.content_note_open);
    kiosk::set_opening(f.state, true, f.ui(), f.now + 3600000);
    CHECK_FALSE(f.state.screen_off);
    CHECK(f.state.screen == Screen::Explore);
    CHECK(f.state.content_note_open);
}

TEST_CASE("a long note scrolls in its card and stays whole", "[content_note]") {
    std::string note = "content_note.en = \"\"\"";
    for (int i = 1; i <= 120; ++i) note += "Paragraph " + std::to_string(i) + " of a long note.\\n";
    note += "The last line.\"\"\"\n";
    const std::string dir = minimal_with("long", note, "");
    for (const auto& [w, h] : {std::pair{800, 480}, std::pair{720, 1280}}) {
        ExhibitFixture f(w, h, 0, kiosk::TextSize::Standard, dir);
        idle_then_wake(f);
        REQUIRE(f.state.content_note_open);
        const kiosk::ContentNoteCard card = kiosk::content_note_card(f.ui());
        INFO(card.content_height << " in " << card.text.h);
        REQUIRE(card.max_scroll() > 0);
        CHECK(card.panel.bottom() <= float(h));
        CHECK(card.text.h > 0);

        // A drag up the note scrolls it, and does not put it away.
        const float x = card.text.x + card.text.w / 2, y = card.text.bottom() - 10;
        f.replay(f.drag(x, y, 0, -card.text.h * 0.8f, 400, 300, true));
        f.advance_to(f.now + 2000);
        CHECK(f.state.content_note_open);
        CHECK(f.state.content_note_scroll.offset() > card.text.h * 0.5f);
        CHECK(f.state.content_note_scroll.offset() <= card.max_scroll());
        // A tap, anywhere, still puts it away.
        f.replay(f.tap(card.button, 300));
        f.advance_to(f.now + 500);
        CHECK_FALSE(f.state.content_note_open);
    }
}

TEST_CASE("the pack chooses: a note on About only, or no note at all, greets nobody", "[content_note]") {
    const std::string about_only =
        minimal_with("about-only", "content_note.en = \"Mentions of war.\"\n", "content_note_at_start = false\n");
    const std::string no_note = minimal_with("none", "", "");
    for (const std::string& dir : {about_only, no_note}) {
        ExhibitFixture f(1280, 800, 0, kiosk::TextSize::Standard, dir);
        idle_then_wake(f);
        CHECK_FALSE(f.state.content_note_open);
    }
    const std::string greets = minimal_with("greets", "content_note.en = \"Mentions of war.\"\n", "");
    ExhibitFixture f(1280, 800, 0, kiosk::TextSize::Standard, greets);
    idle_then_wake(f);
    CHECK(f.state.content_note_open);
    CHECK(contains(f.drawn_texts(), "Mentions of war."));
}

TEST_CASE("content_note_at_start must be true or false", "[content_note]") {
    const std::string dir = minimal_with("not-bool", "", "content_note_at_start = \"yes\"\n");
    const kiosk::PackLoadResult r = kiosk::load_pack(dir);
    REQUIRE_FALSE(r.ok());
    std::string all;
    for (const auto& d : r.diagnostics) all += d.message + "\n";
    CHECK_THAT(all, Catch::Contains("content_note_at_start"));
}
