// Shaping one paragraph: split into runs by the font that can draw them (a
// Khmer run in the face's Khmer file, the rest in its Latin file; spaces,
// digits and punctuation stay with the run around them), each run shaped by
// HarfBuzz with the whole paragraph as context. The result is glyph indices,
// not code points: Khmer's subscript consonants, reordered vowels and stacked
// marks come out as the font designed them.
//
// Shaping is done at each font's own units, so one shaping serves every size.
#pragma once

#include "text/font_set.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace kiosk {

// One glyph in logical order, positioned in ems of the face (1 = the em of the
// role's size), so the same shaping serves every pixel size.
struct ShapedGlyph {
    FontId font;
    uint32_t glyph = 0;    // 0: the font has nothing for this text (.notdef)
    uint32_t cluster = 0;  // byte offset in the paragraph of the first character it draws
    float advance = 0;     // ems
    float x_offset = 0;    // ems, right
    float y_offset = 0;    // ems, up
};

struct ShapedParagraph {
    std::vector<ShapedGlyph> glyphs;
    bool has_khmer = false;  // some run was set in a Khmer file
};

ShapedParagraph shape_paragraph(const FontSet& fonts, Face face, std::string_view paragraph);

// Whether the code point is of the Khmer script (Khmer and Khmer Symbols).
bool is_khmer(uint32_t code_point);

}  // namespace kiosk
