// The exhibit's type for a display: each role's face and pixel size, drawn by
// the text engine (text/text_engine.h), which shapes and rasterises glyphs as
// the screens ask for them. Dear ImGui's own font atlas holds only its small
// default font, for its internals; no screen draws with it.
#pragma once

#include "text/text_engine.h"
#include "text/typography.h"

#include <cstdint>
#include <imgui.h>
#include <string>
#include <vector>

namespace kiosk {

struct Fonts {
    TextEngine* text = nullptr;  // shared by every build of the display's fonts
    TypeScale sizes;

    float size(FontRole r) const { return sizes[r]; }
    TextStyle style(FontRole r) const { return {role_spec(r).face, sizes[r]}; }
    TextStyle style(FontRole r, float px) const { return {role_spec(r).face, px}; }
};

// Sets `out` up for `sizes` with `text` (loaded) and builds Dear ImGui's atlas
// with its default font only. Returns false with `error` when the atlas cannot
// be built.
bool build_fonts(ImFontAtlas& atlas, const TypeScale& sizes, TextEngine& text, Fonts& out, std::string* error);

// The characters of `text` that some role's face cannot draw after shaping
// (each once, in the order they first appear): drawn, each would show as a
// box. Spaces, tabs and line breaks are layout, not glyphs.
std::vector<uint32_t> missing_glyphs(const Fonts& fonts, const std::string& text);

// The capitals of the faces, measured from each Latin file's 'H'. Returns false
// (leaving `out` as it was) when a glyph has no outline.
bool measure_cap_heights(const FontSet& fonts, CapHeights& out);

}  // namespace kiosk
