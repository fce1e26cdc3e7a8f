// Small drawing helpers on top of ImDrawList, shared by every screen.
//
// Text of any length is safe to hand them: a text longer than a screen could
// ever show is cut (with "…") before it is laid out, and only the lines inside
// the clip rectangle reach the draw list, so the cost of a frame follows what is
// visible, not what the pack holds. Measuring is in layout/text_measure.h, with
// the same layouts (text/text_engine.h).
#pragma once

#include "layout/text_measure.h"
#include "text/fonts.h"

#include <imgui.h>
#include <string>
#include <vector>

namespace kiosk {

// Draws wrapped text at whole pixels; returns its height.
float draw_text(ImDrawList& dl, const Fonts& fonts, FontRole role, ImVec2 pos, ImU32 col, const std::string& text,
                float wrap_width = 0);
float draw_text_at(ImDrawList& dl, const Fonts& fonts, FontRole role, float size, ImVec2 pos, ImU32 col,
                   const std::string& text, float wrap_width = 0);

// Upper-cases ASCII letters and spaces the characters apart: used for small
// labels (dates, "DISPUTED") the way printed Latin labels set them. Khmer is
// set as it is: no capitals, no spacing. Returns the width.
float draw_spaced_caps(ImDrawList& dl, const Fonts& fonts, FontRole role, ImVec2 pos, ImU32 col,
                       const std::string& text, float spacing_em);

// A horizontal rule `thickness` pixels high centred on `y`, as whole rows of
// pixels: an anti-aliased line of the same width smears across two rows.
void draw_rule(ImDrawList& dl, float x0, float x1, float y, float thickness, ImU32 col);

// For the tests that check what screens write (interface_strings_test): while
// `log` is set, every text given to draw_text, draw_text_at and draw_spaced_caps
// is added to it with its style. Null (the kiosk's case) records nothing.
struct DrawnText {
    TextStyle style;
    std::string text;
};
void record_drawn_text(std::vector<DrawnText>* log);

}  // namespace kiosk
