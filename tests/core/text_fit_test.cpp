// Text that fits or is refused: every text a visitor reads stands at least
// 2.5 mm tall on the configured panel, and the exhibit's title and subtitle wrap
// or step down in the room Explore's buttons leave them, never under the
// buttons; what still does not fit is cut there and named by the validator.
#include "layout/text_fit.h"

#include "exhibit_fixture.h"
#include "layout/text_measure.h"
#include "pack/pack_text.h"
#include "ui/frame.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

namespace {

const std::pair<int, int> kSizes[] = {{800, 480}, {1280, 800}, {1920, 1080}, {3840, 2160}, {720, 1280}, {1080, 1920}};

// A pack laid out at one size with fonts of its own, as the validator does.
struct LaidOut {
    ImGuiContext* ctx = kiosk::create_imgui_context();
    kiosk::TextEngine text;
    kiosk::Fonts fonts;
    kiosk::ScreenLayouts layouts;
    LaidOut(const kiosk::Pack& pack, int w, int h) {
        std::string error;
        REQUIRE(text.load(VITRINE_FONT_DIR, &error));
        REQUIRE(kiosk::build_fonts(*ImGui::GetIO().Fonts, kiosk::type_scale_for({w, h}), text, fonts, &error));
        layouts = kiosk::layout_screens({w, h}, fonts, pack);
    }
    ~LaidOut() { ImGui::DestroyContext(ctx); }
    LaidOut(const LaidOut&) = delete;
    LaidOut& operator=(const LaidOut&) = delete;
};

kiosk::Pack pack_titled(const std::string& title, const std::string& subtitle) {
    kiosk::PackLoadResult loaded = kiosk::load_pack(VITRINE_SOURCE_DIR "/tests/packs/minimal");
    REQUIRE(loaded.ok());
    loaded.pack.exhibit.title.by_lang["en"] = title;
    loaded.pack.exhibit.subtitle.by_lang["en"] = subtitle;
    return std::move(loaded.pack);
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

bool overlaps(const kiosk::Rect& a, const kiosk::Rect& b) {
    return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

const char kTitle60[] = "Test Person, Foreign Minister and Deputy Prime Minister 1975–79";
const char kSubtitle103[] =
    "A life between the village school, the foreign ministry and the tribunal, told through twelve documents";

}  // namespace

TEST_CASE("every text a visitor reads has capitals at least 2.5 mm tall on the panel", "[layout]") {
    kiosk::TextEngine engine;
    REQUIRE(engine.load(VITRINE_FONT_DIR, nullptr));
    kiosk::CapHeights caps;
    REQUIRE(kiosk::measure_cap_heights(engine.fonts(), caps));
    const auto size = GENERATE(from_range(std::begin(kSizes), std::end(kSizes)));
    const auto text_size = GENERATE(VITRINE_TEXT_SIZES);
    INFO(size.first << "x" << size.second << with_text_size(text_size));
    ExhibitFixture f(size.first, size.second, 0, text_size);
    const kiosk::Display& display = f.layouts.display;
    for (int i = 0; i < int(kiosk::FontRole::Count); ++i) {
        const auto role = kiosk::FontRole(i);
        INFO("role " << i << " at " << f.fonts.size(role) << " px");
        CHECK(kiosk::cap_height_mm(f.fonts.sizes, role, display, caps) >= kiosk::kMinCapHeightMm);
        // The measured capital is the one drawn: the rasterised 'H' spans it, give
        // or take the pixel its box is rounded out to.
        const kiosk::TextLayout& l = kiosk::text_layout(f.fonts, role, f.fonts.size(role), "H");
        REQUIRE(l.glyphs.size() == 1);
        const kiosk::Face face = kiosk::role_spec(role).face;
        const float scale = f.fonts.text->fonts().px_per_unit(face, l.glyphs[0].font, f.fonts.size(role));
        const kiosk::AtlasGlyph& h =
            f.fonts.text->atlas().glyph(f.fonts.text->fonts(), l.glyphs[0].font, l.glyphs[0].glyph, scale);
        CHECK(float(h.height) == Approx(caps[face] * f.fonts.size(role)).margin(1.5));
    }
    // The quote's type shrinks for a long quote, never below the floor either.
    CHECK(std::min(f.fonts.size(kiosk::FontRole::Body), f.fonts.size(kiosk::FontRole::Caption)) *
              caps[kiosk::Face::SerifRegular] / display.px_per_mm() >=
          kiosk::kMinCapHeightMm);
}

TEST_CASE("extra-large body text has a capital H at least 7.3 mm tall on the configured panel", "[layout]") {
    kiosk::TextEngine engine;
    REQUIRE(engine.load(VITRINE_FONT_DIR, nullptr));
    kiosk::CapHeights caps;
    REQUIRE(kiosk::measure_cap_heights(engine.fonts(), caps));
    const kiosk::Display panels[] = {{800, 480, 7},    {1280, 800, 10.1f}, {1920, 1080, 24}, {1920, 1080, 55},
                                     {1080, 1920, 32}, {3840, 2160, 43},   {3840, 2160, 27}, {720, 1280, 7}};
    for (const kiosk::Display& d : panels) {
        INFO(d.width << "x" << d.height << " on " << d.panel_inches << "\"");
        const auto standard = kiosk::type_scale_for(d, kiosk::TextSize::Standard, caps);
        const auto large = kiosk::type_scale_for(d, kiosk::TextSize::Large, caps);
        const auto extra = kiosk::type_scale_for(d, kiosk::TextSize::ExtraLarge, caps);
        const float body_mm = kiosk::cap_height_mm(extra, kiosk::FontRole::Body, d, caps);
        INFO("body " << extra[kiosk::FontRole::Body] << " px, capital " << body_mm << " mm");
        CHECK(body_mm >= kiosk::kExtraLargeCapHeightMm);
        // Each step is at least as large as the one before, for every role; the
        // headline stays above body text.
        for (int i = 0; i < int(kiosk::FontRole::Count); ++i) {
            INFO("role " << i);
            CHECK(large.px[i] >= standard.px[i]);
            CHECK(extra.px[i] >= large.px[i]);
        }
        CHECK(extra[kiosk::FontRole::Body] > large[kiosk::FontRole::Body]);
        CHECK(extra[kiosk::FontRole::Headline] > extra[kiosk::FontRole::Body]);
    }
    // What is measured is what the kiosk bakes: the app at extra-large text on a 24" 1080p panel.
    ExhibitFixture f(1920, 1080, 24, kiosk::TextSize::ExtraLarge);
    CHECK(kiosk::cap_height_mm(f.fonts.sizes, kiosk::FontRole::Body, f.layouts.display, caps) >=
          kiosk::kExtraLargeCapHeightMm);
}

TEST_CASE("the floor follows the configured panel, not the resolution", "[layout]") {
    // The same 800x480 on a 5" panel has smaller pixels: its text gets more of them.
    const auto seven = kiosk::type_scale_for({800, 480, 7});
    const auto five = kiosk::type_scale_for({800, 480, 5});
    CHECK(five[kiosk::FontRole::Small] > seven[kiosk::FontRole::Small]);
    CHECK(kiosk::cap_height_mm(five, kiosk::FontRole::Small, {800, 480, 5}) >= kiosk::kMinCapHeightMm);
    // A 1080p monitor's design sizes are well above it and stay as designed.
    CHECK(kiosk::type_scale_for({1920, 1080})[kiosk::FontRole::Small] == 22);
}

TEST_CASE("a long title and subtitle wrap or step down beside the buttons, never under them", "[layout]") {
    const kiosk::Pack pack = pack_titled(kTitle60, kSubtitle103);
    const auto size = GENERATE(from_range(std::begin(kSizes), std::end(kSizes)));
    INFO(size.first << "x" << size.second);
    LaidOut laid(pack, size.first, size.second);
    const kiosk::ExploreLayout& l = laid.layouts.explore;
    const kiosk::TitleText& t = l.title_in("en");
    const kiosk::Rect& room = l.title_room;

    for (const kiosk::Rect& b : l.button) CHECK_FALSE(overlaps(room, b));
    CHECK(room.right() <= l.title_band.right());
    CHECK(t.height <= l.title_band.h);
    CHECK(l.title_band.bottom() <= l.divider_top);
    CHECK(l.divider_top < l.photo_frame.y);
    // Every line as drawn is inside the room.
    CHECK(t.title_lines >= 1);
    CHECK(t.title_lines <= kiosk::kMaxTitleLines);
    CHECK(t.subtitle_lines <= kiosk::kMaxSubtitleLines);
    for (const std::string& line : lines_of(t.title))
        CHECK(kiosk::text_width(laid.fonts, t.title_role, line) <= room.w);
    for (const std::string& line : lines_of(t.subtitle))
        CHECK(kiosk::text_width(laid.fonts, kiosk::FontRole::Subtitle, line) <= room.w);

    // Too long for one line at the title's size anywhere, it takes two, or the
    // headline's size; it is never cut.
    CHECK((t.title_lines == 2 || t.title_role == kiosk::FontRole::Headline));
    CHECK_FALSE(t.title_cut);
    CHECK(t.title.find("…") == std::string::npos);
    // The subtitle is whole wherever it is not reported.
    const auto problems = kiosk::cut_pack_texts(laid.layouts, laid.fonts, pack);
    CHECK(problems.size() == size_t(t.subtitle_cut));
    if (!t.subtitle_cut) CHECK(t.subtitle.find("…") == std::string::npos);
    if (size.first >= 1920) CHECK_FALSE(t.subtitle_cut);

    // Every screen still fits.
    CHECK(kiosk::layout_problems(laid.layouts).empty());
}

TEST_CASE("a short title keeps its one line and the band its height", "[layout]") {
    const kiosk::Pack pack = pack_titled("Test Person", "A short subtitle");
    LaidOut laid(pack, 1920, 1080);
    const kiosk::ExploreLayout& l = laid.layouts.explore;
    const kiosk::TitleText& t = l.title_in("en");
    CHECK(t.title == "Test Person");
    CHECK(t.title_lines == 1);
    CHECK(t.title_role == kiosk::FontRole::Title);
    CHECK(l.title_band.h == std::round(64 * 1.1f + 10 + 28 * 1.3f));
    CHECK(kiosk::cut_pack_texts(laid.layouts, laid.fonts, pack).empty());
}

TEST_CASE("a text that cannot fit is cut in the kiosk and named by the validator", "[layout]") {
    const std::string title(118, 'W');  // no word break, and the widest capital
    // 171 characters: more than two lines beside the buttons on the 7" panel.
    const std::string subtitle =
        "A life between the village school in the south, the foreign ministry of Democratic Kampuchea and the "
        "tribunal in Phnom Penh, told through twelve documents and three voices";
    const kiosk::Pack pack = pack_titled(title, subtitle);

    SECTION("landscape: beside the buttons") {
        LaidOut laid(pack, 800, 480);
        const kiosk::TitleText& t = laid.layouts.explore.title_in("en");
        CHECK(t.title_cut);
        CHECK(t.title_role == kiosk::FontRole::Headline);
        CHECK(t.title_lines == 2);
        CHECK(t.title.size() >= 3);
        CHECK(t.title.substr(t.title.size() - 3) == "…");
        for (const std::string& line : lines_of(t.title))
            CHECK(kiosk::text_width(laid.fonts, t.title_role, line) <= laid.layouts.explore.title_room.w);
        const auto problems = kiosk::cut_pack_texts(laid.layouts, laid.fonts, pack);
        REQUIRE(problems.size() == 2);
        CHECK_THAT(problems[0], Catch::StartsWith("title (en) does not fit beside the buttons at 800x480: 118 "
                                                  "characters, room for about "));
        CHECK_THAT(problems[0], Catch::EndsWith(" on two lines; shorten it"));
        CHECK_THAT(problems[1], Catch::StartsWith("subtitle (en) does not fit beside the buttons at 800x480: 171 "
                                                  "characters, room for about "));
    }
    SECTION("portrait: across the screen") {
        LaidOut laid(pack, 720, 1280);
        const auto problems = kiosk::cut_pack_texts(laid.layouts, laid.fonts, pack);
        REQUIRE_FALSE(problems.empty());
        CHECK_THAT(problems[0], Catch::StartsWith("title (en) does not fit across the screen at 720x1280"));
    }
}
