// Every screen's parts (buttons, the card, the quote, the timeline, the settings
// rows, the PIN keys) stay on the display and clear of one another at every size
// the kiosk supports, at each text size; on a display too small for
// them the layouts say so, so the kiosk can refuse it plainly instead of drawing
// overlapping screens.
#include "exhibit_fixture.h"

#include <catch2/catch.hpp>

namespace {

struct Size {
    int width, height;
    float inches;
};

std::string listed(const std::vector<std::string>& problems) {
    std::string s;
    for (const std::string& p : problems) s += "\n  " + p;
    return s;
}

}  // namespace

TEST_CASE("No screen's parts overlap or leave the display at the supported sizes", "[layout]") {
    const Size sizes[] = {{800, 480, 0},   {720, 1280, 0}, {1920, 1080, 0},
                          {3840, 2160, 0}, {1280, 800, 0}, {1080, 1920, 0}};
    for (const Size& s : sizes) {
        for (kiosk::TextSize size : {VITRINE_TEXT_SIZES}) {
            ExhibitFixture f(s.width, s.height, s.inches, size);
            const auto problems = kiosk::layout_problems(f.layouts);
            INFO(s.width << "x" << s.height << with_text_size(size) << listed(problems));
            CHECK(problems.empty());
            CHECK(kiosk::screen_regions(f.layouts).size() > 30);
        }
    }
}

TEST_CASE("The overlap check finds parts that overlap", "[layout]") {
    ExhibitFixture f(1920, 1080);
    REQUIRE(kiosk::layout_problems(f.layouts).empty());
    kiosk::ScreenLayouts broken = f.layouts;
    broken.voices.next = broken.voices.quote_box;
    broken.about.column.w = 5000;
    const auto problems = kiosk::layout_problems(broken);
    INFO(listed(problems));
    CHECK(std::find(problems.begin(), problems.end(), "Voices: the quote overlaps next") != problems.end());
    CHECK(std::find(problems.begin(), problems.end(), "About: the text goes off the screen") != problems.end());
}

TEST_CASE("Displays too small for the screens are reported, not drawn overlapping", "[layout]") {
    const Size sizes[] = {{320, 240, 0}, {480, 320, 3.5f}, {320, 240, 2.8f}};
    for (const Size& s : sizes) {
        ExhibitFixture f(s.width, s.height, s.inches);
        INFO(s.width << "x" << s.height);
        CHECK_FALSE(kiosk::layout_problems(f.layouts).empty());
    }
}

TEST_CASE("Eight languages fit the settings panel at every supported size", "[layout]") {
    const Size sizes[] = {{800, 480, 0}, {720, 1280, 0}, {1920, 1080, 0}, {1280, 800, 0}};
    for (const Size& s : sizes) {
        for (kiosk::TextSize size : {VITRINE_TEXT_SIZES}) {
            ExhibitFixture f(s.width, s.height, s.inches, size);
            kiosk::Pack pack = f.pack();
            pack.settings.languages = {"en", "km", "fr", "de", "th", "vi", "zh", "ja"};
            const kiosk::ScreenLayouts layouts = kiosk::layout_screens({s.width, s.height, s.inches}, f.fonts, pack);
            const auto problems = kiosk::layout_problems(layouts);
            INFO(s.width << "x" << s.height << with_text_size(size) << listed(problems));
            CHECK(problems.empty());
            CHECK(layouts.settings.languages.size() == 8);
        }
    }
}

TEST_CASE("The settings panel keeps the visitor's text size where the display has room for it", "[layout]") {
    const Size sizes[] = {{1920, 1080, 0}, {1080, 1920, 0}, {3840, 2160, 0},
                          {1280, 800, 0},  {800, 480, 7},   {720, 1280, 7}};
    for (const Size& s : sizes) {
        for (kiosk::TextSize size : {VITRINE_TEXT_SIZES}) {
            ExhibitFixture f(s.width, s.height, s.inches, size);
            const kiosk::SettingsLayout& l = f.layouts.settings;
            INFO(s.width << "x" << s.height << with_text_size(size) << ": the panel's text at " << l.text_px << " px");
            // Extra-large text on the 10" and 7" panels: 7.3 mm capitals leave
            // 800 rows or fewer no room for the panel with its labels whole, so
            // its own text steps down, never below the 2.5 mm floor.
            const bool steps_down = size == kiosk::TextSize::ExtraLarge && std::min(s.width, s.height) <= 800;
            if (steps_down) {
                CHECK(l.text_px < f.fonts.size(kiosk::FontRole::Body));
                CHECK(l.text_px * 0.5242f / f.layouts.display.px_per_mm() >= kiosk::kMinCapHeightMm);
            } else {
                CHECK(l.text_px == f.fonts.size(kiosk::FontRole::Body));
            }
            CHECK(l.panel.bottom() <= float(s.height));
            for (const kiosk::Rect& r : kiosk::touch_targets(f.layouts)) {
                CHECK(r.w >= f.layouts.target - 0.5f);
                CHECK(r.h >= f.layouts.target - 0.5f);
            }
        }
    }
    // Where there is room, one item a row: the three languages under one another.
    ExhibitFixture f(1920, 1080, 0, kiosk::TextSize::ExtraLarge);
    REQUIRE(f.layouts.settings.languages.size() == 3);
    CHECK(f.layouts.settings.languages[1].y > f.layouts.settings.languages[0].y);
    CHECK(f.layouts.settings.speech.y > f.layouts.settings.high_contrast.y);
}
