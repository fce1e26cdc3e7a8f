// The text engine (kiosk/text/): shaping by HarfBuzz, fallback to the Khmer
// faces, line breaking by ICU, line height from the fonts, the glyph cache.
#include "text/fonts.h"

#include "base/utf8.h"
#include "layout/text_measure.h"
#include "pack/pack_loader.h"
#include "pack/pack_text.h"
#include "text/shaping.h"
#include "ui/frame.h"
#include "ui/screens.h"

#include <catch2/catch.hpp>

#include <string>

namespace {

struct Engine {
    kiosk::TextEngine text;
    Engine() { REQUIRE(text.load(VITRINE_FONT_DIR, nullptr)); }
};

// Whether a line of `text` begins with a Khmer dependent vowel, sign or coeng:
// what a break inside a cluster would leave.
bool begins_inside_cluster(const std::string& text, uint32_t at) {
    size_t pos = at;
    const uint32_t c = kiosk::next_code_point(text, pos);
    return (c >= 0x17B6 && c <= 0x17D3) || c == 0x17DD;
}

const char kKhmerParagraph[] =
    "អៀង សារី ជាកូនរបស់ម្ដាយជាជនអន្តោប្រវេសន៍ចិន និងឪពុកមកពីជនជាតិភាគតិចខ្មែរក្រោម។ ខ្មែរក្រោម "
    "គឺជាក្រុមមួយក្នុងចំណោមក្រុមដែលក្រោយមកត្រូវបានគេធ្វើទុក្ខបុកម្នេញក្រោមរបបកម្ពុជាប្រជាធិបតេយ្យ។";

}  // namespace

TEST_CASE("every character of the bundled exhibit and the interface has a glyph after shaping", "[fonts]") {
    const auto loaded = kiosk::load_pack(VITRINE_SOURCE_DIR "/assets/ieng-sary");
    REQUIRE(loaded.ok());
    const std::string text = kiosk::collect_pack_text(loaded.pack) + kiosk::interface_text(loaded.pack);
    CHECK_THAT(text, Catch::Contains("’"));  // the pack does use curly quotes and dashes
    Engine e;
    kiosk::Fonts fonts;
    fonts.text = &e.text;
    CHECK(kiosk::missing_glyphs(fonts, text).empty());
    // The check can fail: an emoji has no glyph in any face.
    CHECK(kiosk::missing_glyphs(fonts, text + "\U0001F60D") == std::vector<uint32_t>{0x1F60D});
}

TEST_CASE("the characters no face draws are found after shaping, each once", "[fonts]") {
    Engine e;
    kiosk::Fonts fonts;
    fonts.text = &e.text;
    // Khmer is drawn (by the Khmer faces); Tibetan and an emoji are not.
    const std::string text = "Caf\u00e9 \u2014 \u1780 ok \u0F40 \U0001F60D\n\t\u0F40 \u201cend\u201d";
    CHECK(kiosk::missing_glyphs(fonts, text) == std::vector<uint32_t>{0x0F40, 0x1F60D});
    CHECK(kiosk::missing_glyphs(fonts, "Plain text, \u00e9t\u00e9 \u2013 1975. អៀង សារី ១៩៧៥").empty());
    CHECK(kiosk::encode_utf8(0x1F60D) == "\U0001F60D");
}

TEST_CASE("a missing font directory is an error naming the file", "[fonts]") {
    kiosk::TextEngine text;
    std::string error;
    CHECK_FALSE(text.load("/no/such/fonts", &error));
    CHECK_THAT(error, Catch::Contains("/no/such/fonts/Noto") && Catch::Contains("fonts-noto-core"));
}

TEST_CASE("Khmer is set in the Khmer face of the role's style, shaped into clusters", "[fonts]") {
    Engine e;
    const kiosk::FontSet& fonts = e.text.fonts();
    // ក្រ: KA, COENG, RO: the subscript RO is one glyph drawn under (and before) KA,
    // not a visible coeng sign; HarfBuzz reorders it.
    const kiosk::TextLayout& l = e.text.layout({kiosk::Face::SansRegular, 30}, "ក្រ");
    REQUIRE_FALSE(l.glyphs.empty());
    CHECK(l.has_khmer);
    for (const kiosk::LaidGlyph& g : l.glyphs) {
        CHECK(fonts.file(g.font).name == "NotoSansKhmer-Regular.ttf");
        CHECK(g.glyph != 0);
        CHECK(g.glyph != fonts.glyph_for(g.font, 0x17D2));  // no bare coeng drawn
    }
    CHECK(l.glyphs.size() == 2);
    // Latin in the same text stays in the Latin face; the serif role's Khmer is serif.
    const kiosk::TextLayout& mixed = e.text.layout({kiosk::Face::SerifRegular, 30}, "Ieng Sary អៀង សារី");
    CHECK(fonts.file(mixed.glyphs.front().font).name == "NotoSerif-Regular.ttf");
    CHECK(fonts.file(mixed.glyphs.back().font).name == "NotoSerifKhmer-Regular.ttf");
    // The italic role has no Khmer italic: its Khmer is upright serif, not a box.
    const kiosk::TextLayout& italic = e.text.layout({kiosk::Face::SerifItalic, 30}, "អៀង");
    CHECK(fonts.file(italic.glyphs.front().font).name == "NotoSerifKhmer-Regular.ttf");
}

TEST_CASE("Khmer breaks between dictionary words, never inside a cluster", "[fonts]") {
    Engine e;
    for (float width : {120.f, 200.f, 333.f, 480.f, 700.f}) {
        INFO("wrapped at " << width << " px");
        const kiosk::TextLayout& l = e.text.layout({kiosk::Face::SansRegular, 30}, kKhmerParagraph, width);
        CHECK(l.lines.size() >= 2);
        for (const kiosk::LaidLine& line : l.lines) {
            CHECK_FALSE(begins_inside_cluster(l.text, line.begin));
            CHECK(line.width <= width + 0.5f);
        }
        // Every byte but the blanks where lines wrapped is on a line, in order.
        std::string rejoined;
        for (const kiosk::LaidLine& line : l.lines) rejoined += l.text.substr(line.begin, line.end - line.begin);
        std::string without_spaces;
        for (char c : l.text)
            if (c != ' ') without_spaces += c;
        std::string rejoined_without_spaces;
        for (char c : rejoined)
            if (c != ' ') rejoined_without_spaces += c;
        CHECK(rejoined_without_spaces == without_spaces);
    }
    // The dictionary finds words where no space is: at 333 px the first line
    // ends inside the first sentence's unbroken run of letters, at a word.
    const kiosk::TextLayout& l = e.text.layout({kiosk::Face::SansRegular, 30}, kKhmerParagraph, 333);
    CHECK(l.text.substr(l.lines[0].end, 1) != " ");
    CHECK(e.text.breaks().count_words("ខ្មែរក្រហមបានជម្លៀសប្រជាជន") >= 3);
    CHECK(e.text.breaks().count_words("The Khmer Rouge emptied the cities") == 6);
}

TEST_CASE("each line holds only its own paragraph's text", "[fonts]") {
    Engine e;
    const std::string text = "First paragraph, wrapped once or twice here.\nSecond one, also long enough to wrap.";
    const kiosk::TextLayout& l = e.text.layout({kiosk::Face::SansRegular, 30}, text, 300);
    REQUIRE(l.lines.size() >= 4);
    for (const kiosk::LaidLine& line : l.lines) {
        CHECK(l.text.substr(line.begin, line.end - line.begin).find('\n') == std::string::npos);
        CHECK(line.width <= 300.5f);
    }
    CHECK(l.text.substr(l.lines.back().begin, l.lines.back().end - l.lines.back().begin) != "");
    CHECK(l.lines.back().end == text.size());
}

TEST_CASE("a word wider than its line is cut between clusters", "[fonts]") {
    Engine e;
    const kiosk::TextLayout& l = e.text.layout({kiosk::Face::SansRegular, 30}, "ប្រជាធិបតេយ្យប្រជាធិបតេយ្យ", 60);
    CHECK(l.lines.size() >= 3);
    for (const kiosk::LaidLine& line : l.lines) CHECK_FALSE(begins_inside_cluster(l.text, line.begin));
    const kiosk::TextLayout& latin = e.text.layout({kiosk::Face::SansRegular, 30}, "Incomprehensibilities", 100);
    CHECK(latin.lines.size() >= 3);
    for (const kiosk::LaidLine& line : latin.lines) CHECK(line.width <= 100.5f);
}

TEST_CASE("Khmer lines are taller than Latin ones and hold their stacked marks", "[fonts]") {
    Engine e;
    const kiosk::TextLayout& latin = e.text.layout({kiosk::Face::SansRegular, 30}, "Ieng Sary");
    const kiosk::TextLayout& khmer = e.text.layout({kiosk::Face::SansRegular, 30}, "ស្ត្រី ក្សត្រ");
    CHECK(latin.line_height == 30);  // the type scale's size, as the layouts were designed
    const float em = e.text.fonts().em_px(kiosk::Face::SansRegular, 30);
    CHECK(khmer.line_height >= 1.75f * em - 0.01f);
    // No glyph reaches above the line's top or below its bottom.
    for (const kiosk::LaidGlyph& g : khmer.glyphs) {
        const float scale = e.text.fonts().px_per_unit(kiosk::Face::SansRegular, g.font, 30);
        const kiosk::AtlasGlyph& a = e.text.atlas().glyph(e.text.fonts(), g.font, g.glyph, scale);
        if (a.page < 0) continue;
        CHECK(khmer.ascent + g.dy + float(a.top) >= -1);
        CHECK(khmer.ascent + g.dy + float(a.top + a.height) <= khmer.line_height + 1);
    }
    // Khmer is not set smaller than Latin of the same role: one em for both.
    const kiosk::FontSet& f = e.text.fonts();
    CHECK(f.px_per_unit(kiosk::Face::SansRegular, f.chain(kiosk::Face::SansRegular)[1], 30) *
              float(f.file(f.chain(kiosk::Face::SansRegular)[1]).units_per_em) ==
          Approx(em));
}

TEST_CASE("an unchanged frame shapes nothing and rasterises nothing", "[fonts]") {
    Engine e;
    auto lay_all = [&] {
        e.text.layout({kiosk::Face::SansRegular, 30}, kKhmerParagraph, 400);
        e.text.layout({kiosk::Face::SerifRegular, 46}, "Born in present-day southern Vietnam", 500);
    };
    lay_all();
    const int64_t shaped = e.text.shapings();
    CHECK(shaped > 0);
    lay_all();
    CHECK(e.text.shapings() == shaped);
    // A new size reuses the shaping: only line breaking and positions are new.
    e.text.layout({kiosk::Face::SansRegular, 40}, kKhmerParagraph, 400);
    CHECK(e.text.shapings() == shaped);
    // A glyph is rasterised once per font, glyph and scale.
    const kiosk::TextLayout& l = e.text.layout({kiosk::Face::SansRegular, 30}, "ស្ត្រី");
    const float scale = e.text.fonts().px_per_unit(kiosk::Face::SansRegular, l.glyphs[0].font, 30);
    e.text.atlas().glyph(e.text.fonts(), l.glyphs[0].font, l.glyphs[0].glyph, scale);
    const size_t cached = e.text.atlas().glyph_count();
    e.text.atlas().glyph(e.text.fonts(), l.glyphs[0].font, l.glyphs[0].glyph, scale);
    CHECK(e.text.atlas().glyph_count() == cached);
}

TEST_CASE("the glyph cache packs pages no larger than a Pi 3's 2048x2048 texture", "[fonts]") {
    Engine e;
    // Every glyph of Noto Sans Khmer at a 4K title's size: more than one page holds.
    const kiosk::FontSet& f = e.text.fonts();
    const kiosk::FontId khmer = f.chain(kiosk::Face::SansRegular)[1];
    const float scale = f.px_per_unit(kiosk::Face::SansRegular, khmer, 300);
    for (uint32_t g = 1; g < 400; ++g) e.text.atlas().glyph(f, khmer, g, scale);
    CHECK(e.text.atlas().page_count() >= 2);
    for (int p = 0; p < e.text.atlas().page_count(); ++p) {
        CHECK(e.text.atlas().page(p).width == kiosk::kGlyphPageSide);
        CHECK(e.text.atlas().page(p).height <= kiosk::kGlyphPageSide);
        CHECK(kiosk::kGlyphPageSide <= 2048);
    }
}
