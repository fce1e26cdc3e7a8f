// The application's own rules, as the platform sees them through kiosk::App: the
// visitor's language reaches the screens, larger text rebuilds the fonts (and
// asks for a new atlas upload), a new exhibit waits for a quiet moment, and a
// display too small for the screens is refused with a reason for staff.
#include "exhibit_fixture.h"
#include "ui/screens/unavailable_screen.h"

using kiosk::Screen;

TEST_CASE("The visitor's language choice reaches what the screens read", "[app]") {
    ExhibitFixture f(1280, 800, 0, kiosk::TextSize::Standard, VITRINE_TEST_PACKS "/two-languages");
    CHECK(f.ui().lang == "en");
    f.replay(f.tap(f.explore().button[int(kiosk::Button::Settings)], 100));
    f.replay(f.tap(f.layouts.settings.languages[1], 400));
    CHECK(f.ui().lang == "fr");
    // The next visitor starts in the exhibit's first language again.
    f.advance_to(f.now + kiosk::idle_timeout_ms(f.pack()) + kiosk::kCountdownMs + 100);
    REQUIRE(f.state.screen == Screen::Attract);
    CHECK(f.ui().lang == "en");
}

TEST_CASE("Another text size rebuilds the fonts and layouts, and asks the platform for a new atlas", "[app]") {
    ExhibitFixture f(1280, 800);
    CHECK(f.app.take_font_atlas_change());  // the first atlas, at the start
    CHECK_FALSE(f.app.take_font_atlas_change());
    const float body = f.fonts.size(kiosk::FontRole::Body);
    f.replay(f.tap(f.explore().button[int(kiosk::Button::Settings)], 100));
    f.replay(f.tap(f.layouts.settings.text_sizes[int(kiosk::TextSize::Large)], 400));
    REQUIRE(f.state.visitor.text_size == kiosk::TextSize::Large);
    const float large = f.fonts.size(kiosk::FontRole::Body);
    CHECK(large > body);
    CHECK(f.app.take_font_atlas_change());
    f.replay(f.tap(f.layouts.settings.text_sizes[int(kiosk::TextSize::ExtraLarge)], 400));
    REQUIRE(f.state.visitor.text_size == kiosk::TextSize::ExtraLarge);
    CHECK(f.fonts.size(kiosk::FontRole::Body) > large);
    CHECK(f.app.take_font_atlas_change());
    f.replay(f.tap(f.layouts.settings.high_contrast, 400));  // no new fonts for a colour
    CHECK_FALSE(f.app.take_font_atlas_change());
    f.replay(f.tap(f.layouts.settings.speech, 400));  // nor for speech
    CHECK_FALSE(f.app.take_font_atlas_change());
    f.replay(f.tap(f.layouts.settings.text_sizes[int(kiosk::TextSize::Standard)], 400));
    CHECK(f.fonts.size(kiosk::FontRole::Body) == body);
}

TEST_CASE("A new exhibit waits for a quiet moment: the attract loop, or nobody touching", "[app]") {
    ExhibitFixture f(1280, 800);
    f.replay(f.tap(f.explore().button[int(kiosk::Button::Next)], 1000));
    CHECK_FALSE(f.app.quiet(f.now + 1000));  // someone is reading
    CHECK(f.app.quiet(f.now + 31000));       // nobody has touched it for half a minute
    f.replay(std::to_string(f.now + 100) + " down 0 640 400\n");
    CHECK_FALSE(f.app.quiet(f.now + 60000));  // a finger resting on the glass
    f.replay(std::to_string(f.now + 100) + " up 0 640 400\n");
    f.advance_to(f.now + kiosk::idle_timeout_ms(f.pack()) + kiosk::kCountdownMs + 100);
    REQUIRE(f.state.screen == Screen::Attract);
    CHECK(f.app.quiet(f.now));
}

TEST_CASE("A display too small for the screens shows staff why, and takes no touches", "[app]") {
    ExhibitFixture f(320, 240);
    CHECK_FALSE(f.app.exhibit_loaded());
    CHECK(f.app.staff_label() == kiosk::kDisplayTooSmallLabel);
    REQUIRE(f.app.staff_details().size() == 1);
    CHECK(f.app.staff_details()[0].find("this display (320x240) is too small") == 0);
    kiosk::InputEvent touch;
    touch.x = 10;
    touch.y = 10;
    CHECK_FALSE(f.app.handle(touch));
    CHECK(f.app.build(0, {})->TotalVtxCount > 0);  // the unavailable screen
}

TEST_CASE("Screens that do not fit a display of a supported size blame the pack's text, not the display", "[app]") {
    // A title no loader lets through (a Khmer consonant with 60 subscripts), put
    // into the pack as another cause of overlapping screens might.
    kiosk::PackLoadResult loaded = kiosk::load_pack(VITRINE_TEST_PACKS "/minimal");
    REQUIRE(loaded.ok());
    std::string stack = "\u1780";
    for (int i = 0; i < 60; ++i) stack += "\u17D2\u1780";
    loaded.pack.exhibit.title.by_lang["en"] = stack;
    ExhibitFixture f(1920, 1080, std::move(loaded));
    CHECK_FALSE(f.app.exhibit_loaded());
    CHECK(f.app.staff_label().empty());  // "the exhibit pack could not be loaded", not "the display is too small"
    REQUIRE(f.app.staff_details().size() == 1);
    INFO(f.app.staff_details()[0]);
    CHECK(f.app.staff_details()[0].find("the exhibit's title ([exhibit] title in pack.toml) does not fit the screens "
                                        "of this display (1920x1080): ") == 0);
    CHECK(f.app.staff_details()[0].find("too small") == std::string::npos);
}
