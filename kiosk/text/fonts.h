// The exhibit's fonts, baked once per display into Dear ImGui's atlas at the exact
// pixel sizes of each type role, with every character the pack uses.
#pragma once

#include "text/typography.h"

#include <cstdint>
#include <imgui.h>
#include <string>
#include <vector>

namespace kiosk {

struct Fonts {
    ImFont* role[int(FontRole::Count)] = {};
    TypeScale sizes;
    ImVector<ImWchar> glyph_ranges;  // must outlive the atlas build

    ImFont* operator[](FontRole r) const { return role[int(r)]; }
    float size(FontRole r) const { return sizes[r]; }
};

// Adds the fonts to `atlas` and builds it. `text` is every string the screens may
// show (the pack's text and the interface's own), so each of its characters gets
// a glyph. Returns false with `error` naming the file that could not be read.
bool build_fonts(ImFontAtlas& atlas, const TypeScale& sizes, const std::string& font_dir, const std::string& text,
                 Fonts& out, std::string* error);

const char* face_file(Face face);

// The characters of `text` that some role's font has no glyph for (each once, in
// the order they first appear): drawn, each would show as a box. Spaces, tabs
// and line breaks are layout, not glyphs.
std::vector<uint32_t> missing_glyphs(const Fonts& fonts, const std::string& text);

// The capitals of the faces in `font_dir`, measured from each file's 'H'. Returns
// false (leaving `out` as it was) when a file cannot be read.
bool measure_cap_heights(const std::string& font_dir, CapHeights& out);

}  // namespace kiosk
