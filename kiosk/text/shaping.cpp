#include "text/shaping.h"

#include "base/utf8.h"

#include <hb.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

namespace kiosk {

bool is_khmer(uint32_t c) { return (c >= 0x1780 && c <= 0x17FF) || (c >= 0x19E0 && c <= 0x19FF); }

namespace {

// Characters that belong to no script of their own (spaces, digits,
// punctuation, combining marks): they join the run they stand in.
bool joins_neighbours(uint32_t c) {
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(UChar32(c), &status);
    return U_FAILURE(status) || script == USCRIPT_COMMON || script == USCRIPT_INHERITED;
}

// The font of `face` that draws `c`: the first of its files that has it,
// Khmer always in a Khmer file, and the first file when none has it (its
// .notdef is what the validator reports).
FontId font_for(const FontSet& fonts, Face face, uint32_t c, const FontId* current) {
    const std::vector<FontId>& chain = fonts.chain(face);
    if (current && joins_neighbours(c) && fonts.glyph_for(*current, c)) return *current;
    if (is_khmer(c) && chain.size() > 1) return chain[1];
    for (FontId f : chain)
        if (fonts.glyph_for(f, c)) return f;
    return current && joins_neighbours(c) ? *current : chain.front();
}

struct Run {
    FontId font;
    size_t begin, end;
};

std::vector<Run> itemise(const FontSet& fonts, Face face, std::string_view text) {
    std::vector<Run> runs;
    for (size_t pos = 0; pos < text.size();) {
        const size_t at = pos;
        const uint32_t c = next_code_point(text, pos);
        const FontId* current = runs.empty() ? nullptr : &runs.back().font;
        const FontId f = font_for(fonts, face, c, current);
        if (current && *current == f)
            runs.back().end = pos;
        else
            runs.push_back({f, at, pos});
    }
    return runs;
}

}  // namespace

ShapedParagraph shape_paragraph(const FontSet& fonts, Face face, std::string_view text) {
    ShapedParagraph out;
    if (text.empty()) return out;
    hb_buffer_t* buffer = hb_buffer_create();
    const FontId khmer_file = fonts.chain(face).size() > 1 ? fonts.chain(face)[1] : fonts.chain(face)[0];
    for (const Run& run : itemise(fonts, face, text)) {
        const FontFile& file = fonts.file(run.font);
        hb_buffer_clear_contents(buffer);
        hb_buffer_add_utf8(buffer, text.data(), int(text.size()), unsigned(run.begin), int(run.end - run.begin));
        hb_buffer_guess_segment_properties(buffer);
        const bool khmer = run.font == khmer_file && fonts.chain(face).size() > 1;
        if (khmer) {
            hb_buffer_set_script(buffer, HB_SCRIPT_KHMER);
            hb_buffer_set_language(buffer, hb_language_from_string("km", -1));
            out.has_khmer = true;
        }
        // Vitrine's languages run left to right; a right-to-left run is set in
        // logical order rather than reversed (no pack language needs it yet).
        hb_buffer_set_direction(buffer, HB_DIRECTION_LTR);
        hb_shape(file.hb, buffer, nullptr, 0);
        unsigned n = 0;
        const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &n);
        const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, &n);
        const float em = 1.f / float(file.units_per_em);
        for (unsigned i = 0; i < n; ++i)
            out.glyphs.push_back({run.font, info[i].codepoint, info[i].cluster, float(pos[i].x_advance) * em,
                                  float(pos[i].x_offset) * em, float(pos[i].y_offset) * em});
    }
    hb_buffer_destroy(buffer);
    return out;
}

}  // namespace kiosk
