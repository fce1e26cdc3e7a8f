// A tall portrait panel whose top stands out of reach keeps every control
// (buttons, arrows, the settings panel and its rows, back buttons, the PIN pad,
// the content note's button, a cluster's list) between 380 and 1 220 mm above
// the floor, given the height of its lower edge; text and photographs may stay
// above. Without that height, the layouts are the usual ones.
#include "exhibit_fixture.h"
#include "layout/content_note_measure.h"

#include <catch2/catch.hpp>

namespace {

bool within(const kiosk::Rect& r, const kiosk::ReachBand& band) {
    return r.y >= band.top - 0.5f && r.bottom() <= band.bottom + 0.5f;
}

bool same(const kiosk::Rect& a, const kiosk::Rect& b) { return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h; }

std::string listed(const std::vector<std::string>& lines) {
    std::string s;
    for (const std::string& l : lines) s += "\n  " + l;
    return s;
}

// Every control the layouts know, and the ones laid out on demand: the content
// note's button in each language and each cluster's list rows.
void check_every_control_within(ExhibitFixture& f) {
    const kiosk::ReachBand& band = f.layouts.reach;
    REQUIRE(band.limited);
    const auto out = kiosk::out_of_reach(f.layouts);
    INFO(listed(out));
    CHECK(out.empty());
    for (const kiosk::Rect& r : kiosk::touch_targets(f.layouts)) {
        INFO(r.x << "," << r.y << " " << r.w << "x" << r.h << " in rows " << band.top << " to " << band.bottom);
        CHECK(within(r, band));
    }
    for (size_t lang = 0; lang < f.pack().settings.languages.size(); ++lang) {
        f.state.visitor.language = int(lang);
        const kiosk::ContentNoteCard card = kiosk::content_note_card(f.ui());
        if (card.panel.h > 0) CHECK(within(card.button, band));
    }
    for (size_t c = 0; c < f.explore().clusters.size(); ++c) {
        if (f.explore().clusters[c].count < 2) continue;
        for (const kiosk::Rect& row : kiosk::cluster_list_layout(f.explore(), f.fonts, int(c), 0).rows)
            CHECK(within(row, band));
    }
    CHECK(kiosk::layout_problems(f.layouts).empty());
}

}  // namespace

TEST_CASE("a pixel row's height above the floor follows the panel's size and mounting", "[layout]") {
    // A 32" 1080x1920 panel: 708 mm of glass from 700 mm up, to 1 408 mm.
    const kiosk::Display d{1080, 1920, 32, 700};
    CHECK(d.height_above_floor_mm(1920) == Approx(700));
    CHECK(d.height_above_floor_mm(0) == Approx(1408.4).margin(1));
    const kiosk::ReachBand band = kiosk::reach_band(d);
    CHECK(band.limited);
    CHECK(d.height_above_floor_mm(band.top) <= kiosk::kReachHighMm);
    CHECK(d.height_above_floor_mm(band.top) > kiosk::kReachHighMm - 1);
    CHECK(band.top == Approx(510).margin(2));
    CHECK(band.bottom == 1920);  // the lower edge is above 380 mm
    // Mounted lower, the band ends above the panel's lower edge: a 65" panel from 200 mm.
    const kiosk::Display tall{1080, 1920, 65, 200};
    const kiosk::ReachBand low = kiosk::reach_band(tall);
    CHECK(low.limited);
    CHECK(low.bottom < 1920);
    CHECK(tall.height_above_floor_mm(low.bottom) >= kiosk::kReachLowMm);
    CHECK(tall.height_above_floor_mm(low.bottom) < kiosk::kReachLowMm + 1);
    // No band: height unknown, landscape, or a panel whose top is within reach.
    CHECK_FALSE(kiosk::reach_band({1080, 1920, 32}).limited);
    CHECK_FALSE(kiosk::reach_band({1920, 1080, 32, 700}).limited);
    CHECK_FALSE(kiosk::reach_band({1080, 1920, 32, 500}).limited);  // top at 1 208 mm
}

TEST_CASE("a tall portrait panel mounted at 700 mm keeps every control within reach", "[layout]") {
    const auto text_size = GENERATE(VITRINE_TEXT_SIZES);
    INFO("1080x1920 32\" at 700 mm" << with_text_size(text_size));
    ExhibitFixture f(1080, 1920, 32, 700, text_size);
    REQUIRE(f.app.exhibit_loaded());
    check_every_control_within(f);
    // Text and photographs may stay above: the title still starts at the top.
    CHECK(f.explore().title_band.y < f.layouts.reach.top);
}

TEST_CASE("a tall portrait panel mounted low keeps its controls above 380 mm too", "[layout]") {
    ExhibitFixture f(1080, 1920, 55, 250);  // 1 217 mm of glass from 250 mm up
    REQUIRE(f.app.exhibit_loaded());
    CHECK(f.layouts.reach.bottom < 1920);
    check_every_control_within(f);
}

TEST_CASE("the same panel without its mounting height keeps the usual layout", "[layout]") {
    ExhibitFixture usual(1080, 1920, 32);
    ExhibitFixture reach(1080, 1920, 32, 700);
    CHECK_FALSE(usual.layouts.reach.limited);
    CHECK(kiosk::out_of_reach(usual.layouts).empty());
    // Some control of the usual layout is above the band: the top bar's back.
    CHECK(usual.layouts.about.bar.back.y < reach.layouts.reach.top);
    const auto a = kiosk::touch_targets(usual.layouts), b = kiosk::touch_targets(reach.layouts);
    REQUIRE(a.size() == b.size());
    bool moved = false;
    for (size_t i = 0; i < a.size(); ++i) moved = moved || !same(a[i], b[i]);
    CHECK(moved);
    // A mounting height that leaves the panel's top within reach changes nothing.
    ExhibitFixture within_reach(1080, 1920, 32, 450);
    const auto c = kiosk::touch_targets(within_reach.layouts);
    for (size_t i = 0; i < a.size(); ++i) CHECK(same(a[i], c[i]));
    // Nor does one on a landscape panel.
    ExhibitFixture landscape(1920, 1080, 32), landscape_mounted(1920, 1080, 32, 1000);
    const auto d = kiosk::touch_targets(landscape.layouts), e = kiosk::touch_targets(landscape_mounted.layouts);
    for (size_t i = 0; i < d.size(); ++i) CHECK(same(d[i], e[i]));
}

TEST_CASE("out_of_reach names a control outside the band", "[layout]") {
    ExhibitFixture f(1080, 1920, 32, 700);
    kiosk::ScreenLayouts moved = f.layouts;
    moved.settings.close.y = 10;
    const auto out = kiosk::out_of_reach(moved);
    INFO(listed(out));
    REQUIRE(out.size() == 1);
    CHECK(out[0] == "Settings: close is out of reach");
}
