#include "exhibit_fixture.h"

#include <cmath>

namespace {

bool overlaps(const kiosk::Rect& a, const kiosk::Rect& b) {
    return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}
bool inside(const kiosk::Rect& r, int w, int h) { return r.x >= 0 && r.y >= 0 && r.right() <= w && r.bottom() <= h; }

}  // namespace

TEST_CASE("Explore has a designed layout at every panel size", "[layout]") {
    const auto size = GENERATE(std::make_pair(800, 480), std::make_pair(1280, 800), std::make_pair(1920, 1080),
                               std::make_pair(3840, 2160), std::make_pair(720, 1280), std::make_pair(1080, 1920));
    INFO(size.first << "x" << size.second);
    ExhibitFixture f(size.first, size.second);
    const kiosk::ExploreLayout& l = f.layout;
    using kiosk::Button;

    // Every region is on screen, has room, and keeps clear of the others.
    const kiosk::Rect regions[] = {l.title_band, l.photo_frame, l.caption, l.card, l.strip};
    for (const auto& r : regions) {
        CHECK(inside(r, size.first, size.second));
        CHECK(r.w > 0);
        CHECK(r.h > 0);
    }
    CHECK_FALSE(overlaps(l.photo_frame, l.card));
    CHECK_FALSE(overlaps(l.caption, l.card));
    CHECK_FALSE(overlaps(l.card, l.strip));
    CHECK_FALSE(overlaps(l.title_band, l.photo_frame));
    CHECK(l.card.h >= 4 * f.fonts.size(kiosk::FontRole::Body));
    for (Button b : {Button::Voices, Button::About, Button::Settings}) {
        CHECK(inside(l.button[int(b)], size.first, size.second));
        CHECK_FALSE(overlaps(l.button[int(b)], l.card));
        CHECK_FALSE(overlaps(l.button[int(b)], l.photo_frame));
    }

    // Every control is at least 15 mm under the finger.
    const float target = kiosk::touch_target_px(l.display);
    CHECK(target == Approx(15 * l.display.px_per_mm()).margin(1));
    for (int b = 0; b < int(Button::Count); ++b) {
        CHECK(l.button_hit[b].w >= target);
        CHECK(l.button_hit[b].h >= target);
    }
    CHECK(2 * l.marker_hit_radius >= target - 1);

    // One marker per event, in time order, on the axis.
    REQUIRE(l.marker_x.size() == f.pack().events.size());
    for (size_t i = 0; i < l.marker_x.size(); ++i) {
        CHECK(l.marker_x[i] >= l.axis.left - 0.5f);
        CHECK(l.marker_x[i] <= l.axis.right + 0.5f);
        if (i > 0) CHECK(l.marker_x[i] > l.marker_x[i - 1]);
    }
    for (Button b : {Button::Prev, Button::Next}) {
        CHECK(inside(l.button[int(b)], size.first, size.second));
        for (float x : l.marker_x) CHECK_FALSE(l.button_hit[int(b)].contains(x, l.axis.y));
    }
    CHECK_FALSE(overlaps(l.button[int(Button::Next)], l.button[int(Button::Voices)]));

    // Controls sit in the lower two thirds on portrait panels, within a seated
    // visitor's reach.
    if (l.portrait) {
        for (Button b : {Button::Voices, Button::About, Button::Settings, Button::Prev, Button::Next})
            CHECK(l.button[int(b)].y >= size.second / 3.f);
    }
}

TEST_CASE("type is sized from the display, never below the readable floor", "[layout]") {
    const auto at_1080 = kiosk::type_scale_for(kiosk::Display{1920, 1080});
    CHECK(at_1080[kiosk::FontRole::Title] == 64);
    CHECK(at_1080[kiosk::FontRole::Body] == 30);
    CHECK(at_1080[kiosk::FontRole::Small] >= 22);
    const auto at_4k = kiosk::type_scale_for(kiosk::Display{3840, 2160});
    CHECK(at_4k[kiosk::FontRole::Body] == 60);
    const auto at_7in = kiosk::type_scale_for(kiosk::Display{800, 480});
    CHECK(at_7in[kiosk::FontRole::Body] >= 18);
    CHECK(at_7in[kiosk::FontRole::Small] >= 14);
    const auto portrait = kiosk::type_scale_for(kiosk::Display{1080, 1920});
    CHECK(portrait[kiosk::FontRole::Body] == 30);
}

TEST_CASE("the panel's physical size decides the pixels of a touch target", "[layout]") {
    CHECK(kiosk::Display{800, 480}.px_per_mm() == Approx(5.25).epsilon(0.02));  // the 7" panel
    const kiosk::Display big{1920, 1080, 55};
    const kiosk::Display small{1920, 1080, 15.6f};
    CHECK(kiosk::touch_target_px(small) > kiosk::touch_target_px(big));
    CHECK(kiosk::touch_target_px(kiosk::Display{1920, 1080, 24}) == Approx(54).margin(1));
}
