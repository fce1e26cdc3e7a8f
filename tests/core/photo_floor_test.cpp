// The photograph's floor on Explore: under a title band of four lines (a title
// and a subtitle on two each) the frame stays at least 15 mm tall and 10 mm wide
// at every size, its caption beside it on a short landscape panel, and a
// photograph that cannot have it even so is named by the validator.
#include "exhibit_fixture.h"
#include "layout/explore_layout.h"
#include "pack/pack_loader.h"

#include <catch2/catch.hpp>

#include <string>

namespace {

const std::pair<int, int> kSizes[] = {{800, 480}, {1280, 800}, {1920, 1080}, {3840, 2160}, {720, 1280}, {1080, 1920}};

bool overlaps(const kiosk::Rect& a, const kiosk::Rect& b) {
    return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

// The minimal pack under the audit's hand-written pack's title band: its French
// title and its 103-character subtitle take two lines each on the 7" panel.
kiosk::PackLoadResult four_line_title(const std::string& pack = "minimal") {
    kiosk::PackLoadResult loaded = kiosk::load_pack(VITRINE_TEST_PACKS "/" + pack);
    REQUIRE(loaded.ok());
    loaded.pack.exhibit.title.by_lang["en"] = "Lise Meitner, physicienne de l\u2019atome et de l\u2019exil";
    loaded.pack.exhibit.subtitle.by_lang["en"] =
        "From a Vienna childhood to Berlin, exile in Stockholm and the discovery of nuclear fission, told in twelve";
    return loaded;
}

}  // namespace

TEST_CASE("the photograph's frame never falls under its floor under a four-line title band", "[photo-floor]") {
    const auto size = GENERATE(from_range(std::begin(kSizes), std::end(kSizes)));
    INFO(size.first << "x" << size.second);
    ExhibitFixture f(size.first, size.second, four_line_title());
    const kiosk::ExploreLayout& l = f.explore();
    if (size == std::make_pair(800, 480)) {
        // The case the floor is for: four lines above a short panel's photograph.
        const kiosk::TitleText& t = l.title_in("en");
        REQUIRE(t.title_lines + t.subtitle_lines == 4);
        CHECK(l.caption_beside);
    }
    REQUIRE(f.pack().shown_photos().size() == 2);
    for (const kiosk::Photograph* p : f.pack().shown_photos()) {
        INFO(p->id);
        const kiosk::PhotoFrame placed = kiosk::photo_frame_for(l, p);
        CHECK(placed.frame.h >= l.target);
        CHECK(placed.frame.w + 0.5f >= 10 * l.px_per_mm);
        CHECK(kiosk::photo_floor_shortfall(l, placed.frame) == 1);
        // Clear of each other, the title band's divider, the card and the strip.
        CHECK(placed.frame.y >= l.divider_top);
        CHECK_FALSE(overlaps(placed.frame, placed.caption));
        CHECK_FALSE(overlaps(placed.frame, l.card));
        CHECK_FALSE(overlaps(placed.caption, l.card));
        CHECK(placed.caption.y >= l.divider_top);
        CHECK(placed.frame.bottom() <= (l.portrait ? l.card.y : l.strip.y));
        CHECK(placed.caption.bottom() <= (l.portrait ? l.card.y : l.strip.y));
        CHECK(placed.caption.w > 0);
    }
    CHECK(kiosk::photos_under_floor(l, f.pack()).empty());
    // The card keeps room to read.
    CHECK(l.card.h >= 2 * f.fonts.size(kiosk::FontRole::Body));
}

TEST_CASE("with a short title the frame keeps its place above the caption", "[photo-floor]") {
    const auto size = GENERATE(from_range(std::begin(kSizes), std::end(kSizes)));
    INFO(size.first << "x" << size.second);
    ExhibitFixture f(size.first, size.second, 0, kiosk::TextSize::Standard);
    const kiosk::ExploreLayout& l = f.explore();
    CHECK_FALSE(l.caption_beside);
    const kiosk::PhotoFrame placed = kiosk::photo_frame_for(l, f.pack().find_photo(f.pack().exhibit.photo));
    CHECK(placed.caption.y == placed.frame.bottom());
    CHECK(kiosk::photos_under_floor(l, f.pack()).empty());
}

TEST_CASE("a photograph eight times wider than tall is under the floor and named", "[photo-floor]") {
    ExhibitFixture f(800, 480, kiosk::load_pack(VITRINE_TEST_PACKS "/card-too-small"));
    CHECK(kiosk::photos_under_floor(f.explore(), f.pack()) == std::vector<std::string>{"panorama"});
}
