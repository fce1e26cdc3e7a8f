#include "config/panel_rotation.h"

#include <catch2/catch.hpp>

TEST_CASE("a turned panel maps upright points onto the glass and back", "[rotation]") {
    // A 1920×1080 panel mounted on its side shows a 1080×1920 upright exhibit.
    struct Case {
        int degrees;
        float top_left_x, top_left_y;  // where the upright top-left corner lands
    } cases[] = {{0, 0, 0}, {90, 1920, 0}, {180, 1920, 1080}, {270, 0, 1080}};
    for (const Case& c : cases) {
        INFO(c.degrees);
        const kiosk::PanelRotation r{c.degrees, 1920, 1080};
        CHECK(r.logical_width() == (r.quarter_turn() ? 1080 : 1920));
        CHECK(r.logical_height() == (r.quarter_turn() ? 1920 : 1080));
        float px = 0, py = 0;
        r.to_panel(0, 0, px, py);
        CHECK(px == c.top_left_x);
        CHECK(py == c.top_left_y);
        // Every point comes back where it started.
        for (float x : {0.f, 10.f, 500.f}) {
            for (float y : {0.f, 7.f, 900.f}) {
                float bx = 0, by = 0;
                r.to_panel(x, y, px, py);
                CHECK(px >= 0);
                CHECK(px <= 1920);
                CHECK(py >= 0);
                CHECK(py <= 1080);
                r.to_logical(px, py, bx, by);
                CHECK(bx == Approx(x));
                CHECK(by == Approx(y));
            }
        }
    }
    CHECK(kiosk::valid_rotation(270));
    CHECK_FALSE(kiosk::valid_rotation(45));
}
