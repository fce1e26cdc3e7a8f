// Vitrine's text engine: every text the screens draw is shaped (HarfBuzz),
// broken into lines by the Unicode rules (ICU; Khmer words by dictionary) and
// drawn from glyph indices rasterised on demand into the glyph cache.
//
//   layout()  text + style + wrap width → lines of positioned glyphs (cached:
//             an unchanged frame shapes nothing)
//   draw()    a layout into a Dear ImGui draw list, one quad a glyph, the lines
//             outside the clip rectangle skipped
//
// Line height comes from the fonts: a text set only in Latin files keeps the
// type scale's size; one with Khmer grows to hold its tallest stacked marks
// and the leading Khmer needs (the design's 1.75 em), so nothing is clipped.
#pragma once

#include "text/font_set.h"
#include "text/glyph_atlas.h"
#include "text/line_breaks.h"

#include <cstdint>
#include <imgui.h>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kiosk {

struct TextStyle {
    Face face = Face::SansRegular;
    float px = 16;  // the role's size: ascender to descender of the face's Latin file
};

struct LaidGlyph {
    FontId font;
    uint32_t glyph = 0;
    uint32_t cluster = 0;  // byte offset in the text
    float x = 0;           // the pen, from the line's start, pixels
    float advance = 0;     // pixels
    float dx = 0, dy = 0;  // where the glyph sits from the pen (a mark's offset), pixels, y down
};

struct LaidLine {
    uint32_t begin = 0, end = 0;  // bytes of the text shown on the line
    uint32_t first_glyph = 0, glyph_count = 0;
    float width = 0;
};

struct TextLayout {
    TextStyle style;
    std::string text;
    float ascent = 0;       // baseline below the line's top, pixels
    float line_height = 0;  // pixels
    float width = 0;        // the widest line
    bool has_khmer = false;
    std::vector<LaidGlyph> glyphs;
    std::vector<LaidLine> lines;  // an empty text is one empty line

    float height() const { return line_height * float(lines.size()); }
};

// What was drawn, for `--dump-text` and the tests that compare it with
// HarfBuzz's own hb-shape: each text, its lines, and its runs by font file.
struct DrawnRun {
    std::string font_file;  // its path
    float px_per_unit = 0;
    uint32_t begin = 0, end = 0;  // bytes of the text
    struct Glyph {
        uint32_t id, cluster;
        float x, y;                      // on the screen, pixels: the pen on the baseline
        int x_advance = 0;               // font units, as HarfBuzz gave them
        int x_offset = 0, y_offset = 0;  // font units, y up
    };
    std::vector<Glyph> glyphs;
};
struct DumpedText {
    std::string text;
    Face face = Face::SansRegular;
    float px = 0;
    std::vector<std::pair<uint32_t, uint32_t>> lines;  // [begin, end) bytes
    std::vector<DrawnRun> runs;
};

class TextEngine {
public:
    bool load(const std::string& font_dir, std::string* error);
    const FontSet& fonts() const { return fonts_; }
    GlyphAtlas& atlas() { return atlas_; }
    LineBreaks& breaks() { return breaks_; }

    // `text` in `style`, wrapped at `wrap_width` pixels (0: only at '\n').
    const TextLayout& layout(TextStyle style, std::string_view text, float wrap_width = 0);

    // Draws `layout` with its top-left at `pos`, whole pixels; lines outside
    // the draw list's clip rectangle are skipped. `letter_spacing` (pixels)
    // spaces the glyphs apart, for Latin labels only.
    void draw(ImDrawList& dl, const TextLayout& layout, ImVec2 pos, ImU32 col, float letter_spacing = 0);

    // Called once a frame: drops cached layouts when they have grown past what
    // any exhibit's screens use (the kiosk shows texts of one pack, and a
    // visitor's pack change or larger text starts afresh).
    void new_frame();

    // While `log` is set, every draw() is added to it.
    void record(std::vector<DumpedText>* log) { record_ = log; }
    // Forgets what was recorded: the frame is being built again, and only the
    // build that is shown counts.
    void forget_recorded() {
        if (record_) record_->clear();
    }
    // What draw() would record for `layout` at `pos`, its glyphs where draw()
    // puts them (`letter_spacing` included).
    DumpedText describe(const TextLayout& layout, ImVec2 pos = ImVec2(0, 0), float letter_spacing = 0) const;

    // Shapings done since start, for the benchmark (an unchanged frame adds none).
    int64_t shapings() const { return shapings_; }

private:
    struct Shaped;
    const Shaped& shaped(Face face, std::string_view paragraph);
    void lay_paragraph(TextLayout& out, const Shaped& shaped, uint32_t offset, uint32_t length, float wrap_width);

    FontSet fonts_;
    LineBreaks breaks_;
    GlyphAtlas atlas_;
    struct ShapedDeleter {
        void operator()(Shaped* s) const;
    };
    std::unordered_map<std::string, std::unique_ptr<Shaped, ShapedDeleter>> shaped_;
    std::unordered_map<std::string, TextLayout> layouts_;
    std::vector<DumpedText>* record_ = nullptr;
    int64_t shapings_ = 0;
};

}  // namespace kiosk
