#include "exhibit_fixture.h"
#include "ui/draw_helpers.h"
#include "ui/palette.h"

#include <cmath>

namespace {

bool overlaps(const kiosk::Rect& a, const kiosk::Rect& b) {
    return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}
bool inside(const kiosk::Rect& r, int w, int h) { return r.x >= 0 && r.y >= 0 && r.right() <= w && r.bottom() <= h; }

const std::pair<int, int> kSizes[] = {{800, 480}, {1280, 800}, {1920, 1080}, {3840, 2160}, {720, 1280}, {1080, 1920}};

}  // namespace

TEST_CASE("Explore has a designed layout at every panel size", "[layout]") {
    const auto size = GENERATE(from_range(std::begin(kSizes), std::end(kSizes)));
    const auto text_size = GENERATE(VITRINE_TEXT_SIZES);
    INFO(size.first << "x" << size.second << with_text_size(text_size));
    ExhibitFixture f(size.first, size.second, 0, text_size);
    const kiosk::ExploreLayout& l = f.explore();
    using kiosk::Button;

    // Every region is on screen, has room, and keeps clear of the others.
    for (const auto& r : {l.title_band, l.photo_frame, l.caption, l.card, l.strip}) {
        CHECK(inside(r, size.first, size.second));
        CHECK(r.w > 0);
        CHECK(r.h > 0);
    }
    CHECK_FALSE(overlaps(l.photo_frame, l.card));
    CHECK_FALSE(overlaps(l.caption, l.card));
    CHECK_FALSE(overlaps(l.card, l.strip));
    CHECK_FALSE(overlaps(l.title_band, l.photo_frame));
    // Four lines of body text, and the headline, at every size; extra-large
    // text on the 7" panels (its capitals 7.3 mm on a glass 65 mm high) leaves
    // the card one line and more, the rest a scroll away.
    const bool seven_inch = size.first <= 800 || size.second <= 800;
    if (text_size == kiosk::TextSize::ExtraLarge && seven_inch)
        CHECK(l.card.h >= 1.5f * kiosk::line_height(f.fonts, kiosk::FontRole::Body, ""));
    else
        CHECK(l.card.h >= 4 * f.fonts.size(kiosk::FontRole::Body));
    for (Button b : {Button::Voices, Button::About, Button::Settings, Button::Prev, Button::Next}) {
        CHECK(inside(l.button[int(b)], size.first, size.second));
        CHECK_FALSE(overlaps(l.button[int(b)], l.card));
        CHECK_FALSE(overlaps(l.button[int(b)], l.photo_frame));
    }
    CHECK_FALSE(overlaps(l.button[int(Button::Next)], l.button[int(Button::Voices)]));
    // The title fits its band; button labels fit their buttons.
    CHECK(kiosk::text_width(f.fonts, kiosk::FontRole::Title, f.pack().exhibit.title.in("en")) <= l.title_band.w);

    // One marker per event, in time order, on the timeline; clusters a fingertip apart.
    REQUIRE(l.marker_x.size() == f.pack().events.size());
    for (size_t i = 0; i < l.marker_x.size(); ++i) {
        CHECK(l.marker_x[i] >= 0);
        CHECK(l.marker_x[i] <= l.axis.content_width);
        if (i > 0) CHECK(l.marker_x[i] >= l.marker_x[i - 1]);
    }
    for (size_t i = 1; i < l.clusters.size(); ++i) CHECK(l.clusters[i].x - l.clusters[i - 1].x >= l.target * 0.5f);

    // Controls sit in the lower two thirds on portrait panels, within a seated
    // visitor's reach.
    if (l.portrait) {
        for (Button b : {Button::Voices, Button::About, Button::Settings, Button::Prev, Button::Next})
            CHECK(l.button[int(b)].y >= size.second / 3.f);
    }
}

TEST_CASE("every control is at least 15 mm on the glass, at every size and panel", "[layout]") {
    const auto size = GENERATE(from_range(std::begin(kSizes), std::end(kSizes)));
    const float inches = GENERATE(0.f, 7.f, 15.6f, 55.f);
    INFO(size.first << "x" << size.second << " on " << inches << "\"");
    ExhibitFixture f(size.first, size.second, inches);
    const float target = kiosk::touch_target_px(f.layouts.display);
    CHECK(target == Approx(15 * f.layouts.display.px_per_mm()).margin(1));
    for (const kiosk::Rect& r : kiosk::touch_targets(f.layouts)) {
        CHECK(r.w >= target - 0.5f);
        CHECK(r.h >= target - 0.5f);
    }
    // Each row of a cluster's list is a full target too.
    for (size_t c = 0; c < f.explore().clusters.size(); ++c) {
        if (f.explore().clusters[c].count < 2) continue;
        const auto list = kiosk::cluster_list_layout(f.explore(), f.fonts, int(c), 0);
        for (const auto& row : list.rows) {
            CHECK(row.h >= target - 0.5f);
            CHECK(inside(row, size.first, size.second));
        }
    }
}

TEST_CASE("type is sized from the display, never below the readable floor", "[layout]") {
    const auto at_1080 = kiosk::type_scale_for(kiosk::Display{1920, 1080});
    CHECK(at_1080[kiosk::FontRole::Title] == 64);
    CHECK(at_1080[kiosk::FontRole::Body] == 30);
    CHECK(at_1080[kiosk::FontRole::Small] >= 22);
    CHECK(kiosk::type_scale_for(kiosk::Display{3840, 2160})[kiosk::FontRole::Body] == 60);
    const auto at_7in = kiosk::type_scale_for(kiosk::Display{800, 480});
    CHECK(at_7in[kiosk::FontRole::Body] >= 18);
    CHECK(at_7in[kiosk::FontRole::Small] >= 14);
    CHECK(kiosk::type_scale_for(kiosk::Display{1080, 1920})[kiosk::FontRole::Body] == 30);
    CHECK(kiosk::type_scale_for(kiosk::Display{1920, 1080}, kiosk::TextSize::Large)[kiosk::FontRole::Body] > 30 * 1.2);
}

TEST_CASE("the panel's physical size decides the pixels of a touch target", "[layout]") {
    CHECK(kiosk::Display{800, 480}.px_per_mm() == Approx(5.25).epsilon(0.02));  // the 7" panel
    CHECK(kiosk::touch_target_px(kiosk::Display{1920, 1080, 15.6f}) >
          kiosk::touch_target_px(kiosk::Display{1920, 1080, 55}));
    CHECK(kiosk::touch_target_px(kiosk::Display{1920, 1080, 24}) == Approx(54).margin(1));
}

TEST_CASE("text is readable: body contrast at least 7:1, more in high contrast", "[layout]") {
    for (bool high : {false, true}) {
        const kiosk::Palette& p = kiosk::palette_for(high);
        INFO((high ? "high contrast" : "normal"));
        CHECK(kiosk::contrast_ratio(p.paper, p.background) >= (high ? 20 : 7));
        CHECK(kiosk::contrast_ratio(p.muted, p.background) >= (high ? 15 : 7));
        CHECK(kiosk::contrast_ratio(p.accent_text, p.background) >= (high ? 10 : 7));
        CHECK(kiosk::contrast_ratio(p.paper, p.frame) >= 7);
        CHECK(kiosk::contrast_ratio(p.muted, p.frame) >= 7);
    }
    CHECK(kiosk::contrast_ratio(kiosk::rgb(0xffffff), kiosk::rgb(0x000000)) == Approx(21));
    // Era labels sit on curator-chosen colours, darkened until they read at 7:1.
    ExhibitFixture f(1920, 1080);
    for (const auto& era : f.pack().eras) {
        const auto fill = kiosk::darken_for_contrast(kiosk::rgb(era.color), kiosk::palette_for(false).era_text, 7.0);
        CHECK(kiosk::contrast_ratio(fill, kiosk::palette_for(false).era_text) >= 7);
    }
}

TEST_CASE("every quote fits its box on Voices at every size", "[layout]") {
    const auto size = GENERATE(from_range(std::begin(kSizes), std::end(kSizes)));
    const auto text_size = GENERATE(VITRINE_TEXT_SIZES);
    INFO(size.first << "x" << size.second << with_text_size(text_size));
    ExhibitFixture f(size.first, size.second, 0, text_size);
    const kiosk::Rect& box = f.layouts.voices.quote_box;
    for (const auto& q : f.pack().quotes) {
        INFO(q.id);
        // Extra-large text on a small panel: what does not fit scrolls.
        const float scrolls = text_size == kiosk::TextSize::ExtraLarge ? kiosk::quote_overflow(f.ui(), q) : 0;
        CHECK(kiosk::quote_block_height(f.ui(), q, box.w, box.h) <= box.h + 1 + scrolls);
    }
}
