// Small drawing helpers on top of ImDrawList, shared by every screen.
#pragma once

#include "fonts.h"

#include <imgui.h>
#include <string>

namespace kiosk {

// Height of `text` wrapped at `wrap_width` (0: no wrapping).
float text_height(const Fonts& fonts, FontRole role, const std::string& text, float wrap_width);
float text_width(const Fonts& fonts, FontRole role, const std::string& text);

// Draws wrapped text at whole pixels; returns its height.
float draw_text(ImDrawList& dl, const Fonts& fonts, FontRole role, ImVec2 pos, ImU32 col,
                const std::string& text, float wrap_width = 0);

// Upper-cases ASCII letters and spaces the characters apart: used for small
// labels (dates, "DISPUTED") the way printed labels set them. Returns the width.
float draw_spaced_caps(ImDrawList& dl, const Fonts& fonts, FontRole role, ImVec2 pos, ImU32 col,
                       const std::string& text, float spacing_em);
float spaced_caps_width(const Fonts& fonts, FontRole role, const std::string& text, float spacing_em);

// A horizontal rule `thickness` pixels high centred on `y`, as whole rows of
// pixels: an anti-aliased line of the same width smears across two rows.
void draw_rule(ImDrawList& dl, float x0, float x1, float y, float thickness, ImU32 col);

}  // namespace kiosk
