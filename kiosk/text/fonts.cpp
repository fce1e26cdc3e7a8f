#include "text/fonts.h"

#include "base/utf8.h"

#include <algorithm>

namespace kiosk {

bool measure_cap_heights(const FontSet& fonts, CapHeights& out) {
    CapHeights caps = out;
    for (int i = 0; i < int(Face::Count); ++i) {
        const FontId latin = fonts.chain(Face(i)).front();
        const FontFile& f = fonts.file(latin);
        int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        if (!fonts.glyph_box(latin, fonts.glyph_for(latin, 'H'), &x0, &y0, &x1, &y1) || y1 <= y0) return false;
        // A role's size spans the file's ascender to descender.
        caps.of_size[i] = float(y1 - y0) / float(f.ascent - f.descent);
    }
    out = caps;
    return true;
}

bool build_fonts(ImFontAtlas& atlas, const TypeScale& sizes, TextEngine& text, Fonts& out, std::string* error) {
    out.text = &text;
    out.sizes = sizes;
    if (atlas.Fonts.empty()) atlas.AddFontDefault();
    if (!atlas.IsBuilt() && !atlas.Build()) {
        if (error) *error = "the font atlas could not be built";
        return false;
    }
    return true;
}

std::vector<uint32_t> missing_glyphs(const Fonts& fonts, const std::string& text) {
    std::vector<uint32_t> missing;
    for (int face = 0; face < int(Face::Count); ++face) {
        const TextLayout& l = fonts.text->layout({Face(face), 16.f}, text);
        for (const LaidGlyph& g : l.glyphs) {
            if (g.glyph != 0) continue;
            size_t at = g.cluster;
            const uint32_t c = next_code_point(text, at);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
            if (std::find(missing.begin(), missing.end(), c) == missing.end()) missing.push_back(c);
        }
    }
    return missing;
}

}  // namespace kiosk
